// HtmlService, PropertiesService, Session, Utilities, Logger, ScriptApp and the Ui.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import type { Ctx, MenuItem } from "./context";
import { wrap } from "./context";
import { newBlob } from "./images";
import { notImplemented, unwrap } from "./strict";
import { wallFields } from "./values";

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GMenu = GoogleAppsScript.Base.Menu;

// ---------- Ui ----------

class MenuImpl {
  readonly _items: MenuItem[] = [];
  constructor(
    private readonly _ctx: Ctx,
    readonly _caption: string,
    private readonly _addon: boolean,
  ) {}
  private _self(): GMenu {
    return wrap<GMenu>(this._ctx, "Menu", this);
  }
  addItem(caption: string, functionName: string): GMenu {
    this._items.push({ caption, functionName });
    return this._self();
  }
  addSeparator(): GMenu {
    this._items.push({ caption: "", separator: true });
    return this._self();
  }
  addSubMenu(menu: GMenu): GMenu {
    const sub = unwrap(menu) as unknown as MenuImpl;
    this._items.push({ caption: sub._caption, items: sub._items });
    return this._self();
  }
  /** Adding the same menu again replaces it, as reopening the spreadsheet would. */
  addToUi(): void {
    const menus = this._ctx.ui.menus;
    const at = menus.findIndex((m) => m.caption === this._caption && m.addon === this._addon);
    const entry = { caption: this._caption, addon: this._addon, items: [...this._items] };
    if (at >= 0) menus[at] = entry;
    else menus.push(entry);
  }
}

const BUTTON = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" };
const BUTTON_SET = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" };

function htmlOf(output: unknown): { html: string; title: string; width?: number; height?: number } {
  const o = unwrap(output as object) as unknown as HtmlOutputImpl;
  if (!(o instanceof HtmlOutputImpl)) throw new Error("Expected an HtmlOutput (from HtmlService).");
  return { html: o._content, title: o._title, width: o._width, height: o._height };
}

export function makeUi(ctx: Ctx): GoogleAppsScript.Base.Ui {
  const ui = {
    Button: BUTTON,
    ButtonSet: BUTTON_SET,
    createAddonMenu: () => wrap<GMenu>(ctx, "Menu", new MenuImpl(ctx, "Add-ons", true)),
    createMenu: (caption: string) => wrap<GMenu>(ctx, "Menu", new MenuImpl(ctx, caption, false)),
    showSidebar: (output: GHtmlOutput) => {
      const shown = htmlOf(output);
      ctx.ui.sidebar = shown;
      ctx.ui.sidebars.push(shown);
    },
    showModalDialog: (output: GHtmlOutput, title: string) => {
      const { html, width, height } = htmlOf(output);
      ctx.ui.dialogs.push({ html, title, modal: true, width, height });
    },
    showModelessDialog: (output: GHtmlOutput, title: string) => {
      const { html, width, height } = htmlOf(output);
      ctx.ui.dialogs.push({ html, title, modal: false, width, height });
    },
    /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons): records it, the user presses OK (or YES). */
    alert: (a: string, b?: unknown, c?: unknown) => {
      const titled = typeof b === "string";
      ctx.ui.alerts.push(titled ? { title: a, prompt: b } : { prompt: a });
      const buttons = titled ? c : b;
      return buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL ? BUTTON.YES : BUTTON.OK;
    },
  };
  return wrap<GoogleAppsScript.Base.Ui>(ctx, "Ui", ui);
}

// ---------- HtmlService ----------

export class HtmlOutputImpl {
  _title = "";
  _width?: number;
  _height?: number;
  constructor(
    private readonly _ctx: Ctx,
    public _content: string,
  ) {}
  private _self(): GHtmlOutput {
    return wrap<GHtmlOutput>(this._ctx, "HtmlOutput", this);
  }
  getContent() {
    return this._content;
  }
  setContent(content: string) {
    this._content = content;
    return this._self();
  }
  append(content: string) {
    this._content += content;
    return this._self();
  }
  getTitle() {
    return this._title;
  }
  setTitle(title: string) {
    this._title = title;
    return this._self();
  }
  getWidth() {
    return this._width ?? 0;
  }
  setWidth(width: number) {
    this._width = width;
    return this._self();
  }
  getHeight() {
    return this._height ?? 0;
  }
  setHeight(height: number) {
    this._height = height;
    return this._self();
  }
  /** Only IFRAME exists nowadays; other modes are ignored by Google too. */
  setSandboxMode() {
    return this._self();
  }
  setXFrameOptionsMode() {
    return this._self();
  }
  addMetaTag() {
    return this._self();
  }
}

function readHtmlFile(ctx: Ctx, name: string): string {
  const file = join(ctx.distDir, name.endsWith(".html") ? name : `${name}.html`);
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new Error(`No HTML file named ${name} was found.`);
  }
}

/** Turns `<?= ?>`, `<?!= ?>` and `<? ?>` scriptlets into code that builds the page. */
export function compileTemplate(source: string): string {
  const parts: string[] = ["var __out = [];"];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (const m of source.matchAll(re)) {
    parts.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2].trim();
    if (m[1] === "=") parts.push(`__out.push(__escape(${code}));`);
    else if (m[1] === "!=") parts.push(`__out.push(String(${code}));`);
    else parts.push(code);
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(`__out.push(${JSON.stringify(source.slice(last))});`, "return __out.join('');");
  return parts.join("\n");
}

export function escapeHtml(v: unknown): string {
  return String(v ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

class HtmlTemplateImpl {
  constructor(
    private readonly _ctx: Ctx,
    private readonly _source: string,
  ) {}
  getCode() {
    return compileTemplate(this._source);
  }
  getRawContent() {
    return this._source;
  }
  /** Runs in the bundle's global scope (so `include()` from Code.js resolves); template fields are variables. */
  evaluate(): GHtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (!k.startsWith("_")) vars[k] = v;
    const code = compileTemplate(this._source);
    const html = this._ctx.evaluateTemplate
      ? this._ctx.evaluateTemplate(code, vars)
      : (vm.runInNewContext(`(function(){ with (__vars) { ${code} } })()`, {
          __vars: vars,
          __escape: escapeHtml,
        }) as string);
    return wrap<GHtmlOutput>(this._ctx, "HtmlOutput", new HtmlOutputImpl(this._ctx, html));
  }
}

export function htmlService(ctx: Ctx): typeof HtmlService {
  const service = {
    SandboxMode: { EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
    createHtmlOutput: (html?: string) => wrap<GHtmlOutput>(ctx, "HtmlOutput", new HtmlOutputImpl(ctx, html ?? "")),
    createHtmlOutputFromFile: (name: string) =>
      wrap<GHtmlOutput>(ctx, "HtmlOutput", new HtmlOutputImpl(ctx, readHtmlFile(ctx, name))),
    createTemplate: (source: string) => strictTemplate(ctx, new HtmlTemplateImpl(ctx, source)),
    createTemplateFromFile: (name: string) => strictTemplate(ctx, new HtmlTemplateImpl(ctx, readHtmlFile(ctx, name))),
  };
  return wrap<typeof HtmlService>(ctx, "HtmlService", service);
}

/** Templates take arbitrary fields (`t.data = …`), so they are not wrapped by strict(); calls are still counted. */
function strictTemplate(ctx: Ctx, t: HtmlTemplateImpl): GoogleAppsScript.HTML.HtmlTemplate {
  return new Proxy(t, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver);
      if (typeof prop === "string" && typeof v === "function" && !prop.startsWith("_")) {
        return (...args: unknown[]) => {
          ctx.calls.count(`HtmlTemplate.${prop}`);
          return (v as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      return v;
    },
  }) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
}

// ---------- PropertiesService ----------

/** Google's quotas: 9 kB per value, 500 kB per store. */
const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export class PropertyStore {
  readonly _data = new Map<string, string>();
  constructor(private readonly _ctx: Ctx) {}
  private _self() {
    return wrap<GoogleAppsScript.Properties.Properties>(this._ctx, "Properties", this);
  }
  private _check(): void {
    let total = 0;
    for (const [k, v] of this._data) {
      if (Buffer.byteLength(v) > VALUE_LIMIT) throw new Error(`Argument too large: value (property ${k} exceeds 9kB)`);
      total += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    if (total > STORE_LIMIT) throw new Error("You have exceeded the property storage quota.");
  }
  getProperty(key: string): string | null {
    return this._data.get(key) ?? null;
  }
  setProperty(key: string, value: unknown) {
    const before = this._data.get(key);
    this._data.set(key, String(value));
    try {
      this._check();
    } catch (e) {
      if (before === undefined) this._data.delete(key);
      else this._data.set(key, before);
      throw e;
    }
    return this._self();
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false) {
    const before = new Map(this._data);
    if (deleteAllOthers) this._data.clear();
    for (const [k, v] of Object.entries(props)) this._data.set(k, String(v));
    try {
      this._check();
    } catch (e) {
      this._data.clear();
      for (const [k, v] of before) this._data.set(k, v);
      throw e;
    }
    return this._self();
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._data);
  }
  getKeys(): string[] {
    return [...this._data.keys()];
  }
  deleteProperty(key: string) {
    this._data.delete(key);
    return this._self();
  }
  deleteAllProperties() {
    this._data.clear();
    return this._self();
  }
}

export function propertiesService(
  ctx: Ctx,
  stores: { document: PropertyStore; user: PropertyStore; script: PropertyStore },
): typeof PropertiesService {
  const w = (s: PropertyStore) => wrap<GoogleAppsScript.Properties.Properties>(ctx, "Properties", s);
  return wrap<typeof PropertiesService>(ctx, "PropertiesService", {
    getDocumentProperties: () => w(stores.document),
    getUserProperties: () => w(stores.user),
    getScriptProperties: () => w(stores.script),
  });
}

// ---------- Session, Utilities, Logger, ScriptApp ----------

export function session(ctx: Ctx, userLocale: string, email: string): typeof Session {
  const user = wrap<GoogleAppsScript.Base.User>(ctx, "User", { getEmail: () => email });
  return wrap<typeof Session>(ctx, "Session", {
    getActiveUserLocale: () => userLocale,
    getScriptTimeZone: () => ctx.wb.options.timeZone,
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getTemporaryActiveUserKey: () => "standin-user-key",
  });
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Java SimpleDateFormat letters, the subset scripts commonly use: y M d H h m s S E a Z, quoted text. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date) && Object.prototype.toString.call(date) !== "[object Date]")
    throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
  const f = wallFields(date, timeZone);
  const ms = date.getTime() % 1000;
  return pattern.replace(/'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|E+|a|Z/g, (tok, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted || "'";
    const n = tok.length;
    const pad = (v: number) => String(v).padStart(n, "0");
    switch (tok[0]) {
      case "y":
        return n === 2 ? String(f.year % 100).padStart(2, "0") : pad(f.year);
      case "M":
        return pad(f.month);
      case "d":
        return pad(f.day);
      case "H":
        return pad(f.hour);
      case "h":
        return pad(f.hour % 12 || 12);
      case "m":
        return pad(f.minute);
      case "s":
        return pad(f.second);
      case "S":
        return String(ms).padStart(3, "0").slice(0, Math.max(n, 3));
      case "E":
        return DAYS[f.weekday];
      case "a":
        return f.hour < 12 ? "AM" : "PM";
      default: {
        const offset = Math.round(
          (Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - (date.getTime() - ms)) / 60000,
        );
        const sign = offset < 0 ? "-" : "+";
        const abs = Math.abs(offset);
        return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
      }
    }
  });
}

/** sprintf-style, as Utilities.formatString: %s %d %i %f %.Nf %%. */
export function formatString(template: string, ...args: unknown[]): string {
  let i = 0;
  return template.replace(/%(\.\d+)?([sdif%])/g, (_m, precision: string | undefined, type: string) => {
    if (type === "%") return "%";
    const v = args[i++];
    if (type === "s") return String(v);
    if (type === "d" || type === "i") return String(Math.trunc(Number(v)));
    return precision ? Number(v).toFixed(Number(precision.slice(1))) : String(Number(v));
  });
}

export function utilities(ctx: Ctx): typeof Utilities {
  return wrap<typeof Utilities>(ctx, "Utilities", {
    formatDate,
    formatString,
    getUuid: () => randomUUID(),
    /** Tests must not wait: sleeping is counted, not slept. */
    sleep: () => {},
    base64Encode: (data: string) => Buffer.from(data, "utf8").toString("base64"),
    base64Decode: (data: string) => [...Buffer.from(data, "base64")].map((b) => (b > 127 ? b - 256 : b)),
    newBlob: (data: number[] | string, contentType?: string, name?: string) => newBlob(ctx, data, contentType, name),
  });
}

/** Which of a stand-in's locks (document, script, user) are held right now. */
const heldLocks = new WeakMap<Ctx, Set<string>>();

export function locksHeld(ctx: Ctx): string[] {
  return [...(heldLocks.get(ctx) ?? [])];
}

/**
 * LockService. The stand-in runs one call at a time, so a lock is always free
 * at once; it records who holds it so tests can check the add-on releases it.
 */
export function lockService(ctx: Ctx): typeof LockService {
  const held = heldLocks.get(ctx) ?? new Set<string>();
  heldLocks.set(ctx, held);
  const lock = (kind: string) => {
    const take = () => {
      held.add(kind);
      return true;
    };
    return wrap<GoogleAppsScript.Lock.Lock>(ctx, "Lock", {
      tryLock: (_timeoutInMillis: number) => take(),
      waitLock: (_timeoutInMillis: number) => {
        take();
      },
      releaseLock: () => {
        held.delete(kind);
      },
      hasLock: () => held.has(kind),
    });
  };
  return wrap<typeof LockService>(ctx, "LockService", {
    getDocumentLock: () => lock("document"),
    getScriptLock: () => lock("script"),
    getUserLock: () => lock("user"),
  });
}

export function logger(ctx: Ctx): typeof Logger {
  const log = {
    log: (format: unknown, ...values: unknown[]) => {
      const line = typeof format === "string" && values.length ? formatString(format, ...values) : String(format);
      ctx.ui.logs.push(line);
      return wrap<typeof Logger>(ctx, "Logger", log);
    },
    getLog: () => ctx.ui.logs.join("\n"),
    clear: () => {
      ctx.ui.logs.length = 0;
    },
  };
  return wrap<typeof Logger>(ctx, "Logger", log);
}

export function scriptApp(ctx: Ctx): typeof ScriptApp {
  return wrap<typeof ScriptApp>(ctx, "ScriptApp", {
    AuthMode: { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" },
    getScriptId: () => "standin-script",
  });
}

export { notImplemented };
