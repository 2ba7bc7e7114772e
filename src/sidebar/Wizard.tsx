// The new-tree wizard: 1 pick a template, 2 edit the KGI and the tree (live
// diagram and warnings), 3 write it to a new sheet.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  addChild,
  addSibling,
  canIndent,
  canOutdent,
  type Draft,
  type DraftNode,
  evaluateDraft,
  hasChildren,
  indent,
  move,
  outdent,
  removeNode,
  type SheetLayout,
  updateNode,
} from "../core/draft";
import type { Op } from "../core/operators";
import { BLANK_TEMPLATE, TEMPLATES, templateDescription, templateDraft, templateTitle } from "../core/templates";
import type { WriteResult } from "../shared/api";
import type { Shared } from "./context";
import { Diagram } from "./Diagram";
import { Checkbox, NumberField, SelectField, TextField, useId } from "./fields";
import { server } from "./server";

const UNITS = ["円", "¥", "%", "件", "人", "社", "回", "時間", "点", "件/月"];
const OP_ORDER: Op[] = ["product", "sum", "difference", "ratio", "avg", "min", "max", "none"];

export function Wizard(props: Shared) {
  const { t, lang } = props;
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [selected, setSelected] = useState(0);
  const [result, setResult] = useState<WriteResult | null>(null);
  const [layout, setLayout] = useState<SheetLayout>("parent");
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const pick = (id: string) => {
    setDraft(templateDraft(id, lang));
    setSelected(0);
    setResult(null);
    setStep(2);
  };

  return (
    <section class="wizard" data-step={step}>
      <p class="step-count">{t.step(step, 3)}</p>
      {step === 1 ? (
        <>
          <h2 tabIndex={-1} ref={heading}>
            {t.step1Title}
          </h2>
          <p class="hint">{t.step1Hint}</p>
          <ul class="templates">
            {TEMPLATES.map((tpl) => (
              <li key={tpl.id}>
                <button type="button" class="card" data-template={tpl.id} onClick={() => pick(tpl.id)}>
                  <span class="card-title">{templateTitle(tpl, lang)}</span>
                  <span class="card-text">{templateDescription(tpl, lang)}</span>
                </button>
              </li>
            ))}
            <li>
              <button type="button" class="card" data-template={BLANK_TEMPLATE} onClick={() => pick(BLANK_TEMPLATE)}>
                <span class="card-title">{t.blank}</span>
                <span class="card-text">{t.blankHint}</span>
              </button>
            </li>
          </ul>
        </>
      ) : null}
      {step === 2 && draft ? (
        <Editor
          {...props}
          draft={draft}
          setDraft={setDraft}
          selected={selected}
          setSelected={setSelected}
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
          headingRef={heading}
          onBack={() => setStep(2)}
          onWritten={setResult}
          onAgain={() => {
            setDraft(null);
            setResult(null);
            setStep(1);
          }}
        />
      ) : null}
    </section>
  );
}

interface EditorProps extends Shared {
  draft: Draft;
  setDraft(d: Draft): void;
  selected: number;
  setSelected(i: number): void;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onBack(): void;
  onNext(): void;
}

function Editor(props: EditorProps) {
  const { t, lang, draft, setDraft, selected, setSelected, settings } = props;
  const evaluation = useMemo(() => evaluateDraft(draft, lang, settings.thresholds), [draft, lang, settings]);
  const nameRef = useRef<HTMLInputElement>(null);
  const [focusName, setFocusName] = useState(false);
  const kgi = draft.nodes[0];
  const node = draft.nodes[selected] ?? kgi;
  const i = draft.nodes[selected] ? selected : 0;

  useEffect(() => {
    if (focusName) {
      nameRef.current?.focus();
      setFocusName(false);
    }
  }, [focusName, selected]);

  const patch = (k: number, p: Partial<DraftNode>) => setDraft(updateNode(draft, k, p));
  const act = (r: { draft: Draft; index: number }, focus = true) => {
    setDraft(r.draft);
    setSelected(r.index);
    setFocusName(focus);
  };
  const errors = evaluation.issues.filter((x) => x.level === "error");
  const issueFor = (key: string) => evaluation.issues.some((x) => x.key === key);

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = Math.max(0, Math.min(draft.nodes.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)));
      setSelected(next);
      document.querySelector<HTMLButtonElement>(`[data-node-index="${next}"]`)?.focus();
    }
  };

  return (
    <>
      <h2 tabIndex={-1} ref={props.headingRef}>
        {t.step2Title}
      </h2>
      <fieldset class="kgi">
        <legend>{t.kgi}</legend>
        <TextField label={t.kgiName} value={kgi.name} testid="kgi-name" onChange={(v) => patch(0, { name: v })} />
        <div class="row2">
          <NumberField
            label={t.target}
            value={kgi.target}
            unit={kgi.unit}
            lang={lang}
            invalidText={t.invalidNumber}
            testid="kgi-target"
            onChange={(v) => patch(0, { target: v })}
          />
          <TextField
            label={t.unit}
            value={kgi.unit}
            list="units"
            testid="kgi-unit"
            onChange={(v) => patch(0, { unit: v })}
          />
        </div>
        <TextField
          label={t.deadline}
          type="date"
          value={kgi.deadline}
          testid="kgi-deadline"
          onChange={(v) => patch(0, { deadline: v })}
        />
      </fieldset>
      <datalist id="units">
        {UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>

      <h3>{t.diagram}</h3>
      <Diagram
        nodes={draft.nodes}
        status={evaluation.status}
        rate={evaluation.rate}
        colors={settings.colors}
        selected={i}
        label={t.diagramLabel(draft.nodes.length)}
        unnamed={t.unnamed}
        statusLabel={t.status}
        onSelect={(k) => setSelected(k)}
      />

      <h3 id="nodes-heading">{t.nodes}</h3>
      <ul class="nodes" aria-labelledby="nodes-heading" onKeyDown={onListKey}>
        {draft.nodes.map((n, k) => (
          <li key={n.key} style={{ paddingLeft: `${n.depth * 12}px` }}>
            <button
              type="button"
              class={k === i ? "node-item selected" : "node-item"}
              aria-current={k === i ? "true" : undefined}
              data-node-index={k}
              tabIndex={k === i ? 0 : -1}
              onClick={() => setSelected(k)}
            >
              <span class={`dot ${evaluation.status[k]}`} aria-hidden="true" />
              <span class="node-name">{n.name || t.unnamed}</span>
              {hasChildren(draft.nodes, k) && n.op ? <span class="op">{t.ops[n.op].split(" ")[0]}</span> : null}
              {issueFor(n.key) ? (
                <span class="flag" aria-hidden="true">
                  !
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <div class="toolbar" role="toolbar" aria-label={t.tree}>
        <button type="button" data-action="add-child" onClick={() => act(addChild(draft, i))}>
          {t.addChild}
        </button>
        <button type="button" data-action="add-sibling" onClick={() => act(addSibling(draft, i))}>
          {t.addSibling}
        </button>
        <button
          type="button"
          class="danger"
          data-action="remove"
          disabled={i === 0}
          onClick={() => {
            setDraft(removeNode(draft, i));
            setSelected(Math.max(0, i - 1));
          }}
        >
          {t.remove}
        </button>
        <button
          type="button"
          data-action="indent"
          disabled={!canIndent(draft.nodes, i)}
          title={t.indent}
          aria-label={t.indent}
          onClick={() => act({ draft: indent(draft, i), index: i }, false)}
        >
          →
        </button>
        <button
          type="button"
          data-action="outdent"
          disabled={!canOutdent(draft.nodes, i)}
          title={t.outdent}
          aria-label={t.outdent}
          onClick={() => act(outdent(draft, i), false)}
        >
          ←
        </button>
        <button
          type="button"
          data-action="up"
          disabled={i === 0}
          title={t.moveUp}
          aria-label={t.moveUp}
          onClick={() => act(move(draft, i, -1), false)}
        >
          ↑
        </button>
        <button
          type="button"
          data-action="down"
          disabled={i === 0}
          title={t.moveDown}
          aria-label={t.moveDown}
          onClick={() => act(move(draft, i, 1), false)}
        >
          ↓
        </button>
      </div>

      <fieldset class="details" data-testid="details">
        <legend>{t.selected}</legend>
        <TextField
          label={t.name}
          value={node.name}
          inputRef={nameRef}
          testid="node-name"
          onChange={(v) => patch(i, { name: v })}
        />
        {hasChildren(draft.nodes, i) ? (
          <SelectField<Op | "">
            label={t.op}
            value={node.op}
            testid="node-op"
            options={[["", t.opNone], ...OP_ORDER.map((o) => [o, t.ops[o]] as [Op, string])]}
            onChange={(v) => patch(i, { op: v })}
          />
        ) : null}
        <div class="row2">
          <NumberField
            label={t.target}
            value={node.target}
            unit={node.unit}
            lang={lang}
            invalidText={t.invalidNumber}
            testid="node-target"
            onChange={(v) => patch(i, { target: v })}
          />
          <NumberField
            label={t.actual}
            value={node.actual}
            unit={node.unit}
            lang={lang}
            invalidText={t.invalidNumber}
            testid="node-actual"
            onChange={(v) => patch(i, { actual: v })}
          />
        </div>
        <div class="row2">
          <TextField
            label={t.unit}
            value={node.unit}
            list="units"
            testid="node-unit"
            onChange={(v) => patch(i, { unit: v })}
          />
          <SelectField
            label={t.direction}
            value={node.direction}
            testid="node-direction"
            options={[
              ["higher", t.higher],
              ["lower", t.lower],
            ]}
            onChange={(v) => patch(i, { direction: v })}
          />
        </div>
        <TextField label={t.owner} value={node.owner} testid="node-owner" onChange={(v) => patch(i, { owner: v })} />
        <Checkbox label={t.ksf} checked={node.ksf} testid="node-ksf" onChange={(v) => patch(i, { ksf: v })} />
      </fieldset>

      <h3>{t.checks}</h3>
      <ul class="issues" aria-live="polite" data-testid="issues">
        {evaluation.issues.length === 0 ? <li class="ok">{t.noIssues}</li> : null}
        {evaluation.issues.map((x, k) => {
          const target = x.key ? draft.nodes.findIndex((n) => n.key === x.key) : -1;
          return (
            <li key={`${k}-${x.message}`} class={x.level}>
              {target >= 0 ? (
                <button type="button" class="link" onClick={() => setSelected(target)}>
                  {x.message}
                </button>
              ) : (
                x.message
              )}
            </li>
          );
        })}
      </ul>

      <div class="actions">
        <button type="button" onClick={props.onBack}>
          {t.back}
        </button>
        <button type="button" class="action" data-testid="next" disabled={errors.length > 0} onClick={props.onNext}>
          {t.next}
        </button>
      </div>
    </>
  );
}

interface WriteStepProps extends Shared {
  draft: Draft;
  result: WriteResult | null;
  layout: SheetLayout;
  setLayout(layout: SheetLayout): void;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onBack(): void;
  onWritten(r: WriteResult): void;
  onAgain(): void;
}

function WriteStep(props: WriteStepProps) {
  const { t, lang, draft, result, busy, layout } = props;
  const radio = useId("layout");
  const evaluation = useMemo(() => evaluateDraft(draft, lang, props.settings.thresholds), [draft, lang]);
  const errors = evaluation.issues.filter((x) => x.level === "error").length;
  const warnings = evaluation.issues.length - errors;
  const depth = Math.max(...draft.nodes.map((n) => n.depth)) + 1;
  const write = async () => {
    const r = await props.run(t.writing, () => server.writeTree(draft, layout));
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
      <fieldset class="layout" data-testid="layout" disabled={!!result || !!busy}>
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
