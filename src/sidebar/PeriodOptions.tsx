// The wizard's optional additions to the new sheet (step 3): a period block
// (months, quarters or weeks from a start month; target+actual pairs or
// actuals; the annual target phased evenly, by weights or cumulatively) and
// the review columns. Plain data for writeTree's options.

import type { PeriodPlan } from "../core/periodBlock";
import { PERIOD_COUNT, PERIOD_KINDS, type PeriodKind, PHASINGS, type Phasing } from "../core/phasing";
import type { WriteOptions } from "../shared/api";
import type { Shared } from "./context";
import { Checkbox, SelectField, TextField, useId } from "./fields";

/** The next April (Japanese fiscal years start there) as yyyy-mm, from today. */
export function defaultStart(now = new Date()): string {
  const year = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return `${year}-04`;
}

export function defaultPlan(): PeriodPlan {
  return { kind: "month", start: defaultStart(), pairs: true, phasing: "even", weights: new Array(12).fill(1) };
}

interface Props extends Shared {
  options: WriteOptions;
  disabled: boolean;
  onChange(options: WriteOptions): void;
}

export function PeriodOptions(props: Props) {
  const { t, options, disabled } = props;
  const plan = options.periods ?? null;
  const set = (patch: Partial<PeriodPlan>) => {
    if (!plan) return;
    const next = { ...plan, ...patch };
    const n = PERIOD_COUNT[next.kind];
    next.weights = Array.from({ length: n }, (_, k) => next.weights[k] ?? 1);
    props.onChange({ ...options, periods: next });
  };
  return (
    <fieldset class="periods" data-testid="periods" disabled={disabled}>
      <legend>{t.periodsTitle}</legend>
      <Checkbox
        label={t.periodsOn}
        checked={!!plan}
        testid="periods-on"
        onChange={(on) => props.onChange({ ...options, periods: on ? defaultPlan() : null })}
      />
      {plan ? (
        <>
          <SelectField<PeriodKind>
            label={t.periodKind}
            value={plan.kind}
            testid="period-kind"
            options={PERIOD_KINDS.map((k) => [k, t.periodKinds[k]])}
            onChange={(kind) => set({ kind })}
          />
          <TextField
            label={t.periodStart}
            type="month"
            value={plan.start}
            testid="period-start"
            onChange={(start) => /^\d{4}-\d{2}$/.test(start) && set({ start })}
          />
          <Checkbox
            label={t.periodPairs}
            checked={plan.pairs}
            testid="period-pairs"
            onChange={(pairs) => set({ pairs })}
          />
          {plan.pairs ? <Phasings {...props} plan={plan} set={set} /> : <p class="hint">{t.periodActuals}</p>}
          <p class="hint">{t.periodsHint}</p>
        </>
      ) : null}
      <Checkbox
        label={t.reviewOn}
        checked={!!options.review}
        testid="review-on"
        onChange={(review) => props.onChange({ ...options, review })}
      />
    </fieldset>
  );
}

function Phasings(props: Props & { plan: PeriodPlan; set(patch: Partial<PeriodPlan>): void }) {
  const { t, plan, set } = props;
  const radio = useId("phasing");
  return (
    <div class="phasing" role="radiogroup" aria-label={t.phasing}>
      <p class="label">{t.phasing}</p>
      {PHASINGS.map((p: Phasing) => (
        <div class="field check" key={p}>
          <input
            id={`${radio}-${p}`}
            type="radio"
            name={radio}
            checked={plan.phasing === p}
            data-testid={`phasing-${p}`}
            onChange={() => set({ phasing: p })}
          />
          <label for={`${radio}-${p}`}>{t.phasings[p]}</label>
        </div>
      ))}
      {plan.phasing === "weights" ? (
        <fieldset class="weights" data-testid="weights">
          <legend>{t.weights}</legend>
          {plan.weights.map((w, k) => (
            <input
              key={`${plan.kind}-${k + 1}`}
              type="number"
              min={0}
              step="any"
              value={w}
              aria-label={`${t.weights} ${k + 1}`}
              onInput={(e) => {
                const v = Number((e.target as HTMLInputElement).value);
                if (Number.isFinite(v) && v >= 0) set({ weights: plan.weights.map((x, j) => (j === k ? v : x)) });
              }}
            />
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
