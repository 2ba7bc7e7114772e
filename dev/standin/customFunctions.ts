// Our custom functions, registered in HyperFormula so a cell typed
// `=KPI_ROLLUP(A1:H10)` runs the built bundle, with arguments shaped as Sheets
// shapes them and results spilling as in Sheets. Names, parameters and result
// sizes come from the registry the bundle carries (src/functions/registry.ts).
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
  type SimpleCellAddress,
  SimpleRangeValue,
} from "hyperformula";
import type { FunctionSpec } from "../../src/functions/registry";
import { dateToSerial, serialToDate } from "./values";

/** What the plugin needs of the workbook it computes in (engine.ts's Workbook), without importing it. */
export interface PluginHost {
  hf: { getSheetName(sheet: number): string | undefined };
  options: { timeZone: string };
  DateCtor: DateConstructor;
  isDate(sheet: string, row: number, column: number): boolean;
  /** Formula cells to enter again once evaluation is over. */
  pending: Map<string, SimpleCellAddress>;
  learnedSizes?: Map<string, unknown>;
  /** Executions per custom function, as Sheets would run them (each one a script execution). */
  functionRuns?: Map<string, number>;
}

export interface CustomFunction {
  /** The function's declaration in the bundle's registry. */
  spec: FunctionSpec;
  /** Calls the bundle's top-level function, as Sheets does. */
  call: (args: unknown[]) => unknown;
}

/** The parts of HyperFormula's AST this file reads (its AST types are not exported). */
interface Ast {
  type: string;
  args?: Ast[];
  start?: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
  reference?: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
}
interface State {
  formulaAddress: SimpleCellAddress;
}
interface SizeOf {
  width: number;
  height: number;
}
interface PluginThis {
  runFunction(args: Ast[] | undefined, state: State, metadata: unknown, fn: (...a: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
  arraySizePredictor: { checkArraySizeForAst(ast: Ast, state: State): SizeOf };
}

type HfValue = number | string | boolean | CellError | typeof EmptyValue | SimpleRangeValue | { val: number };

const addressKey = (a: SimpleCellAddress) => `${a.sheet},${a.row},${a.col}`;

/** Where a range or cell argument starts, so cell formats (dates) can be looked up. */
function argStart(ast: Ast | undefined, base: SimpleCellAddress): SimpleCellAddress | undefined {
  if (!ast) return undefined;
  if (ast.type === "CELL_RANGE" && ast.start) return ast.start.toSimpleCellAddress(base);
  if (ast.type === "CELL_REFERENCE" && ast.reference) return ast.reference.toSimpleCellAddress(base);
  return undefined;
}

/**
 * The size a call's result will have, from the function's declared shape and
 * the sizes of its arguments (`sizeOf(i)`, 0-based): a column has one value
 * per data row of the table (its header excluded); an element-wise result is
 * as large as the largest of its element-wise arguments.
 */
export function expectedSize(spec: FunctionSpec, sizeOf: (index: number) => SizeOf): SizeOf {
  const shape = spec.shape;
  if (shape.kind === "single") return { width: 1, height: 1 };
  if (shape.kind === "column")
    // A width that depends on the table ("periods") is guessed as 1, then learned from the first run.
    return { width: typeof shape.width === "number" ? shape.width : 1, height: Math.max(sizeOf(0).height - 1, 1) };
  const sizes = shape.over.map((name) => sizeOf(spec.params.findIndex((p) => p.name === name)));
  return {
    width: Math.max(1, ...sizes.map((s) => s.width)),
    height: Math.max(1, ...sizes.map((s) => s.height)),
  };
}

class ErrorInArgument {
  constructor(readonly error: CellError) {}
}

/** A value as Sheets hands it to a custom function: "" for an empty cell, a Date for a date. */
function toSheets(wb: PluginHost, v: HfValue, at: SimpleCellAddress | undefined): unknown {
  if (v === EmptyValue || v === null || v === undefined) return "";
  if (v instanceof CellError) throw new ErrorInArgument(v);
  if (typeof v === "object" && "val" in v) {
    const isDate = /Date/.test(v.constructor.name);
    return isDate ? new wb.DateCtor(serialToDate(v.val, wb.options.timeZone).getTime()) : v.val;
  }
  if (typeof v === "number" && at) {
    const name = wb.hf.getSheetName(at.sheet);
    if (name !== undefined && wb.isDate(name, at.row + 1, at.col + 1))
      return new wb.DateCtor(serialToDate(v, wb.options.timeZone).getTime());
  }
  return v;
}

/** Sheets passes a range as a 2-D array with "" for empty cells, and a 1×1 range as its value. */
function argument(wb: PluginHost, v: HfValue, start: SimpleCellAddress | undefined): unknown {
  if (!(v instanceof SimpleRangeValue)) return toSheets(wb, v, start);
  const data = v.data as HfValue[][];
  const at = (r: number, c: number) =>
    start ? { sheet: start.sheet, row: start.row + r, col: start.col + c } : undefined;
  if (data.length === 1 && data[0].length === 1) return toSheets(wb, data[0][0], at(0, 0));
  return data.map((line, r) => line.map((cell, c) => toSheets(wb, cell, at(r, c))));
}

/** One cell of a result as Sheets shows it: a number that is not finite is #NUM!, a Date its serial. */
function scalarResult(wb: PluginHost, v: unknown): HfValue {
  if (v === null || v === undefined) return EmptyValue;
  if (typeof v === "number")
    return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, "Result was not a finite number.");
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Object.prototype.toString.call(v) === "[object Date]") return dateToSerial(v as Date, wb.options.timeZone);
  return String(v);
}

/** An array result's rows (a 1-D array is one row, as in Sheets) cut or padded to the cells it spills over. */
function spill(wb: PluginHost, rows: unknown[], size: SizeOf): HfValue[][] {
  const grid: HfValue[][] = [];
  for (let r = 0; r < size.height; r++) {
    const line: HfValue[] = [];
    for (let c = 0; c < size.width; c++) {
      const row = rows[r];
      const cell = Array.isArray(row) ? row[c] : c === 0 ? row : undefined;
      line.push(scalarResult(wb, cell));
    }
    grid.push(line);
  }
  return grid;
}

/** What Sheets shows as the tooltip of the #ERROR! a thrown value makes. */
function thrownMessage(e: unknown): string {
  return e instanceof Error || (typeof e === "object" && e && "message" in e)
    ? String((e as Error).message)
    : String(e);
}

type Run = (fn: CustomFunction, state: State, asts: Ast[], args: HfValue[]) => HfValue;
type Predict = (fn: CustomFunction, self: PluginThis, ast: Ast, state: State) => ArraySize;

export function customFunctionPlugin(wb: PluginHost, functions: Map<string, CustomFunction>): FunctionPluginDefinition {
  /** Result sizes seen at run time, per formula cell: the next parse predicts them. */
  const learned = new Map<string, SizeOf>();
  // Inserting rows or columns moves formula cells: the workbook re-keys these.
  wb.learnedSizes = learned;

  const learn = (k: string, at: SimpleCellAddress, size: SizeOf) => {
    const before = learned.get(k);
    learned.set(k, size);
    if (before && (before.width !== size.width || before.height !== size.height)) wb.pending.set(k, at);
  };

  const run: Run = (fn, state, asts, args) => {
    const here = addressKey(state.formulaAddress);
    let result: unknown;
    wb.functionRuns?.set(fn.spec.name, (wb.functionRuns.get(fn.spec.name) ?? 0) + 1);
    try {
      // An omitted optional argument stays undefined, as in Apps Script.
      result = fn.call(
        args.map((a, i) => (a === undefined ? undefined : argument(wb, a, argStart(asts[i], state.formulaAddress)))),
      );
    } catch (e) {
      if (e instanceof ErrorInArgument) return e.error;
      learn(here, state.formulaAddress, { width: 1, height: 1 });
      return new CellError(ErrorType.ERROR, thrownMessage(e));
    }
    if (!Array.isArray(result)) {
      learn(here, state.formulaAddress, { width: 1, height: 1 });
      return scalarResult(wb, result);
    }
    const rows = result.length && !Array.isArray(result[0]) ? [result] : result;
    const height = Math.max(rows.length, 1);
    const width = Math.max(1, ...rows.map((r) => (Array.isArray(r) ? r.length : 1)));
    const predicted = learned.get(here);
    learn(here, state.formulaAddress, { width, height });
    const size = predicted ?? { width, height };
    const grid = spill(wb, rows, size);
    return height === 1 && width === 1 && size.height === 1 && size.width === 1
      ? grid[0][0]
      : SimpleRangeValue.onlyValues(grid as never);
  };

  const predict: Predict = (fn, self, ast, state) => {
    const here = addressKey(state.formulaAddress);
    const known = learned.get(here);
    if (known) return new ArraySize(known.width, known.height);
    const guess = expectedSize(fn.spec, (i) => {
      const arg = ast.args?.[i];
      return arg ? self.arraySizePredictor.checkArraySizeForAst(arg, state) : { width: 1, height: 1 };
    });
    learned.set(here, guess);
    return new ArraySize(guess.width, guess.height);
  };
  return pluginClass(functions, run, predict);
}

/** The HyperFormula plugin: per function a run method and a size method, with the function's parameters. */
function pluginClass(functions: Map<string, CustomFunction>, run: Run, predict: Predict): FunctionPluginDefinition {
  class CustomFunctions extends FunctionPlugin {
    static implementedFunctions: ImplementedFunctions = {};
  }
  const proto = CustomFunctions.prototype as unknown as Record<string, unknown>;
  for (const fn of functions.values()) {
    const { name } = fn.spec;
    const method = `run_${name}`;
    const sizeMethod = `size_${name}`;
    CustomFunctions.implementedFunctions[name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      // Any value or range, as Apps Script passes them; too few or too many arguments are an error here.
      parameters: fn.spec.params.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
    };
    proto[method] = function (this: PluginThis, ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) =>
        run(fn, state, ast.args ?? [], args as HfValue[]),
      );
    };
    proto[sizeMethod] = function (this: PluginThis, ast: Ast, state: State) {
      return predict(fn, this, ast, state);
    };
  }
  return CustomFunctions;
}
