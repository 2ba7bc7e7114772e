// The new-tree wizard: 1 pick a template, 2 edit the KGI and the tree (live
// diagram and warnings), 3 write it to a new sheet.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { type Draft, evaluateDraft, type SheetLayout } from "../core/draft";
import { sheetPlan } from "../core/sheetPlan";
import { BLANK_TEMPLATE, TEMPLATES, templateDescription, templateDraft, templateTitle } from "../core/templates";
import { canRedo, canUndo, type History, record, redo, replacePresent, startHistory, undo } from "../core/undo";
import type { WriteOptions, WriteResult } from "../shared/api";
import type { Shared } from "./context";
import { Editor, type EditorState } from "./Editor";
import { useId } from "./fields";
import { PeriodOptions } from "./PeriodOptions";
import { server } from "./server";

export function Wizard(props: Shared) {
  const { t, lang } = props;
  const [step, setStep] = useState<1 | 2 | 3>(1);
  // The draft and its selection, with undo: each template starts a new history.
  const [history, setHistory] = useState<History<EditorState> | null>(null);
  const draft = history?.present.draft ?? null;
  const [result, setResult] = useState<WriteResult | null>(null);
  const [layout, setLayout] = useState<SheetLayout>("parent");
  const [options, setOptions] = useState<WriteOptions>({ periods: null, review: false });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const pick = (id: string) => {
    setHistory(startHistory({ draft: templateDraft(id, lang), selected: 0 }));
    setResult(null);
    setStep(2);
  };

  return (
    <section class="wizard" data-step={step}>
      <p class="step-count">{t.step(step, 3)}</p>
      {step === 1 ? <TemplatePicker {...props} headingRef={heading} onPick={pick} /> : null}
      {step === 2 && history ? (
        <Editor
          {...props}
          state={history.present}
          commit={(next, key) => setHistory((h) => (h ? record(h, next, key ?? null) : h))}
          select={(i) => setHistory((h) => (h ? replacePresent(h, { ...h.present, selected: i }) : h))}
          undo={() => setHistory((h) => (h ? undo(h) : h))}
          redo={() => setHistory((h) => (h ? redo(h) : h))}
          canUndo={canUndo(history)}
          canRedo={canRedo(history)}
          headingRef={heading}
          onBack={() => setStep(1)}
          onNext={() => setStep(3)}
        />
      ) : null}
      {step === 3 && draft ? (
        <WriteStep
          {...props}
          draft={draft}
          result={result}
          layout={layout}
          setLayout={setLayout}
          options={options}
          setOptions={setOptions}
          headingRef={heading}
          onBack={() => setStep(2)}
          onWritten={setResult}
          onAgain={() => {
            setHistory(null);
            setResult(null);
            setStep(1);
          }}
        />
      ) : null}
    </section>
  );
}

/** Step 1: the templates, and a blank tree. */
function TemplatePicker(props: Shared & { headingRef: preact.Ref<HTMLHeadingElement>; onPick(id: string): void }) {
  const { t, lang } = props;
  return (
    <>
      <h2 tabIndex={-1} ref={props.headingRef}>
        {t.step1Title}
      </h2>
      <p class="hint">{t.step1Hint}</p>
      <ul class="templates">
        {TEMPLATES.map((tpl) => (
          <li key={tpl.id}>
            <button type="button" class="card" data-template={tpl.id} onClick={() => props.onPick(tpl.id)}>
              <span class="card-title">{templateTitle(tpl, lang)}</span>
              <span class="card-text">{templateDescription(tpl, lang)}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            class="card"
            data-template={BLANK_TEMPLATE}
            onClick={() => props.onPick(BLANK_TEMPLATE)}
          >
            <span class="card-title">{t.blank}</span>
            <span class="card-text">{t.blankHint}</span>
          </button>
        </li>
      </ul>
    </>
  );
}

interface WriteStepProps extends Shared {
  draft: Draft;
  result: WriteResult | null;
  layout: SheetLayout;
  setLayout(layout: SheetLayout): void;
  options: WriteOptions;
  setOptions(options: WriteOptions): void;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onBack(): void;
  onWritten(r: WriteResult): void;
  onAgain(): void;
}

function WriteStep(props: WriteStepProps) {
  const { t, lang, draft, result, busy, layout } = props;
  const evaluation = useMemo(() => evaluateDraft(draft, lang, props.settings.thresholds), [draft, lang]);
  const errors = evaluation.issues.filter((x) => x.level === "error").length;
  const warnings = evaluation.issues.length - errors;
  const depth = Math.max(...draft.nodes.map((n) => n.depth)) + 1;
  const write = async () => {
    const r = await props.run(t.writing, () =>
      server.writeTree(sheetPlan(draft, layout, props.options, lang, props.settings.thresholds)),
    );
    if (r) props.onWritten(r);
  };
  return (
    <>
      <h2 tabIndex={-1} ref={props.headingRef}>
        {t.step3Title}
      </h2>
      <p class="hint">{t.step3Hint}</p>
      <p class="summary">
        <strong>{draft.nodes[0].name}</strong> — {t.summary(draft.nodes.length, depth)}
      </p>
      <LayoutChoice {...props} disabled={!!result || !!busy} />
      <PeriodOptions {...props} options={props.options} disabled={!!result || !!busy} onChange={props.setOptions} />
      {warnings ? <p class="warning">{t.warningsLeft(warnings)}</p> : null}
      {errors ? <p class="error-text">{t.errorsLeft}</p> : null}
      {result ? (
        <div class="done" role="status" data-testid="written">
          <p>{t.written(result.sheetName)}</p>
          <p class="hint">{t.writtenHint}</p>
          <button type="button" onClick={props.onAgain}>
            {t.again}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="button" onClick={props.onBack} disabled={!!busy}>
            {t.back}
          </button>
          <button type="button" class="action" data-testid="write" disabled={!!busy || errors > 0} onClick={write}>
            {busy ? t.writing : t.write}
          </button>
        </div>
      )}
    </>
  );
}

/** The sheet's layout: an outline column per level, or a Parent column. */
function LayoutChoice(
  props: Shared & { layout: SheetLayout; setLayout(layout: SheetLayout): void; disabled: boolean },
) {
  const { t, layout } = props;
  const radio = useId("layout");
  return (
    <fieldset class="layout" data-testid="layout" disabled={props.disabled}>
      <legend>{t.layout}</legend>
      {(
        [
          ["outline", t.layoutOutline],
          ["parent", t.layoutParent],
        ] as [SheetLayout, string][]
      ).map(([value, label]) => (
        <div class="field check" key={value}>
          <input
            id={`${radio}-${value}`}
            type="radio"
            name={radio}
            value={value}
            checked={layout === value}
            data-testid={`layout-${value}`}
            onChange={() => props.setLayout(value)}
          />
          <label for={`${radio}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
