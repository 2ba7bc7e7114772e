// Why the KGI is off and what it takes: the gap waterfall (KPI_GAP), the
// sensitivity ranking (KPI_IMPACT) and goal seek over chosen drivers
// (KPI_SEEK) with "write as targets". Clicking a KPI selects its row in the
// sheet. Names come from the sheet: rendered as text, never as markup.
import { useState } from "preact/hooks";
import { TARGET_TOLERANCE } from "../core/check";
import { type GapWaterfall, type SeekPlan, type Sensitivity, seekPlan } from "../core/drivers";
import { formatGap, formatValue } from "../core/format";
import type { NodeSummary } from "../core/insights";
import type { SeekWritten } from "../shared/api";
import { type Analysed, seekWrites, seekWritten } from "./analysisData";
import type { Shared } from "./context";
import { server } from "./server";

interface TableProps extends Shared {
  sheetName: string;
  table: string;
}

/** A KPI's name as a button that selects its row in the sheet. */
function KpiLink(props: TableProps & { row: number; name: string }) {
  const { t, row, name } = props;
  return (
    <button
      type="button"
      class="link kpi-name"
      title={t.selectRow(row)}
      data-testid="select-kpi"
      onClick={() => props.run(t.selecting, () => server.selectKpi(props.sheetName, props.table, row))}
    >
      {name}
    </button>
  );
}

/** KGI target → each KPI's share → KGI actual, as bars on one scale. */
export function Waterfall(props: TableProps & { waterfall: GapWaterfall }) {
  const { t, lang, waterfall: w } = props;
  const money = (v: number) => formatValue(v, w.unit, lang);
  let running = w.target;
  const steps = w.steps.map((s) => {
    const from = running;
    running += s.share;
    return { ...s, from, to: running };
  });
  const points = [0, w.target, w.actual, ...steps.map((s) => s.to)];
  const lo = Math.min(...points);
  const span = Math.max(...points) - lo || 1;
  const bar = (a: number, b: number) => ({
    left: `${((Math.min(a, b) - lo) / span) * 100}%`,
    width: `${Math.max(0.5, (Math.abs(b - a) / span) * 100)}%`,
  });
  const total = (label: string, value: number) => (
    <li class="wf-row">
      <span class="wf-label">{label}</span>
      <span class="wf-track">
        <span class="wf-bar total" style={bar(0, value)} />
      </span>
      <span class="wf-value">{money(value)}</span>
    </li>
  );
  return (
    <div class="waterfall" data-testid="waterfall">
      <p class="hint">{t.gapLine(w.name, money(w.actual - w.target))}</p>
      <ol class="wf">
        {total(t.gapTarget, w.target)}
        {steps.map((s) => (
          <li key={s.row} class="wf-row" data-testid="gap-step">
            <span class="wf-label">
              <KpiLink {...props} row={s.row} name={s.name} />
            </span>
            <span class="wf-track">
              <span class={`wf-bar ${s.share < 0 ? "down" : "up"}`} style={bar(s.from, s.to)} />
            </span>
            <span class="wf-value">
              {s.share > 0 ? "+" : ""}
              {money(s.share)}
            </span>
          </li>
        ))}
        {total(t.gapActual, w.actual)}
      </ol>
    </div>
  );
}

/** The leaves ranked by how much 1% of them moves the KGI. */
export function SensitivityList(props: TableProps & { items: Sensitivity[] }) {
  const { t, items } = props;
  if (!items.length) return <p class="hint">{t.noSensitivity}</p>;
  return (
    <ol class="kpi-list" data-testid="sensitivity">
      {items.map((s) => (
        <li key={s.row}>
          <KpiLink {...props} row={s.row} name={s.name} />
          <span class="kpi-detail">{t.impactLine(formatGap(s.impact))}</span>
        </li>
      ))}
    </ol>
  );
}

/** The KGI's children's targets give its target again (within the check's 0.1%). */
const combines = (r: SeekWritten["roots"][number]) =>
  r.combined !== null && Math.abs(r.combined - r.goal) <= TARGET_TOLERANCE * Math.abs(r.goal);

/** Goal seek: drivers as checkboxes, the common %, each new value, and "write as targets" after a confirmation. */
export function GoalSeek(
  props: TableProps & { leaves: NodeSummary[]; ksfRows: number[]; analysed: Analysed; onWritten(): void },
) {
  const { t, busy, leaves } = props;
  const initial = props.ksfRows.length ? props.ksfRows : leaves.map((l) => l.row);
  const [chosen, setChosen] = useState<number[]>(initial);
  const [plans, setPlans] = useState<SeekPlan[] | null>(null);
  const [written, setWritten] = useState<SeekWritten | null>(null);

  const toggle = (row: number, on: boolean) => {
    setChosen((c) => (on ? [...c, row].sort((a, b) => a - b) : c.filter((r) => r !== row)));
    setPlans(null);
  };
  const seek = async () => {
    setWritten(null);
    // On the tree the analysis read: no server call; writing checks that the table is still what was read.
    const r = await props.run(t.seeking, async () => seekPlan(props.analysed.tree, chosen.length ? chosen : null));
    if (r) setPlans(r);
  };
  const write = async (sought: SeekPlan[]) => {
    const r = await props.run(t.writingTargets, async () =>
      seekWritten(
        sought,
        await server.writeSeekTargets(props.sheetName, props.table, props.analysed.read, seekWrites(sought)),
      ),
    );
    if (!r) return;
    setWritten(r);
    setPlans(null);
    props.onWritten();
  };

  return (
    <div class="goal-seek" data-testid="goal-seek">
      <p class="hint">{t.seekHint}</p>
      <fieldset class="drivers">
        <legend>{t.seekDrivers}</legend>
        {leaves.map((l) => (
          <label key={l.row} class="check">
            <input
              type="checkbox"
              checked={chosen.includes(l.row)}
              data-testid="seek-driver"
              onChange={(e) => toggle(l.row, (e.target as HTMLInputElement).checked)}
            />
            {l.name}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" class="action" data-testid="seek-run" disabled={!!busy || !chosen.length} onClick={seek}>
          {t.seekRun}
        </button>
      </div>
      {plans ? <SeekResult {...props} plans={plans} onWrite={() => write(plans)} /> : null}
      {written ? <SeekWrittenList {...props} written={written} /> : null}
    </div>
  );
}

/** What goal seek found: each KGI's common rate and its drivers' new values, then "write as targets" once confirmed. */
function SeekResult(props: Shared & { plans: SeekPlan[]; onWrite(): void }) {
  const { t, lang, busy, plans } = props;
  const [confirming, setConfirming] = useState(false);
  const cells = plans.reduce((n, p) => n + p.writes.length, 0);
  return (
    <div role="status" data-testid="seek-result">
      {plans.map((p) => (
        <div key={p.row}>
          <p>
            <strong data-testid="seek-rate">
              {t.seekRate(p.name, formatValue(p.goal, p.unit, lang), formatGap(p.rate))}
            </strong>
          </p>
          <ul class="kpi-list">
            {p.drivers.map((d) => (
              <li key={d.row} data-testid="seek-value">
                <span class="kpi-name">{d.name}</span>
                <span class="kpi-detail">
                  {formatValue(d.actual, d.unit, lang)} →{" "}
                  {formatValue(d.value, d.unit, lang, { purpose: "requirement", direction: d.direction })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-write-text" data-testid="confirm-write">
          <p id="confirm-write-text">{t.confirmWrite(cells)}</p>
          <div class="actions">
            <button type="button" data-testid="confirm-write-no" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
            <button
              type="button"
              class="action"
              data-testid="confirm-write-yes"
              onClick={() => {
                setConfirming(false);
                props.onWrite();
              }}
            >
              {t.writeTargets}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            data-testid="seek-write"
            disabled={!!busy || cells === 0}
            onClick={() => setConfirming(true)}
          >
            {t.writeTargets}
          </button>
        </div>
      )}
    </div>
  );
}

/** After writing: how many cells, and whether each KGI's children's targets give its target again. */
function SeekWrittenList(props: Shared & { written: SeekWritten }) {
  const { t, lang, written } = props;
  return (
    <ul class="issues" role="status" data-testid="seek-written">
      <li class="ok">{t.targetsWritten(written.cells)}</li>
      {written.roots.map((r) => (
        <li key={r.row} class={combines(r) ? "ok" : "warning"}>
          {combines(r)
            ? t.targetsCombine(r.name, formatValue(r.goal, r.unit, lang))
            : t.targetsDoNotCombine(r.name, formatValue(r.combined, r.unit, lang), formatValue(r.goal, r.unit, lang))}
        </li>
      ))}
    </ul>
  );
}
