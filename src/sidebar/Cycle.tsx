// The management cycle in the analysis: what is due for review today, every
// KPI's trend (from the period columns or the recorded days), and the
// quarterly KPI check. Names come from the sheet: rendered as text only.
import { useState } from "preact/hooks";
import { formatValue } from "../core/format";
import type { HistoryPoint } from "../core/insights";
import { type ReviewItem, reviewList } from "../core/review";
import { type TrendSource, validateTrends } from "../core/trends";
import { MIN_PERIODS } from "../core/validation";
import type { Analysis } from "../shared/api";
import type { Shared } from "./context";
import { Issues, SelectField } from "./fields";

export function Review(props: Shared & { cells: Analysis["review"] }) {
  const { t, cells } = props;
  const review = { ...reviewList(cells, cells.today), today: cells.today };
  const problems = review.problems.map((p) => t.reviewProblem(p.row, p.name, p.column, p.text));
  const item = (i: ReviewItem) => (
    <li key={i.row} data-row={i.row}>
      <strong>{i.name}</strong> <span class="hint">{t.cadence[i.cadence]}</span>{" "}
      <span class="hint">{i.updated ? `${i.updated} → ${i.due}` : t.reviewNever}</span>
      {i.late > 0 ? <span class="late"> {t.reviewLate(i.late)}</span> : null}
    </li>
  );
  return (
    <section class="review" data-testid="review">
      <h4>{t.reviewTitle}</h4>
      {!review.hasColumn ? (
        <p class="hint">{t.reviewNoColumn}</p>
      ) : review.due.length + review.overdue.length === 0 ? (
        <p class="hint">{t.reviewNone(review.today)}</p>
      ) : (
        <>
          {(["overdue", "due"] as const).map((kind) =>
            review[kind].length ? (
              <div key={kind}>
                <h5>{(kind === "due" ? t.reviewDue : t.reviewOverdue)(review[kind].length)}</h5>
                <ul class="review-list" data-testid={`review-${kind}`}>
                  {review[kind].map(item)}
                </ul>
              </div>
            ) : null,
          )}
          {review.upcoming ? <p class="hint">{t.reviewUpcoming(review.upcoming)}</p> : null}
        </>
      )}
      <Issues title="" heading="h5" level="warning" items={problems} testid="review-problems" />
    </section>
  );
}

/** A picker over every KPI and, when both exist, over the source; the KGI's trend first. */
export function Trends(props: Shared & { history: Analysis["history"] }) {
  const { t, history } = props;
  const [row, setRow] = useState(String(history[0]?.row ?? ""));
  const chosen = history.find((h) => String(h.row) === row) ?? history[0];
  const sources = (["periods", "snapshots"] as TrendSource[]).filter((s) =>
    history.some((h) => (s === "periods" ? h.periods : h.points).length > 0),
  );
  const [source, setSource] = useState<TrendSource>(sources[0] ?? "snapshots");
  if (!chosen) return null;
  const from = sources.includes(source) ? source : (sources[0] ?? "snapshots");
  return (
    <div class="trends" data-testid="trends">
      <SelectField
        label={t.trendKpi}
        value={String(chosen.row)}
        testid="trend-kpi"
        options={history.map((h) => [String(h.row), h.name])}
        onChange={setRow}
      />
      {sources.length > 1 ? (
        <SelectField<TrendSource>
          label={t.trendFrom}
          value={from}
          testid="trend-source"
          options={sources.map((s) => [s, t.trendSources[s]])}
          onChange={setSource}
        />
      ) : null}
      <History
        {...props}
        name={chosen.name}
        unit={chosen.unit}
        points={from === "periods" ? chosen.periods : chosen.points}
        hint={from === "periods" ? t.trendHint : undefined}
      />
    </div>
  );
}

export function Validation(props: Shared & { history: Analysis["history"] }) {
  const { t } = props;
  const validation = validateTrends(props.history, props.settings.thresholds);
  return (
    <section class="validation" data-testid="validation">
      <h4>{t.validationTitle}</h4>
      {validation.map((v) => {
        const { result } = v;
        if (!result.enough)
          return (
            <p key={v.row} class="hint" data-testid="validation-few">
              {t.validationFew(result.periods, MIN_PERIODS)}
            </p>
          );
        return (
          <div key={v.row}>
            <p class="hint">{t.validationSource(t.trendSources[v.source], result.periods)}</p>
            <ul class="links" data-testid="validation-links">
              {result.links.map((l) => (
                <li key={l.index} data-link={l.link}>
                  {v.kpis[l.index].name}: <strong>{t.link[l.link]}</strong>{" "}
                  <span class="hint">
                    {l.r === null ? (l.flat ? t.flatWhy[l.flat] : "") : `r = ${l.r.toFixed(2)}`} ·{" "}
                    {t.periodsUsed(l.periods)}
                  </span>
                </li>
              ))}
            </ul>
            <h5>{t.candidatesTitle}</h5>
            {result.candidates.length ? (
              <ul class="candidates" data-testid="validation-candidates">
                {result.candidates.map((c) => (
                  <li key={c.index}>{t.candidate(v.kpis[c.index].name, c.periods, c.missed)}</li>
                ))}
              </ul>
            ) : (
              <p class="hint">{t.noCandidates}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}

const SPARK_W = 276;
const SPARK_H = 64;
const PAD = 6;

function History(props: Shared & { name: string; unit: string; points: HistoryPoint[]; hint?: string }) {
  const { t, lang, name, unit, points } = props;
  if (points.length === 0) return <p class="hint">{t.historyEmpty}</p>;
  const values = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  const x = (i: number) =>
    PAD + (points.length === 1 ? (SPARK_W - 2 * PAD) / 2 : (i * (SPARK_W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => SPARK_H - 14 - ((v - lo) / span) * (SPARK_H - 14 - PAD);
  const line = (pick: (p: HistoryPoint) => number | null) =>
    points
      .map((p, i) => [i, pick(p)] as const)
      .filter((pair): pair is readonly [number, number] => pair[1] !== null)
      .map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(" ");
  const described = points.map((p) => `${p.date} ${formatValue(p.actual, unit, lang)}`).join(", ");
  const last = points[points.length - 1];
  return (
    <div class="history" data-testid="history">
      <p class="hint">{props.hint ?? (points.length === 1 ? t.historyOne : t.historyHint)}</p>
      <svg
        class="sparkline"
        width={SPARK_W}
        height={SPARK_H}
        viewBox={`0 0 ${SPARK_W} ${SPARK_H}`}
        role="img"
        aria-label={t.sparkLabel(name, described)}
      >
        <polyline class="spark-target" points={line((p) => p.target)} />
        <polyline class="spark-actual" points={line((p) => p.actual)} />
        {points.map((p, i) =>
          p.actual === null ? null : (
            <circle key={p.date} class="spark-point" cx={x(i)} cy={y(p.actual)} r={2.5} data-date={p.date}>
              <title>{`${p.date}: ${formatValue(p.actual, unit, lang)} / ${formatValue(p.target, unit, lang)}`}</title>
            </circle>
          ),
        )}
        <text class="spark-date" x={PAD} y={SPARK_H - 2}>
          {points[0].date}
        </text>
        {points.length > 1 ? (
          <text class="spark-date" x={SPARK_W - PAD} y={SPARK_H - 2} text-anchor="end">
            {last.date}
          </text>
        ) : null}
      </svg>
      <div class="kpi-detail">
        {name}: {formatValue(last.actual, unit, lang)} / {formatValue(last.target, unit, lang)} ({last.date})
      </div>
    </div>
  );
}
