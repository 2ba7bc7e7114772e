// The local preview: a spreadsheet grid, the add-on's menu and its sidebar,
// all running the built bundle against the stand-in. Node's http only.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import type { Standin } from "../standin";
import { parseCsv, SAMPLE_SHEET, sampleStandin } from "./sample";

const here = dirname(fileURLToPath(import.meta.url));

export interface PreviewOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  distDir?: string;
  /** CSV files to load, each into a new sheet named after the file. */
  csv?: string[];
}

export interface Preview {
  url: string;
  standin: Standin;
  close(): Promise<void>;
}

/** What the page renders: sheets, the active sheet's cells, menus, sidebar, messages. */
function state(s: Standin, sheet: string, sidebarVersion: number) {
  // Hidden sheets (the add-on's "KPI History") get no tab, as in Sheets.
  const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
  const names = s.sheetNames().filter((n) => !ss.getSheetByName(n)?.isSheetHidden());
  const active = names.includes(sheet) ? sheet : names[0];
  return {
    sheets: names,
    active,
    view: s.snapshot(active),
    menus: s.ui.menus,
    sidebar: s.ui.sidebar ? { title: s.ui.sidebar.title, version: sidebarVersion } : null,
    toasts: s.ui.toasts.slice(-3),
    alerts: s.ui.alerts.slice(-3),
    dialogs: s.ui.dialogs.length,
  };
}

/**
 * google.script.run for the sidebar: calls POST /api/run, where the bundle runs
 * against the stand-in. Loaded before the page's own scripts.
 */
const SHIM = `<script>
(function () {
  function isDate(v) { return Object.prototype.toString.call(v) === "[object Date]"; }
  function check(v, seen) {
    if (v === null || typeof v !== "object") {
      if (typeof v === "function") throw new TypeError("Failed due to illegal value in property: function");
      return;
    }
    if (isDate(v)) throw new TypeError("Failed due to illegal value in property: Date");
    if (seen.indexOf(v) >= 0) throw new TypeError("Failed due to illegal value: circular structure");
    seen.push(v);
    for (var k in v) check(v[k], seen);
    seen.pop();
  }
  function runner(success, failure, user) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(f, failure, user); };
        if (name === "withFailureHandler") return function (f) { return runner(success, f, user); };
        if (name === "withUserObject") return function (u) { return runner(success, failure, u); };
        if (typeof name !== "string") return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          args.forEach(function (a) { check(a, []); });
          fetch("/api/run", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              if (res.ok) {
                if (success) success(res.result, user);
                if (res.uiChanged) parent.postMessage({ kpiTreePreview: "refresh" }, "*");
              }
              else {
                var err = new Error(res.error); err.name = "ScriptError";
                if (failure) failure(err, user); else console.error(err);
              }
              try { parent.postMessage({ type: "kpi-preview-refresh" }, "*"); } catch (e) {}
            });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: { close: function () { try { parent.postMessage({ type: "kpi-preview-close" }, "*"); } catch (e) {} }, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } },
    url: { getLocation: function (cb) { cb({ hash: "", parameter: {}, parameters: {} }); } },
  };
})();
</script>`;

function injectShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + SHIM + html.slice(head.index + head[0].length);
  return SHIM + html;
}

async function pageScript(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(here, "page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
  });
  return out.outputFiles[0].text;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

function send(res: ServerResponse, status: number, type: string, content: string): void {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  res.end(content);
}

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, "application/json", JSON.stringify(value));

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const distDir = resolve(options.distDir ?? "dist");
  const s = sampleStandin(distDir);
  for (const file of options.csv ?? []) {
    const rows = parseCsv(readFileSync(file, "utf8"));
    const width = Math.max(1, ...rows.map((r) => r.length));
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet(
      basename(file)
        .replace(/\.csv$/i, "")
        .slice(0, 90),
    );
    if (rows.length) {
      if (rows.length > sheet.getMaxRows() || width > sheet.getMaxColumns())
        throw new Error(`${file}: larger than the preview's 1000×26 sheet`);
      sheet
        .getRange(1, 1, rows.length, width)
        .setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")));
    }
  }
  // Opening the spreadsheet: Sheets runs onOpen, which adds the add-on's menu.
  try {
    s.run("onOpen", { authMode: "FULL" });
  } catch (e) {
    console.warn(`onOpen failed: ${message(e)}`);
  }
  const first = s.sheetNames()[0] ?? SAMPLE_SHEET;
  let current = first;
  let sidebarVersion = 0;
  let lastSidebar = s.ui.sidebar;
  const script = await pageScript();
  const page = readFileSync(join(here, "index.html"), "utf8").replace("/*SCRIPT*/", () =>
    script.replace(/<\/script/gi, "<\\/script"),
  );

  const snapshot = () => {
    if (s.ui.sidebar !== lastSidebar) {
      lastSidebar = s.ui.sidebar;
      sidebarVersion++;
    }
    return state(s, current, sidebarVersion);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = `${req.method} ${url.pathname}`;
    (async () => {
      switch (route) {
        case "GET /":
          return send(res, 200, "text/html", page);
        case "GET /api/state": {
          current = url.searchParams.get("sheet") ?? current;
          return json(res, snapshot());
        }
        case "POST /api/cell": {
          const { sheet, a1, input } = (await body(req)) as { sheet: string; a1: string; input: string };
          current = sheet;
          try {
            s.type(sheet, a1, String(input));
            return json(res, { ok: true, state: snapshot() });
          } catch (e) {
            return json(res, { ok: false, error: message(e), state: snapshot() });
          }
        }
        case "POST /api/menu": {
          const { functionName } = (await body(req)) as { functionName: string };
          try {
            s.run(functionName);
            return json(res, { ok: true, state: snapshot() });
          } catch (e) {
            return json(res, { ok: false, error: message(e), state: snapshot() });
          }
        }
        case "POST /api/run": {
          const { name, args } = (await body(req)) as { name: string; args: unknown[] };
          // As in Sheets, a server call may rebuild the menu or open another sidebar: the page then refreshes.
          const ui = () => [s.ui.sidebar, JSON.stringify(s.ui.menus)];
          const before = ui();
          try {
            const result = s.run(name, ...(args ?? [])) ?? null;
            const after = ui();
            return json(res, { ok: true, result, uiChanged: after[0] !== before[0] || after[1] !== before[1] });
          } catch (e) {
            return json(res, { ok: false, error: message(e) });
          }
        }
        case "GET /sidebar":
          if (!s.ui.sidebar) return send(res, 404, "text/html", "<p>The add-on has not opened a sidebar.</p>");
          return send(res, 200, "text/html", injectShim(s.ui.sidebar.html));
        case "GET /api/calls":
          return json(res, Object.fromEntries(s.calls));
        default:
          return send(res, 404, "text/plain", "not found");
      }
    })().catch((e) => json(res, { ok: false, error: message(e) }, 500));
  });

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    standin: s,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
