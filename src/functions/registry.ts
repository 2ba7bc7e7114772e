/*
 * The custom-function registry's vocabulary. Each custom function is declared
 * once, with `customFunction(spec, implementation)` (see customFunctions.ts):
 * its name, parameters, output shape and help text sit beside its code, and
 * everything else is derived from that one declaration:
 *
 * - the top-level declarations with their JSDoc in dist/Code.js
 *   (scripts/build.mjs reads `KpiTree.CUSTOM_FUNCTIONS` from the bundle);
 * - the stand-in's HyperFormula registration and result size
 *   (dev/standin reads the same list from the bundle it runs);
 * - the formulas the add-on writes (`formula`) and how it recognises them
 *   again on a sheet (`parseCall`).
 */
import { datesAsText } from "../core/text";
import { finiteOutput, type Output } from "./grid";
import { sheetDateText } from "./locale";

export interface ParamSpec {
  name: string;
  /** Sheets passes an omitted optional argument as undefined. */
  optional?: boolean;
  /** What Sheets' autocomplete shows as the type: a sample argument (`A1:H30`, `"actual"`). */
  example: string;
  help: string;
}

/**
 * The size of the result, which Sheets learns by running the function and
 * the stand-in must predict:
 * - `column`: one row per data row of the first argument (its header row excluded), `width` columns (default 1;
 *   `"periods"`: one per period column of the table, which only running the function tells);
 * - `elementwise`: the size of the largest of the arguments named in `over` (a single cell applies everywhere);
 * - `single`: one cell.
 */
export type Shape =
  | { kind: "column"; width?: number | "periods" }
  | { kind: "elementwise"; over: readonly string[] }
  | { kind: "single" };

export interface FunctionSpec<P extends readonly ParamSpec[] = readonly ParamSpec[]> {
  name: string;
  /** The first line of the help: what the function gives. */
  summary: string;
  params: P;
  /** What the result holds (the JSDoc @return). */
  returns: string;
  shape: Shape;
}

/** The arguments of a function with parameters `P`: `unknown` each, optional ones optional (any, for a list not known). */
export type ArgsOf<P extends readonly ParamSpec[]> = number extends P["length"]
  ? unknown[]
  : P extends readonly [infer H extends ParamSpec, ...infer R extends readonly ParamSpec[]]
    ? H["optional"] extends true
      ? [arg?: unknown, ...ArgsOf<R>]
      : [arg: unknown, ...ArgsOf<R>]
    : [];

/** A custom function: callable as Sheets calls it, and carrying its declaration. */
export type CustomFunction<P extends readonly ParamSpec[] = readonly ParamSpec[]> = ((...args: ArgsOf<P>) => Output) & {
  readonly spec: FunctionSpec<P>;
};

/** The range row of an output's first line: a column skips the header row, element-wise ranges start at 1. */
const FIRST_ROW: Record<Shape["kind"], number | null> = { column: 2, elementwise: 1, single: null };

/**
 * Declares a custom function: its spec and its implementation, which takes one
 * argument per parameter. Date cells in its arguments arrive as the
 * spreadsheet's day (`datesAsText`), and its output passes `finiteOutput`:
 * never NaN or Infinity in a cell.
 */
export function customFunction<const P extends readonly ParamSpec[]>(
  spec: FunctionSpec<P>,
  run: (...args: ArgsOf<P>) => Output,
): CustomFunction<P> {
  const guarded = (...args: ArgsOf<P>) => {
    const dateText = sheetDateText();
    const days = args.map((a) => datesAsText(a, dateText)) as ArgsOf<P>;
    return finiteOutput(run(...days), FIRST_ROW[spec.shape.kind]);
  };
  return Object.assign(guarded, { spec });
}

type RequiredNames<P extends readonly ParamSpec[]> = Exclude<P[number], { optional: true }>["name"];
type OptionalNames<P extends readonly ParamSpec[]> = Extract<P[number], { optional: true }>["name"];
/** Formula text per parameter name: required parameters required. */
export type FormulaArgs<P extends readonly ParamSpec[]> = { [K in RequiredNames<P>]: string } & {
  [K in OptionalNames<P>]?: string;
};

/**
 * The formula calling `fn` with `args` (formula text per parameter, e.g.
 * `{ tree: "A1:H30" }`): `=KPI_ROLLUP(A1:H30)`. Arguments are placed in the
 * function's parameter order; trailing omitted ones are left out.
 */
export function formula<P extends readonly ParamSpec[]>(fn: CustomFunction<P>, args: FormulaArgs<P>): string {
  const given = args as Record<string, string | undefined>;
  const texts = fn.spec.params.map((p) => given[p.name] ?? "");
  while (texts.length && texts[texts.length - 1] === "") texts.pop();
  return `=${fn.spec.name}(${texts.join(",")})`;
}

/**
 * A formula that is a single call, `=NAME(a, {1,2}, "x,y")`: the function's
 * name (upper case) and its argument texts, split at the commas outside
 * quotes, braces and parentheses. Null for any other formula.
 */
export function parseCall(text: string): { name: string; args: string[] } | null {
  const m = /^=\s*([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(text);
  if (!m) return null;
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const body = m[2];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      args.push(body.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (quoted || depth !== 0) return null;
  const last = body.slice(start).trim();
  if (last !== "" || args.length) args.push(last);
  return { name: m[1].toUpperCase(), args };
}
