// The local preview: a spreadsheet grid, the add-on's menu and its sidebar,
// all running the built bundle against the stand-in. Node's http only.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import type { Standin, UiLog } from "../standin";
import { rangeA1 } from "../standin/a1";
import { SAMPLE_SHEET, sampleStandin } from "./sample";
import { addSheet, readTableFile } from "./workbook";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, "..", "..");
/** The add-on's icon (docs/marketplace), also the page's favicon. */
const ICON = join(ROOT, "docs", "marketplace", "icon-32.png");

/**
 * Noto Sans JP (SIL OFL, npm @fontsource/noto-sans-jp) for the preview page and, injected here, the
 * sidebar, so screenshots never depend on the machine's fonts; the symbols it lacks (✕ among the
 * operator words) come from Noto Sans Symbols 2 under the same family name, declared first so that
 * Noto Sans JP's own glyphs win. dist/ stays as it is: in Sheets the sidebar uses the user's fonts.
 */
const FONT_ROUTE = "/fonts/";
const FONT_PACKAGES = ["noto-sans-jp", "noto-sans-symbols-2"];
const SYMBOLS_CSS = `${FONT_ROUTE}symbols.css`;
/** The weights the page and the sidebar use. */
export const FONT_LINKS = [SYMBOLS_CSS, ...["400", "500", "700"].map((w) => `${FONT_ROUTE}noto-sans-jp/${w}.css`)]
  .map((href) => `<link rel="stylesheet" href="${href}">`)
  .join("");

function fontFile(pathname: string): string | undefined {
  const [pkg, ...rest] = decodeURIComponent(pathname.slice(FONT_ROUTE.length)).split("/");
  if (!FONT_PACKAGES.includes(pkg)) return undefined;
  const dir = join(ROOT, "node_modules", "@fontsource", pkg);
  const file = normalize(join(dir, ...rest));
  return file.startsWith(dir + sep) && /\.(css|woff2?)$/.test(file) ? file : undefined;
}

function symbolsCss(): string {
  return readFileSync(fontFile(`${FONT_ROUTE}noto-sans-symbols-2/400.css`)!, "utf8")
    .replaceAll("'Noto Sans Symbols 2'", "'Noto Sans JP'")
    .replaceAll("url(./files/", `url(${FONT_ROUTE}noto-sans-symbols-2/files/`);
}

const TYPES: Record<string, string> = { css: "text/css", woff2: "font/woff2", woff: "font/woff", png: "image/png" };

export interface PreviewOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  distDir?: string;
  /** .csv files (one sheet each, named after the file) and .xlsx files (one sheet per visible worksheet) to open. */
  files?: string[];
}

export interface Preview {
  url: string;
  standin: Standin;
  close(): Promise<void>;
}

/** Sheets shows one toast at a time, for its timeout in seconds (5 when not given; negative: until the next one). */
export function liveToast(
  toasts: UiLog["toasts"],
  shownAt: number[],
  now: number,
): { id: number; title?: string; message: string; remainingMs: number } | null {
  const id = toasts.length - 1;
  if (id < 0) return null;
  const { title, message, timeoutSeconds } = toasts[id];
  const seconds = timeoutSeconds ?? 5;
  const remainingMs = seconds < 0 ? -1 : shownAt[id] + seconds * 1000 - now;
  if (seconds >= 0 && remainingMs <= 0) return null;
  return { id, title, message, remainingMs };
}

/** What the page renders: sheets, the active sheet and selection, menus, sidebar, messages. */
function openDialog(s: Standin, closed: number) {
  const n = s.ui.dialogs.length;
  if (n <= closed) return null;
  const { title, width, height } = s.ui.dialogs[n - 1];
  return { title, version: n, width: width ?? 600, height: height ?? 400 };
}

function state(s: Standin, ui: Shown) {
  // Hidden sheets (the add-on's "KPI History") get no tab, as in Sheets.
  const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
  const names = s.sheetNames().filter((n) => !ss.getSheetByName(n)?.isSheetHidden());
  const selection = s.selection();
  const active = names.includes(selection.sheet) ? selection.sheet : names[0];
  return {
    sheets: names,
    active,
    selection: active === selection.sheet ? selection : { sheet: active, row: 1, column: 1, numRows: 1, numColumns: 1 },
    view: s.snapshot(active),
    menus: s.ui.menus,
    sidebar: s.ui.sidebar ? { title: s.ui.sidebar.title, version: ui.sidebarVersion } : null,
    toast: liveToast(s.ui.toasts, ui.shownAt, Date.now()),
    // Alerts are modal in Sheets: shown until dismissed.
    alerts: s.ui.alerts.slice(ui.alertsSeen).map((a, i) => ({ ...a, id: ui.alertsSeen + i })),
    dialogs: s.ui.dialogs.length,
    // The last dialog the add-on opened, until it closes (google.script.host.close or its ×).
    dialog: openDialog(s, ui.dialogsClosed),
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

/** The sidebar as Sheets serves it, plus google.script.run and the preview's fonts. */
function injectShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  const extra = SHIM + FONT_LINKS;
  if (head) return html.slice(0, head.index + head[0].length) + extra + html.slice(head.index + head[0].length);
  return extra + html;
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

/** A file under the project (fonts, icon): cached by the browser, unlike the API. */
function sendFile(res: ServerResponse, file: string | undefined): void {
  if (!file || !existsSync(file)) {
    send(res, 404, "text/plain", "not found");
    return;
  }
  const type = TYPES[file.slice(file.lastIndexOf(".") + 1)] ?? "application/octet-stream";
  res.writeHead(200, { "content-type": type, "cache-control": "max-age=3600" });
  res.end(readFileSync(file));
}

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, "application/json", JSON.stringify(value));

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What the page was shown, so the next state says what is new (sidebar, toasts, alerts, dialogs). */
interface Shown {
  sidebarVersion: number;
  shownAt: number[];
  alertsSeen: number;
  dialogsClosed: number;
}

/** One preview's stand-in, page and what it has shown; `snapshot()` is the page's state now. */
interface Session {
  s: Standin;
  page: string;
  ui: Shown;
  /** Sheets remembers each sheet's selection: a tab click returns to it. */
  remembered: Map<string, string>;
  snapshot(): ReturnType<typeof state>;
}

/** The sample workbook with the files added, opened as Sheets opens it (onOpen), on the first file's table. */
async function openWorkbook(distDir: string, files: string[]): Promise<Standin> {
  const s = sampleStandin(distDir);
  const loaded: string[] = [];
  for (const file of files) {
    for (const sheet of await readTableFile(file)) {
      addSheet(s, sheet, file);
      loaded.push(s.selection().sheet);
    }
  }
  // Opening the spreadsheet: Sheets runs onOpen, which adds the add-on's menu.
  try {
    s.run("onOpen", { authMode: "FULL" });
  } catch (e) {
    console.warn(`onOpen failed: ${message(e)}`);
  }
  // The page opens on the first file's table, else on the sample.
  s.select(loaded[0] ?? s.sheetNames()[0] ?? SAMPLE_SHEET);
  return s;
}

async function session(distDir: string, files: string[]): Promise<Session> {
  const s = await openWorkbook(distDir, files);
  const ui: Shown = { sidebarVersion: 0, shownAt: [], alertsSeen: 0, dialogsClosed: 0 };
  let lastSidebar = s.ui.sidebar;
  const script = await pageScript();
  const page = readFileSync(join(here, "index.html"), "utf8")
    .replace("<!--FONTS-->", FONT_LINKS)
    .replace("/*SCRIPT*/", () => script.replace(/<\/script/gi, "<\\/script"));
  const snapshot = () => {
    if (s.ui.sidebar !== lastSidebar) {
      lastSidebar = s.ui.sidebar;
      ui.sidebarVersion++;
    }
    // A toast starts its timeout when the page can first show it.
    while (ui.shownAt.length < s.ui.toasts.length) ui.shownAt.push(Date.now());
    return state(s, ui);
  };
  return { s, page, ui, remembered: new Map(), snapshot };
}

/** Something a person does through the add-on: ok with the page's new state, or the error with it. */
function attempt(res: ServerResponse, p: Session, work: () => void): void {
  try {
    work();
    json(res, { ok: true, state: p.snapshot() });
  } catch (e) {
    json(res, { ok: false, error: message(e), state: p.snapshot() });
  }
}

/** The page, its fonts, the add-on's sidebar and dialog, and the state the page polls. */
function get(res: ServerResponse, p: Session, pathname: string) {
  const { s } = p;
  switch (pathname) {
    case "/":
      return send(res, 200, "text/html", p.page);
    case SYMBOLS_CSS:
      return send(res, 200, "text/css", symbolsCss());
    case "/favicon.ico":
      return sendFile(res, ICON);
    case "/api/state":
      return json(res, p.snapshot());
    case "/sidebar":
      if (!s.ui.sidebar) return send(res, 404, "text/html", "<p>The add-on has not opened a sidebar.</p>");
      return send(res, 200, "text/html", injectShim(s.ui.sidebar.html));
    case "/dialog": {
      const last = s.ui.dialogs[s.ui.dialogs.length - 1];
      if (!last) return send(res, 404, "text/html", "<p>The add-on has not opened a dialog.</p>");
      return send(res, 200, "text/html", injectShim(last.html));
    }
    case "/api/calls":
      return json(res, Object.fromEntries(s.calls));
    default:
      if (pathname.startsWith(FONT_ROUTE)) return sendFile(res, fontFile(pathname));
      return send(res, 404, "text/plain", "not found");
  }
}

/** What a person does on the page: select, dismiss, type, pick a menu item; and google.script.run's calls. */
async function post(req: IncomingMessage, res: ServerResponse, p: Session, pathname: string): Promise<void> {
  const { s, ui } = p;
  switch (pathname) {
    case "/api/select": {
      // A person clicking a tab or cells: the add-on's getActiveSheet()/getActiveRange() see it.
      const { sheet, a1 } = (await body(req)) as { sheet: string; a1?: string };
      const current = s.selection();
      p.remembered.set(current.sheet, rangeA1(current));
      s.select(sheet, a1 ?? p.remembered.get(sheet) ?? "A1");
      return json(res, p.snapshot());
    }
    case "/api/dismiss": {
      const { id } = (await body(req)) as { id: number };
      ui.alertsSeen = Math.max(ui.alertsSeen, id + 1);
      return json(res, p.snapshot());
    }
    case "/api/cell": {
      const { sheet, a1, input } = (await body(req)) as { sheet: string; a1: string; input: string };
      return attempt(res, p, () => {
        s.select(sheet, a1);
        s.type(sheet, a1, String(input));
      });
    }
    case "/api/menu": {
      const { functionName } = (await body(req)) as { functionName: string };
      return attempt(res, p, () => s.run(functionName));
    }
    case "/api/run":
      return json(res, serverCall(s, (await body(req)) as { name: string; args: unknown[] }));
    case "/api/close-dialog":
      ui.dialogsClosed = s.ui.dialogs.length;
      return json(res, p.snapshot());
    default:
      return send(res, 404, "text/plain", "not found");
  }
}

/** google.script.run's call: its result, or its error. */
function serverCall(s: Standin, { name, args }: { name: string; args: unknown[] }) {
  // As in Sheets, a server call may rebuild the menu or open another sidebar: the page then refreshes.
  const ui = () => [s.ui.sidebar, JSON.stringify(s.ui.menus)];
  const before = ui();
  try {
    const result = s.run(name, ...(args ?? [])) ?? null;
    const after = ui();
    return { ok: true, result, uiChanged: after[0] !== before[0] || after[1] !== before[1] };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const p = await session(resolve(options.distDir ?? "dist"), options.files ?? []);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    (async () => {
      if (req.method === "GET") return get(res, p, pathname);
      if (req.method === "POST") return post(req, res, p, pathname);
      return send(res, 404, "text/plain", "not found");
    })().catch((e) => json(res, { ok: false, error: message(e) }, 500));
  });

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    standin: p.s,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
