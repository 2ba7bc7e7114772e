import { type Lang, lazy, normalizeKey } from "./text";

/** How a parent is computed from its children. `none` = tracked, not combined (a scorecard). */
export type Op = "sum" | "product" | "difference" | "ratio" | "avg" | "min" | "max" | "none";

export const OPS: readonly Op[] = ["sum", "product", "difference", "ratio", "avg", "min", "max", "none"];

const OP_WORDS: Record<Op, string[]> = {
  sum: ["+", "sum", "add", "plus", "合計", "和", "足し算", "加算"],
  product: ["×", "*", "x", "✕", "product", "multiply", "積", "掛け算", "乗算"],
  difference: ["-", "−", "diff", "difference", "subtract", "minus", "差", "引き算", "減算"],
  ratio: ["÷", "/", "ratio", "divide", "比", "割り算", "除算"],
  avg: ["avg", "average", "mean", "平均"],
  min: ["min", "minimum", "最小"],
  max: ["max", "maximum", "最大"],
  none: ["none", "なし", "無し", "scorecard"],
};
/** How an operator is written in a sheet (and shown in messages), per language; the reader accepts these too. */
export const OP_WORD: Record<Lang, Record<Op, string>> = {
  ja: { sum: "+", product: "×", difference: "−", ratio: "÷", avg: "平均", min: "min", max: "max", none: "なし" },
  en: { sum: "+", product: "×", difference: "−", ratio: "÷", avg: "avg", min: "min", max: "max", none: "none" },
};
const opByWord = lazy(() => {
  const byWord = new Map<string, Op>();
  for (const op of OPS)
    for (const w of [OP_WORD.ja[op], OP_WORD.en[op], ...OP_WORDS[op]]) byWord.set(normalizeKey(w) || w, op);
  return byWord;
});

/** undefined for text that is not an operator. */
export function parseOp(text: string): Op | undefined {
  const trimmed = text.normalize("NFKC").trim();
  return opByWord().get(normalizeKey(trimmed) || trimmed);
}

type Value = number | null;

/** [0, 1, … n − 1], shared and grown on demand: `combine` reads a list through it. */
const IDENTITY: number[] = [];
function identity(n: number): readonly number[] {
  for (let k = IDENTITY.length; k < n; k++) IDENTITY.push(k);
  return IDENTITY.length === n ? IDENTITY : IDENTITY.slice(0, n);
}

/**
 * Forward: the parent's value from its children's. sum/avg/min/max skip
 * blanks as SUM/AVERAGE do; product/difference/ratio need every operand.
 * `none` never combines.
 */
export function combine(op: Op, values: readonly Value[]): Value {
  return combineChildren(op, identity(values.length), values);
}

/** A blank operand: null in a list, NaN in a column of values (`Frame`). */
const blank = (v: Value): v is null => v === null || Number.isNaN(v);

/**
 * `combine` over `values[c]` for each index c in `children` (from `from` to
 * `to`), in order, without building the list. Operations run in this order
 * whatever the caller, so results are bit for bit the same.
 */
export function combineChildren(
  op: Op,
  children: ArrayLike<number>,
  values: ArrayLike<Value>,
  from = 0,
  to = children.length,
): Value {
  return combineInto(op, children, values, from, to, ONE, 0) ? ONE[0] : null;
}

/** Where combineChildren has combineInto write. */
const ONE = new Float64Array(1);

/**
 * `combineChildren` written to `out[at]`, false (nothing written) for blank:
 * a rollup calls it once per parent, and a result that may be null would be a
 * boxed number, made anew for every parent.
 */
export function combineInto(
  op: Op,
  children: ArrayLike<number>,
  values: ArrayLike<Value>,
  from: number,
  to: number,
  out: Float64Array,
  at: number,
): boolean {
  const n = to - from;
  let count = 0;
  let acc = 0;
  let second = 0;
  for (let k = from; k < to; k++) {
    const v = values[children[k]];
    if (blank(v)) continue;
    if (count === 0) acc = op === "sum" || op === "avg" ? 0 + v : op === "product" ? 1 * v : v;
    else if (op === "sum" || op === "avg") acc += v;
    else if (op === "product") acc *= v;
    else if (op === "difference") acc -= v;
    else if (op === "min") acc = Math.min(acc, v);
    else if (op === "max") acc = Math.max(acc, v);
    else if (count === 1) second = v;
    count++;
  }
  if (op === "none" || count === 0) return false;
  if (op === "avg") acc = Number.isFinite(acc) ? acc / count : overflowMean(children, values, count, from, to);
  else if (op === "product" || op === "difference") {
    if (count !== n) return false;
  } else if (op === "ratio") {
    if (count !== 2 || second === 0) return false;
    acc /= second;
  }
  out[at] = acc;
  return true;
}

type Fold = (a: number, b: number) => number;
const add: Fold = (a, b) => a + b;
const multiply: Fold = (a, b) => a * b;

/**
 * How each operator folds its operands, and the fold's starting value
 * (difference folds the operands after the first). Made when asked: a table
 * naming `Math.min` at load would stay in the server bundle, which never asks.
 */
const folds = (): Partial<Record<Op, [Fold, number]>> => ({
  sum: [add, 0],
  avg: [add, 0],
  difference: [add, 0],
  product: [multiply, 1],
  min: [Math.min, Number.POSITIVE_INFINITY],
  max: [Math.max, Number.NEGATIVE_INFINITY],
});

/**
 * `combine(op, values)` with one value replaced, for asking it of every
 * operand in turn (what a KPI would give if this one child changed): prefix
 * and suffix folds make each answer O(1) after O(n) set-up, where calling
 * `combine` per child would be quadratic on a wide parent. Sums and products
 * are added in another order than `combine` does, so the last bits can differ.
 */
export function replaceOne(op: Op, values: readonly Value[]): (k: number, value: Value) => Value {
  const n = values.length;
  const slow = (k: number, value: Value) =>
    combine(
      op,
      values.map((v, i) => (i === k ? value : v)),
    );
  const fold = folds()[op];
  if (!fold) return slow;
  const [f, start] = fold;
  // The first operand of a difference is not folded with the others.
  const from = op === "difference" ? 1 : 0;
  const prefix = new Float64Array(n + 1).fill(start);
  const suffix = new Float64Array(n + 1).fill(start);
  const blanks = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    prefix[i + 1] = v === null || i < from ? prefix[i] : f(prefix[i], v);
    blanks[i + 1] = blanks[i] + (v === null ? 1 : 0);
  }
  for (let i = n - 1; i >= 0; i--) {
    const v = values[i];
    suffix[i] = v === null || i < from ? suffix[i + 1] : f(v, suffix[i + 1]);
  }
  return (k, value) => {
    const result = quick(k, value);
    // Past the largest number the fold overflows: combine knows how to answer then (the mean of 1e308s).
    return result === null || Number.isFinite(result) ? result : slow(k, value);
  };
  function quick(k: number, value: Value): Value {
    const known = n - blanks[n] - (values[k] === null ? 0 : 1) + (value === null ? 0 : 1);
    if (known === 0) return null;
    // The fold of every operand but k's, with `value` in its place.
    const folded = () => (value === null ? f(prefix[k], suffix[k + 1]) : f(f(prefix[k], value), suffix[k + 1]));
    switch (op) {
      case "avg":
        return folded() / known;
      case "product":
        return known === n ? folded() : null;
      case "difference":
        if (known !== n) return null;
        return k === 0 ? (value as number) - suffix[1] : (values[0] as number) - folded();
      default:
        return folded();
    }
  }
}

/** The mean when the sum overflows (1e308 and 1e308 average to 1e308): each value is divided first. */
function overflowMean(
  children: ArrayLike<number>,
  values: ArrayLike<Value>,
  count: number,
  from: number,
  to: number,
): number {
  let mean = 0;
  for (let k = from; k < to; k++) {
    const v = values[children[k]];
    if (!blank(v)) mean += v / count;
  }
  return mean;
}

/**
 * Inverse: the value each child must take so that `combine(op, …)` equals
 * `required`, holding its siblings at `plans`. null where something it needs is
 * missing or no value can work (a zero factor, a zero ratio). `none` is handled
 * by the caller: a scorecard child keeps its own target. Linear in the number
 * of children (prefix/suffix products, running sums), so wide trees stay fast.
 */
export function solveChildren(op: Op, required: number, plans: readonly Value[]): Value[] {
  const out = new Float64Array(plans.length);
  solveInto(op, required, plans, identity(plans.length), 0, plans.length, out);
  return Array.from(out, (v) => (Number.isNaN(v) ? null : v));
}

/** Suffix products of a product's operands, reused from call to call. */
let after = new Float64Array(16);

/**
 * `solveChildren` over `plans[c]` for each index c in `children` (from `from`
 * to `to`), written to `out[c]` (NaN for blank; a result that is not a number,
 * ∞ × 0, as ∞: both are too large) without building lists. Blank is NaN
 * inside too, with `solved` saying whether a value was found: a value that may
 * be null is a boxed number, made anew for every child.
 */
export function solveInto(
  op: Op,
  need: number,
  plans: ArrayLike<Value>,
  children: ArrayLike<number>,
  from: number,
  to: number,
  out: Float64Array,
): void {
  // Unboxed from here: with the argument itself in the sums below, each child's result was a boxed number.
  const required = +need;
  const n = to - from;
  let known = 0;
  let total = 0;
  for (let k = from; k < to; k++) {
    const p = planOf(plans, children[k]);
    if (!Number.isNaN(p)) {
      known++;
      total += p;
    }
  }
  const missing = n - known;
  if (op === "product") {
    if (after.length < n) after = new Float64Array(2 * n);
    // after[j]: the product of the operands after the j-th, multiplied from the last.
    after[n - 1] = 1;
    for (let j = n - 1; j > 0; j--) after[j - 1] = after[j] * orOne(planOf(plans, children[from + j]));
  }
  const first = planOf(plans, children[from]);
  let before = 1;
  for (let k = from; k < to; k++) {
    const c = children[k];
    const p = planOf(plans, c);
    const has = !Number.isNaN(p);
    const missingOthers = missing - (has ? 0 : 1);
    const sumOthers = total - (has ? p : 0);
    let v = Number.NaN;
    let solved = true;
    if (op === "sum") v = required - sumOthers;
    else if (op === "avg") v = (known - (has ? 1 : 0) + 1) * required - sumOthers;
    else if (op === "min" || op === "max") v = required;
    else if (op === "product") {
      const others = before * after[k - from];
      solved = missingOthers <= 0 && others !== 0;
      v = required / others;
      before *= orOne(p);
    } else if (op === "difference" && missingOthers <= 0)
      v = k === from ? required + sumOthers : first - required - (sumOthers - first);
    else if (op === "ratio") {
      const other = n === 2 ? planOf(plans, children[to - 1 - (k - from)]) : Number.NaN;
      solved = !Number.isNaN(other) && (k === from || required !== 0);
      v = k === from ? required * other : other / required;
    } else solved = false;
    out[c] = !solved ? Number.NaN : Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  }
}

/** Child c's plan, NaN for blank. */
function planOf(plans: ArrayLike<Value>, c: number): number {
  const v = plans[c];
  return v === null ? Number.NaN : v;
}

/** A plan as a factor of a product: a blank one counts as 1. */
const orOne = (p: number) => (Number.isNaN(p) ? 1 : p);
