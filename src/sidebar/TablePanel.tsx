// "Use the current selection": read an existing table, show what was
// understood, and add the function columns and colours where the user can see
// they will go (empty columns only).
import { useEffect, useState } from "preact/hooks";
import type { AddResult, TableReport } from "../shared/api";
import { Analysis } from "./Analysis";
import type { Shared } from "./context";
import { Issues } from "./fields";
import { server } from "./server";
import { checkedReport } from "./tableCheck";

export function TablePanel(props: Shared & { auto: boolean }) {
  const { t, busy } = props;
  const [report, setReport] = useState<TableReport | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [analysing, setAnalysing] = useState(false);

  const read = async () => {
    setAdded(null);
    setAnalysing(false);
    const r = await props.run(t.reading, async () => checkedReport(await server.detectTable(), props.lang));
    if (r) setReport(r);
  };
  useEffect(() => {
    if (props.auto) read();
  }, []);

  const add = async () => {
    if (!report) return;
    const r = await props.run(t.adding, () =>
      server.addFunctionColumns(report.sheetName, report.table, report.functions ? null : report.planned),
    );
    if (r) {
      // Offered and rewritten: the formulas of earlier versions are one KPI_TREE now.
      const upgraded = !!report.upgrade && r.updated;
      setAdded({ ...r, upgraded });
      setReport({ ...report, functions: r.functions, planned: null, upgrade: upgraded ? undefined : report.upgrade });
    }
  };

  return (
    <section class="table-panel">
      <h2>{t.tableTitle}</h2>
      <p class="hint">{t.tableHint}</p>
      <div class="actions">
        <button type="button" class="action" data-testid="read" disabled={!!busy} onClick={read}>
          {t.read}
        </button>
      </div>
      {report ? (
        <div class="report" data-testid="report">
          <h3>{t.understood}</h3>
          <Understood t={t} report={report} />
          <ReportIssues t={t} report={report} />
          <FunctionColumns t={t} busy={busy} report={report} added={added} onAdd={add} />
          {report.ok ? (
            <ReportActions
              {...props}
              report={report}
              analysing={analysing}
              onAnalyse={() => setAnalysing(!analysing)}
            />
          ) : null}
        </div>
      ) : null}
      {report?.ok && analysing ? <Analysis {...props} sheetName={report.sheetName} table={report.table} /> : null}
    </section>
  );
}

/** What stops the table being read (errors, missing operators) and what to look at (warnings). */
function ReportIssues({ t, report }: { t: Shared["t"]; report: TableReport }) {
  return (
    <>
      <Issues
        title={t.errorTitle}
        heading="h3"
        level="error"
        testid="errors"
        items={report.problems.filter((p) => p.severity === "error" && p.code !== "missingOp").map((p) => p.message)}
      />
      <Issues
        title={t.missingOps}
        heading="h3"
        level="error"
        items={(report.missingOps ?? []).map((m) => t.missingOpRow(m.row, m.name))}
      />
      <Issues title={t.warnings} heading="h3" level="warning" items={report.warnings ?? []} />
    </>
  );
}

/** A table read without errors: open (or close) its analysis, or its diagram. */
function ReportActions(props: Shared & { report: TableReport; analysing: boolean; onAnalyse(): void }) {
  const { t, busy, report, analysing } = props;
  return (
    <div class="actions">
      <button
        type="button"
        data-testid="analyze"
        aria-expanded={analysing}
        disabled={!!busy && !analysing}
        onClick={props.onAnalyse}
      >
        {analysing ? t.analysisClose : t.analysisOpen}
      </button>
      <button
        type="button"
        data-testid="open-diagram"
        disabled={!!busy}
        onClick={() =>
          props.run(t.working, () =>
            server.showDiagram({
              sheetName: report.sheetName,
              table: report.table,
              functions: report.functions,
            }),
          )
        }
      >
        {t.openDiagram}
      </button>
    </div>
  );
}

/** What was understood of the table: where it is, its KGIs, depth, size, form and KSFs. */
function Understood({ t, report }: { t: Shared["t"]; report: TableReport }) {
  return (
    <dl>
      <dt>{t.sheet}</dt>
      <dd>{report.sheetName}</dd>
      <dt>{t.range}</dt>
      <dd>{report.table}</dd>
      {report.roots?.length ? (
        <>
          <dt>{t.root}</dt>
          <dd>{report.roots.map((r) => r.name).join(", ")}</dd>
          <dt>{t.depth}</dt>
          <dd>{report.depth}</dd>
          <dt>{t.count}</dt>
          <dd>{report.nodes}</dd>
          <dt>{t.form}</dt>
          <dd>{report.form ? t.forms[report.form] : ""}</dd>
        </>
      ) : null}
      {report.ksf?.length ? (
        <>
          <dt>{t.ksfList}</dt>
          <dd>{report.ksf.join(", ")}</dd>
        </>
      ) : null}
    </dl>
  );
}

type Added = AddResult & { upgraded?: boolean };

/** The function columns: already there, to upgrade, to add (where), and what the last add did. */
function FunctionColumns(props: {
  t: Shared["t"];
  busy: Shared["busy"];
  report: TableReport;
  added: Added | null;
  onAdd: () => void;
}) {
  const { t, busy, report, added } = props;
  return (
    <>
      {report.functions ? <p>{t.functionsThere(report.functions)}</p> : null}
      {report.upgrade === undefined ? null : (
        <p data-testid="upgrade">
          {report.upgrade === true ? t.upgradeOffer : report.upgrade ? t.upgradeYtd(report.upgrade) : t.upgradeEdited}
        </p>
      )}
      {report.planned ? <p data-testid="planned">{t.planned(report.planned)}</p> : null}
      {report.ok && (report.planned || report.functions) ? (
        <div class="actions">
          <button type="button" class="action" data-testid="add" disabled={!!busy} onClick={props.onAdd}>
            {report.upgrade ? t.upgrade : report.functions ? t.recolor : t.addColumns}
          </button>
        </div>
      ) : null}
      {added ? (
        <p class="done" role="status">
          {added.added
            ? t.added(added.functions)
            : added.upgraded
              ? t.upgraded(added.functions)
              : added.updated
                ? t.stretched(added.functions)
                : t.recolored}
        </p>
      ) : null}
    </>
  );
}
