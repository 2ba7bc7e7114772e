// The analysis of a table already in the sheet: where the KGI stands, the
// health check, the KSF candidates, a what-if and the KGI's history. Every
// name comes from the sheet, so it is rendered as Preact text, never as markup.
import { useEffect, useRef, useState } from "preact/hooks";
import { formatPercent, formatValue } from "../core/format";
import type { NodeSummary } from "../core/insights";
import { STATUSES } from "../core/rules";
import type { Tree } from "../core/tree";
import type { KpiTrend } from "../core/trends";
import type { WhatIfResult } from "../shared/api";
import { type Analysed, analysisOf, whatIfOf } from "./analysisData";
import { Review, Trends, Validation } from "./Cycle";
import type { Shared } from "./context";
import { GoalSeek, SensitivityList, Waterfall } from "./Drivers";
import { Issues, NumberField, SelectField } from "./fields";
import { server } from "./server";

export interface AnalysisProps extends Shared {
  sheetName: string;
  table: string;
}

export function Analysis(props: AnalysisProps) {
  const { t, lang, busy, sheetName, table } = props;
  const [analysed, setAnalysed] = useState<Analysed | null>(null);
  const result = analysed?.analysis ?? null;
  // Keyboard and screen-reader users land on the analysis once, when it first arrives.
  const heading = useFocusOnce<HTMLHeadingElement>(result !== null);

  const load = async () => {
    const r = await props.run(t.analyzing, async () =>
      analysisOf(await server.analysisData(sheetName, table), lang, props.settings.thresholds),
    );
    if (r) setAnalysed(r);
  };
  useEffect(() => {
    setAnalysed(null);
    load();
  }, [sheetName, table]);

  if (!result) return null;
  const { report } = result;

  return (
    <div class="analysis" data-testid="analysis">
      <div class="analysis-head">
        <h3 tabIndex={-1} ref={heading}>
          {t.analysis}
        </h3>
        <button type="button" class="link" disabled={!!busy} onClick={load} data-testid="refresh">
          {t.refresh}
        </button>
      </div>

      {report.roots.map((kgi) => (
        <KgiCard key={kgi.row} kgi={kgi} {...props} />
      ))}
      <Review {...props} cells={result.review} />
      <StatusCounts {...props} counts={report.statusCounts} />

      <Health {...props} report={report} />

      <Bottlenecks {...props} report={report} />

      <h4>{t.sensitivityTitle}</h4>
      <SensitivityList {...props} items={result.sensitivity} />

      <h4>{t.gapTitle}</h4>
      {result.waterfalls.map((w) => (
        <Waterfall key={w.row} {...props} waterfall={w} />
      ))}

      <h4>{t.seekTitle}</h4>
      <GoalSeek
        {...props}
        leaves={result.leaves}
        ksfRows={result.ksfRows}
        analysed={analysed as Analysed}
        onWritten={load}
      />

      <WhatIf {...props} leaves={result.leaves} tree={(analysed as Analysed).tree} />

      <History {...props} history={result.history} onRecorded={load} />
    </div>
  );
}

/** A ref whose element gets the focus the first time `ready` is true. */
function useFocusOnce<E extends HTMLElement>(ready: boolean) {
  const ref = useRef<E>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (ready && !opened.current) {
      opened.current = true;
      ref.current?.focus();
    }
  }, [ready]);
  return ref;
}

/** How many KPIs are in each status, with the status colours. */
function StatusCounts(props: Shared & { counts: Report["statusCounts"] }) {
  const { t } = props;
  return (
    <ul class="counts" aria-label={t.byStatus} data-testid="counts">
      {STATUSES.map((s) => (
        <li key={s} data-status={s}>
          <span class="dot" style={{ background: props.settings.colors[s] }} aria-hidden="true" />
          {t.status[s]} <strong>{props.counts[s]}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The KPIs' trends and their checks, and "record today's values" into the history. */
function History(props: AnalysisProps & { history: KpiTrend[]; onRecorded(): Promise<void> }) {
  const { t, lang, busy, sheetName, table } = props;
  const [recorded, setRecorded] = useState<string | null>(null);
  const record = async () => {
    const r = await props.run(t.recording, () => server.recordSnapshot(sheetName, table));
    if (!r) return;
    const parts = [t.recorded(r.date, r.rows), r.replaced ? t.recordedAgain : "", t.daysRecorded(r.days)];
    setRecorded(parts.filter(Boolean).join(lang === "ja" ? "" : " "));
    await props.onRecorded();
  };
  return (
    <>
      <h4>{t.history}</h4>
      <Trends {...props} history={props.history} />
      <Validation {...props} history={props.history} />
      <div class="actions">
        <button type="button" class="action" data-testid="record" disabled={!!busy} onClick={record}>
          {t.record}
        </button>
      </div>
      {recorded ? (
        <p class="done" role="status" data-testid="recorded">
          {recorded}
        </p>
      ) : null}
    </>
  );
}

type Report = Analysed["analysis"]["report"];

/** The health check: targets that do not combine, units, design, and the off-track KPIs with what they need. */
function Health(props: Shared & { report: Report }) {
  const { t, lang, report } = props;
  const value = (v: number | null, unit: string) => formatValue(v, unit, lang);
  return (
    <>
      <h4>{t.health}</h4>
      <div data-testid="health">
        {report.mismatches.length === 0 &&
        report.units.length === 0 &&
        report.design.length === 0 &&
        report.offTrack.length === 0 &&
        report.offTrackAbove.length === 0 ? (
          <ul class="issues">
            <li class="ok">{t.healthOk}</li>
          </ul>
        ) : null}
        <Issues
          title={t.mismatches}
          heading="h5"
          level="warning"
          items={report.mismatches.map((m) => m.message)}
          testid="mismatches"
        />
        <Issues title={t.unitIssues} heading="h5" level="warning" items={report.units} />
        <Issues title={t.designIssues} heading="h5" level="warning" items={report.design} testid="design" />
        {report.offTrack.length ? (
          <>
            <h5>{t.offTrack}</h5>
            <ul class="kpi-list" data-testid="off-track">
              {report.offTrack.map((o) => (
                <li key={o.row}>
                  <span class="dot" style={{ background: props.settings.colors.offTrack }} aria-hidden="true" />
                  <span class="kpi-name">{o.name}</span>
                  <span class="kpi-detail">
                    {t.offTrackLine(
                      value(o.actual, o.unit),
                      formatPercent(o.rate),
                      formatValue(o.required, o.unit, lang, { purpose: "requirement", direction: o.direction }),
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {report.offTrackAbove.length ? (
          <p class="hint" data-testid="off-track-above">
            {t.offTrackAbove(report.offTrackAbove.map((o) => o.name).join(lang === "ja" ? "、" : ", "))}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** The KSF candidates: the KPIs whose hitting their target would move the KGI most. */
function Bottlenecks(props: Shared & { report: Report }) {
  const { t, lang, report } = props;
  const unitOfKgi = new Map(report.roots.map((r) => [r.row, r.unit]));
  return (
    <>
      <h4>{t.bottlenecks}</h4>
      <p class="hint">{t.bottlenecksHint}</p>
      {report.bottlenecks.length ? (
        <ol class="kpi-list" data-testid="bottlenecks">
          {report.bottlenecks.map((b) => (
            <li key={b.row}>
              <span class="kpi-name">
                {b.name}
                {b.ksf ? <span class="flag"> ★{t.ksfMark}</span> : null}
              </span>
              <span class="kpi-detail">
                {t.bottleneckLine(formatPercent(b.rate), formatValue(b.rootIfHit, unitOfKgi.get(b.kgiRow) ?? "", lang))}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="hint">{t.noBottlenecks}</p>
      )}
    </>
  );
}

function KgiCard(props: Shared & { kgi: NodeSummary }) {
  const { t, lang, kgi } = props;
  const colour = props.settings.colors[kgi.status];
  const width = kgi.rate === null ? 0 : Math.max(0, Math.min(1, kgi.rate)) * 100;
  return (
    <div class="kgi-card" data-testid="kgi" data-status={kgi.status}>
      <div class="kgi-top">
        <span class="kpi-name">{kgi.name}</span>
        <span class="badge" style={{ background: colour }}>
          {formatPercent(kgi.rate)} · {t.status[kgi.status]}
        </span>
      </div>
      <div class="kpi-detail">
        {t.kgiFigures(formatValue(kgi.actual, kgi.unit, lang), formatValue(kgi.target, kgi.unit, lang))}
      </div>
      {/* Decorative: the badge above says the rate in words. */}
      <div class="meter" aria-hidden="true">
        <div class="meter-fill" style={{ width: `${width}%`, background: colour }} />
      </div>
    </div>
  );
}

function WhatIf(props: AnalysisProps & { leaves: NodeSummary[]; tree: Tree }) {
  const { t, lang, busy, leaves } = props;
  const [row, setRow] = useState<number | null>(leaves[0]?.row ?? null);
  const leaf = leaves.find((l) => l.row === row) ?? null;
  const [value, setValue] = useState<number | null>(leaf?.actual ?? null);
  const [valid, setValid] = useState(true);
  const [result, setResult] = useState<WhatIfResult | null>(null);

  const choose = (r: number) => {
    setRow(r);
    setValue(leaves.find((x) => x.row === r)?.actual ?? null);
    setValid(true);
    setResult(null);
  };
  const calculate = async (e: Event) => {
    e.preventDefault();
    if (!leaf || value === null || !valid) return;
    const r = await props.run(t.calculating, async () =>
      whatIfOf(props.tree, [{ row: leaf.row, actual: value }], t.whatIfRefused),
    );
    if (r) setResult(r);
  };

  return (
    <>
      <h4>{t.whatIf}</h4>
      <p class="hint">{t.whatIfHint}</p>
      {leaf === null ? (
        <p class="hint">{t.noLeaves}</p>
      ) : (
        <form class="what-if" onSubmit={calculate} data-testid="what-if">
          <SelectField
            label={t.whatIfKpi}
            value={String(leaf.row)}
            options={leaves.map((l) => [String(l.row), l.name])}
            testid="what-if-kpi"
            onChange={(v) => choose(Number(v))}
          />
          {/* Keyed by KPI: another KPI starts from its own actual, whatever was typed before. */}
          <NumberField
            key={leaf.row}
            label={t.whatIfValue}
            value={value}
            unit={leaf.unit}
            lang={lang}
            readAs={t.readAs}
            testid="what-if-value"
            onChange={(v) => {
              setValue(v);
              setResult(null);
            }}
            onValidity={(ok) => {
              setValid(ok);
              if (!ok) setResult(null);
            }}
          />
          <div class="actions">
            <button
              type="submit"
              class="action"
              data-testid="what-if-run"
              disabled={!!busy || !valid || value === null}
            >
              {t.whatIfRun}
            </button>
          </div>
        </form>
      )}
      {result ? <WhatIfOutcome {...props} result={result} /> : null}
    </>
  );
}

/** Each KGI before and after the what-if's change. */
function WhatIfOutcome(props: Shared & { result: WhatIfResult }) {
  const { t, lang } = props;
  const figure = (v: number | null, unit: string, rate: number | null) =>
    `${formatValue(v, unit, lang)} (${formatPercent(rate)})`;
  return (
    <ul class="issues" role="status" data-testid="what-if-result">
      {props.result.roots.map((r) => (
        <li key={r.row} class="ok">
          {t.whatIfResult(r.name, figure(r.before, r.unit, r.rateBefore), figure(r.after, r.unit, r.rateAfter))}
        </li>
      ))}
    </ul>
  );
}
