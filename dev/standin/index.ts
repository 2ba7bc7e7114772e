// An in-memory Google Sheets + Apps Script for tests and the local preview.
// See README "Local preview". HyperFormula (GPL-3.0) is used here only, never in dist/.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import vm from "node:vm";
import type { FunctionSpec } from "../../src/functions/registry";
import { cellA1, parseA1 } from "./a1";
import { effectiveStyle } from "./conditional";
import type { Ctx, UiLog } from "./context";
import type { CustomFunction } from "./customFunctions";
import { type SheetsValue, Workbook } from "./engine";
import {
  escapeHtml,
  htmlService,
  lockService,
  locksHeld,
  logger,
  makeUi,
  PropertyStore,
  propertiesService,
  scriptApp,
  session,
  utilities,
} from "./services";
import { activeGrid, spreadsheetApp } from "./spreadsheet";
import { CallCounter } from "./strict";

export type { UiLog } from "./context";
export { CallCounter } from "./strict";

export interface StandinOptions {
  /** Spreadsheet locale, e.g. "ja_JP" (default "en_US"). */
  locale?: string;
  /** Spreadsheet and script time zone (default "Asia/Tokyo"). */
  timeZone?: string;
  /** Initial sheets, in order: name → rows of values or formulas (strings read as typed). */
  sheets?: Record<string, unknown[][]>;
}

export interface StandinGlobals {
  SpreadsheetApp: typeof SpreadsheetApp;
  HtmlService: typeof HtmlService;
  PropertiesService: typeof PropertiesService;
  Session: typeof Session;
  Utilities: typeof Utilities;
  Logger: typeof Logger;
  ScriptApp: typeof ScriptApp;
  LockService: typeof LockService;
}

/** One cell of `snapshot()`: what a person sees. */
export interface CellView {
  value: SheetsValue;
  display: string;
  formula: string;
  background: string;
  fontColor: string;
  bold: boolean;
  note: string;
  align?: string;
  error?: string;
}

export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  frozenRows: number;
  columnWidths: number[];
  cells: CellView[][];
}

export interface Standin {
  globals: StandinGlobals;
  calls: CallCounter;
  resetCalls(): void;
  /** Custom-function executions per name since it was last cleared: each is one script execution in Sheets. */
  functionRuns: Map<string, number>;
  /** What the UI showed: menus, sidebar, alerts, toasts, logs. */
  ui: UiLog;
  /** Runs dist/Code.js in one global scope with the Apps Script globals and registers its custom functions. */
  loadBundle(distDir?: string): void;
  /** Calls a top-level server function as google.script.run does (JSON in, JSON out). */
  run(name: string, ...args: unknown[]): unknown;
  /** Names of the custom functions registered from the bundle. */
  customFunctions(): string[];
  sheetNames(): string[];
  /** getValues() of an A1 range (with or without sheet name) on the given sheet. */
  values(sheet: string, a1: string): SheetsValue[][];
  /** Sets a cell as a person typing would ("=…" formula, "'…" text, "20%" number). */
  type(sheet: string, a1: string, input: string): void;
  displayValue(sheet: string, a1: string): string;
  /** The cell's background after conditional format rules, as a person sees it. */
  effectiveBackground(sheet: string, a1: string): string;
  /** The message behind an error cell (#ERROR!, #REF!), as Sheets' tooltip shows it. */
  errorMessage(sheet: string, a1: string): string | undefined;
  snapshot(sheet: string, maxRows?: number, maxColumns?: number): SheetView;
  /** The active sheet and range, as the add-on's getActiveSheet()/getActiveRange() see them (not counted as calls). */
  selection(): { sheet: string; row: number; column: number; numRows: number; numColumns: number };
  /** What a person clicking does: makes the sheet active and selects the A1 range on it ("A1" when omitted). */
  select(sheet: string, a1?: string): void;
  properties: { document: PropertyStore; user: PropertyStore; script: PropertyStore };
  /** Locks (document, script, user) held right now: empty after every well-behaved server call. */
  locksHeld(): string[];
}

/** Google documents Date, functions and other non-JSON values as illegal in google.script.run. */
function assertLegal(value: unknown, path: string, direction: string, seen = new Set<unknown>()): void {
  if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value)) return;
  if (Object.prototype.toString.call(value) === "[object Date]")
    throw new Error(`google.script.run: a Date is not a legal ${direction} (${path}); pass a string or number`);
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
    throw new Error(`google.script.run: a ${typeof value} is not a legal ${direction} (${path})`);
  if (seen.has(value)) throw new Error(`google.script.run: circular ${direction} (${path})`);
  seen.add(value);
  for (const [k, v] of Object.entries(value as object)) assertLegal(v, `${path}.${k}`, direction, seen);
  seen.delete(value);
}

/** The custom functions' declarations the bundle carries: `KpiTree.CUSTOM_FUNCTIONS` (src/functions/registry.ts). */
function registryOf(scope: vm.Context): FunctionSpec[] {
  const list = (scope.KpiTree as { CUSTOM_FUNCTIONS?: { spec: FunctionSpec }[] } | undefined)?.CUSTOM_FUNCTIONS;
  return (list ?? []).map((fn) => fn.spec);
}

/** The workbook, the recorders and the Apps Script services over them. */
function services(options: StandinOptions) {
  const wb = new Workbook({ locale: options.locale ?? "en_US", timeZone: options.timeZone ?? "Asia/Tokyo" });
  const calls = new CallCounter();
  const ui: UiLog = { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], logs: [] };
  const ctx: Ctx = {
    wb,
    calls,
    ui,
    readOnly: false,
    spreadsheetId: "standin-spreadsheet",
    spreadsheetName: "KPI Tree (stand-in)",
    distDir: resolve("dist"),
    makeUi: () => makeUi(ctx),
  };
  const properties = { document: new PropertyStore(ctx), user: new PropertyStore(ctx), script: new PropertyStore(ctx) };
  const globals: StandinGlobals = {
    SpreadsheetApp: spreadsheetApp(ctx),
    HtmlService: htmlService(ctx),
    PropertiesService: propertiesService(ctx, properties),
    Session: session(ctx, (options.locale ?? "en_US").split("_")[0], "user@example.com"),
    Utilities: utilities(ctx),
    Logger: logger(ctx),
    ScriptApp: scriptApp(ctx),
    LockService: lockService(ctx),
  };
  return { wb, calls, ui, ctx, properties, globals };
}

/** The options' sheets, in order, each as wide and as tall as its rows. */
function addSheets(wb: Workbook, sheets: Record<string, unknown[][]>): void {
  for (const [name, rows] of Object.entries(sheets)) {
    wb.addSheet(name);
    if (!rows.length) continue;
    const width = Math.max(...rows.map((r) => r.length));
    const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    const model = wb.sheet(name);
    model.maxRows = Math.max(model.maxRows, grid.length);
    model.maxColumns = Math.max(model.maxColumns, width);
    if (width) wb.writeValues(name, 1, 1, grid);
  }
}

/** Runs `ctx.distDir`'s Code.js in one global scope and registers its custom functions (read-only while they run). */
function loadCode(ctx: Ctx, globals: StandinGlobals): { scope: vm.Context; registered: string[] } {
  const code = readFileSync(join(ctx.distDir, "Code.js"), "utf8");
  // One global scope, as Apps Script: our services plus the JS builtins of the
  // context. Date comes from here so that dates compare with instanceof both ways.
  const sandbox: Record<string, unknown> = { ...globals, Date, __escape: escapeHtml };
  const scope = vm.createContext(sandbox, { name: "Apps Script (stand-in)" });
  vm.runInContext(code, scope, { filename: join(ctx.distDir, "Code.js") });
  ctx.evaluateTemplate = (templateCode, vars) => {
    scope.__vars = vars;
    return vm.runInContext(`(function(){ with (__vars) { ${templateCode} } })()`, scope) as string;
  };
  const functions = new Map<string, CustomFunction>();
  for (const spec of registryOf(scope)) {
    const fn = scope[spec.name];
    if (typeof fn !== "function") throw new Error(`stand-in: ${spec.name} is registered but not a top-level function`);
    functions.set(spec.name, {
      spec,
      call: (args) => {
        ctx.readOnly = true;
        try {
          return (fn as (...a: unknown[]) => unknown)(...args);
        } finally {
          ctx.readOnly = false;
        }
      },
    });
  }
  ctx.wb.setCustomFunctions(functions);
  return { scope, registered: [...functions.keys()] };
}

/** A top-level server function called as google.script.run calls it: legal JSON in, legal JSON out. */
function runServer(scope: vm.Context, name: string, args: unknown[]): unknown {
  // google.script.run cannot reach private functions (trailing underscore).
  const fn = name.endsWith("_") ? undefined : scope[name];
  if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
  args.forEach((a, i) => {
    assertLegal(a, `argument ${i + 1}`, "parameter");
  });
  // Arguments arrive as fresh JSON values built in the script's realm.
  const json = JSON.stringify(args.map((a) => (a === undefined ? null : a)));
  const parsed = vm.runInContext(`JSON.parse(${JSON.stringify(json)})`, scope) as unknown[];
  let result: unknown;
  try {
    result = (fn as (...a: unknown[]) => unknown)(...parsed);
  } catch (e) {
    const message = typeof e === "object" && e && "message" in e ? String((e as Error).message) : String(e);
    throw new Error(message);
  }
  assertLegal(result, "result", "return value");
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}

/** The cells of a sheet's used area (and a margin) as a person sees them. */
function snapshotOf(wb: Workbook, sheet: string, maxRows?: number, maxColumns?: number): SheetView {
  const model = wb.sheet(sheet);
  const { lastRow, lastColumn } = wb.extent(sheet);
  const rows = Math.min(model.maxRows, maxRows ?? Math.max(lastRow + 5, 20));
  const columns = Math.min(model.maxColumns, maxColumns ?? Math.max(lastColumn + 2, 10));
  const cells: CellView[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= columns; c++) line.push(cellView(wb, sheet, r, c));
    cells.push(line);
  }
  return {
    name: sheet,
    rows,
    columns,
    frozenRows: model.frozenRows,
    columnWidths: Array.from({ length: columns }, (_, i) => model.columnWidths.get(i + 1) ?? 100),
    cells,
  };
}

function cellView(wb: Workbook, sheet: string, r: number, c: number): CellView {
  const look = effectiveStyle(wb, sheet, r, c);
  const own = wb.style(sheet, r, c);
  return {
    value: wb.value(sheet, r, c),
    display: wb.display(sheet, r, c),
    formula: wb.formula(sheet, r, c),
    background: look.background,
    fontColor: look.fontColor,
    bold: look.bold,
    note: own.note ?? "",
    align: own.horizontalAlignment,
    error: wb.errorMessage(sheet, r, c),
  };
}

export function createStandin(options: StandinOptions = {}): Standin {
  const { wb, calls, ui, ctx, properties, globals } = services(options);
  addSheets(wb, options.sheets ?? { Sheet1: [] });

  let context: vm.Context | undefined;
  let registered: string[] = [];

  const cell = (sheet: string, a1: string) => {
    const model = wb.sheet(sheet);
    const g = parseA1(a1, model.maxRows, model.maxColumns);
    return { sheet: g.sheet ?? sheet, row: g.row, column: g.column, g };
  };

  const standin: Standin = {
    globals,
    calls,
    ui,
    properties,
    locksHeld: () => locksHeld(ctx),
    resetCalls: () => calls.clear(),
    functionRuns: wb.functionRuns,

    loadBundle(distDir = "dist") {
      ctx.distDir = resolve(distDir);
      ({ scope: context, registered } = loadCode(ctx, globals));
    },

    run(name, ...args) {
      if (!context) throw new Error("stand-in: call loadBundle() before run()");
      return runServer(context, name, args);
    },

    customFunctions: () => [...registered],
    sheetNames: () => wb.sheets.map((s) => s.name),

    values(sheet, a1) {
      const { sheet: name, g } = cell(sheet, a1);
      return Array.from({ length: g.numRows }, (_, r) =>
        Array.from({ length: g.numColumns }, (_, c) => wb.value(name, g.row + r, g.column + c)),
      );
    },
    type(sheet, a1, input) {
      const c = cell(sheet, a1);
      wb.writeValues(c.sheet, c.row, c.column, [[input]]);
    },
    displayValue(sheet, a1) {
      const c = cell(sheet, a1);
      return wb.display(c.sheet, c.row, c.column);
    },
    effectiveBackground(sheet, a1) {
      const c = cell(sheet, a1);
      return effectiveStyle(wb, c.sheet, c.row, c.column).background;
    },
    errorMessage(sheet, a1) {
      const c = cell(sheet, a1);
      return wb.errorMessage(c.sheet, c.row, c.column);
    },
    selection() {
      const { sheet, range } = activeGrid(ctx);
      const { row, column, numRows, numColumns } = range;
      return { sheet: sheet.name, row, column, numRows, numColumns };
    },
    select(sheet, a1 = "A1") {
      const model = wb.sheet(sheet);
      const { row, column, numRows, numColumns } = parseA1(a1, model.maxRows, model.maxColumns);
      wb.active = wb.sheets.indexOf(model);
      ctx.active = { sheet: model, range: { row, column, numRows, numColumns } };
    },
    snapshot: (sheet, maxRows, maxColumns) => snapshotOf(wb, sheet, maxRows, maxColumns),
  };
  return standin;
}

export { cellA1 };
