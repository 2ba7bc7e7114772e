import { normalizeKey } from "./text";

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
const OP_BY_WORD = new Map<string, Op>();
for (const op of OPS) for (const w of OP_WORDS[op]) OP_BY_WORD.set(normalizeKey(w) || w, op);

/** undefined for text that is not an operator. */
export function parseOp(text: string): Op | undefined {
  const trimmed = text.normalize("NFKC").trim();
  return OP_BY_WORD.get(normalizeKey(trimmed) || trimmed);
}

/** Symbol used when writing an op back to a sheet or showing it. */
export const OP_SYMBOL: Record<Op, string> = {
  sum: "+",
  product: "×",
  difference: "−",
  ratio: "÷",
  avg: "avg",
  min: "min",
  max: "max",
  none: "none",
};

type Value = number | null;

function present(values: readonly Value[]): number[] {
  return values.filter((v): v is number => v !== null);
}

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

/**
 * `combine` over `values[c]` for each index c in `children`, in order, without
 * building the list (a rollup calls it once per parent). Operations run in
 * this order whatever the caller, so results are bit for bit the same.
 */
export function combineChildren(op: Op, children: readonly number[], values: ArrayLike<Value>): Value {
  const n = children.length;
  let count = 0;
  let acc = 0;
  let second = 0;
  for (let k = 0; k < n; k++) {
    const v = values[children[k]];
    if (v === null) continue;
    if (count === 0) acc = op === "sum" || op === "avg" ? 0 + v : op === "product" ? 1 * v : v;
    else if (op === "sum" || op === "avg") acc += v;
    else if (op === "product") acc *= v;
    else if (op === "difference") acc -= v;
    else if (op === "min") acc = Math.min(acc, v);
    else if (op === "max") acc = Math.max(acc, v);
    else if (count === 1) second = v;
    count++;
  }
  if (op === "none" || count === 0) return null;
  switch (op) {
    case "sum":
    case "min":
    case "max":
      return acc;
    case "avg":
      return Number.isFinite(acc) ? acc / count : overflowMean(children, values, count);
    case "product":
    case "difference":
      return count === n ? acc : null;
    case "ratio":
      return count === 2 && second !== 0 ? acc / second : null;
  }
}

/** The mean when the sum overflows (1e308 and 1e308 average to 1e308): each value is divided first. */
function overflowMean(children: readonly number[], values: ArrayLike<Value>, count: number): number {
  let mean = 0;
  for (const c of children) {
    const v = values[c];
    if (v !== null) mean += v / count;
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
  const n = plans.length;
  const known = present(plans);
  const missing = n - known.length;
  const total = known.reduce((a, b) => a + b, 0);
  const missingOthers = (k: number) => missing - (plans[k] === null ? 1 : 0);
  const sumOthers = (k: number) => total - (plans[k] ?? 0);
  switch (op) {
    case "sum":
      return plans.map((_, k) => required - sumOthers(k));
    case "avg":
      return plans.map((_, k) => (known.length - (plans[k] === null ? 0 : 1) + 1) * required - sumOthers(k));
    case "min":
    case "max":
      return plans.map(() => required);
    case "product": {
      const prefix: number[] = [1];
      for (let k = 0; k < n; k++) prefix.push(prefix[k] * (plans[k] ?? 1));
      let suffix = 1;
      const out: Value[] = new Array(n);
      for (let k = n - 1; k >= 0; k--) {
        const others = prefix[k] * suffix;
        out[k] = missingOthers(k) > 0 || others === 0 ? null : required / others;
        suffix *= plans[k] ?? 1;
      }
      return out;
    }
    case "difference":
      return plans.map((_, k) => {
        if (missingOthers(k) > 0) return null;
        if (k === 0) return required + sumOthers(0);
        const first = plans[0] as number;
        return first - required - (sumOthers(k) - first);
      });
    case "ratio":
      return plans.map((_, k) => {
        const other = n === 2 ? plans[1 - k] : null;
        if (other === null) return null;
        if (k === 0) return required * other;
        return required === 0 ? null : other / required;
      });
    case "none":
      return plans.map(() => null);
  }
}
