// Step 2 of the wizard: the KGI, the live diagram, the KPI list with its
// toolbar (add, delete with confirmation, move, undo/redo) and the check list.
// Every edit goes through `commit`, which records an undo step (keystrokes in
// one field merge into one step); the state itself is the core's pure history.
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
  removalCount,
  removeNode,
  setValue,
  updateNode,
  type ValueField,
} from "../core/draft";
import { type DraftIssue, groupIssues } from "../core/draftIssues";
import type { Op } from "../core/operators";
import type { Status } from "../core/status";
import type { Shared } from "./context";
import { Diagram } from "./Diagram";
import { Checkbox, NumberField, SelectField, TextField } from "./fields";
import { server } from "./server";
import { diagramWords } from "./TreeDiagram";

const UNITS = ["円", "¥", "%", "件", "人", "社", "回", "時間", "点", "件/月"];
const OP_ORDER: Op[] = ["product", "sum", "difference", "ratio", "avg", "min", "max", "none"];

/** What one undo step brings back: the tree and which KPI was selected. */
export interface EditorState {
  draft: Draft;
  selected: number;
}

export interface EditorProps extends Shared {
  state: EditorState;
  /** Records an edit; edits with the same key in a row are one undo step. */
  commit(next: EditorState, key?: string): void;
  /** Selects a KPI (not an undo step). */
  select(i: number): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onBack(): void;
  onNext(): void;
}

/**
 * A deletion waiting for the user's yes (`draft`: the tree it was asked on),
 * or the last one done (`draft`: the tree it left). Either is shown only while
 * the tree is that one, so a stale question can never delete another KPI, and
 * the notice's Undo always takes back this deletion.
 */
interface Removal {
  index: number;
  name: string;
  count: number;
  draft: Draft;
}

/** Whether Ctrl+Z should be left to the browser: typing fields have their own text undo. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && (el as HTMLInputElement).type !== "checkbox"))
  );
}

/** Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) anywhere in the editor but in a text field, which keeps its own undo. */
function useUndoKeys(props: EditorProps): void {
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === "z" && !e.shiftKey && props.canUndo) props.undo();
    else if (((key === "z" && e.shiftKey) || key === "y") && props.canRedo) props.redo();
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}

/** Focuses an element of the sidebar once the next render is on screen. */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * Deleting KPI `i`: a leaf goes at once; a parent takes its subtree with it,
 * so the user is asked first, with the count. Either way a notice offers Undo.
 * Returns what starts a deletion and what to show (the question or the notice).
 */
function useRemoval(props: EditorProps, i: number): { ask(): void; view: preact.ComponentChild } {
  const { t } = props;
  const { draft } = props.state;
  const [pending, setPending] = useState<Removal | null>(null);
  const [removed, setRemoved] = useState<Removal | null>(null);
  const remove = (r: Removal) => {
    if (r.draft !== draft) return;
    const left = removeNode(draft, r.index);
    props.commit({ draft: left, selected: Math.max(0, r.index - 1) });
    setPending(null);
    setRemoved({ ...r, draft: left });
    focusSoon('[data-testid="removed"] button');
  };
  const ask = () => {
    const name = draft.nodes[i].name.trim() || t.unnamed;
    const r = { index: i, name, count: removalCount(draft.nodes, i), draft };
    if (r.count > 1) setPending(r);
    else remove(r);
  };
  const no = () => {
    setPending(null);
    focusSoon('[data-action="remove"]');
  };
  const view = (
    <>
      {pending?.draft === draft ? <ConfirmRemove {...props} removal={pending} onYes={remove} onNo={no} /> : null}
      {removed?.draft === draft ? (
        <p class="notice" role="status" data-testid="removed">
          {t.removed(removed.name, removed.count)}{" "}
          <button type="button" class="link" onClick={props.undo}>
            {t.undo}
          </button>
        </p>
      ) : null}
    </>
  );
  return { ask, view };
}

export function Editor(props: EditorProps) {
  const { t, lang, state, settings } = props;
  const { draft } = state;
  const evaluation = useMemo(() => evaluateDraft(draft, lang, settings.thresholds), [draft, lang, settings]);
  const i = draft.nodes[state.selected] ? state.selected : 0;
  const errors = evaluation.issues.filter((x) => x.level === "error");
  const removal = useRemoval(props, i);
  useUndoKeys(props);
  // After adding a KPI the cursor goes to its name.
  const nameRef = useRef<HTMLInputElement>(null);
  const [added, setAdded] = useState(0);
  useEffect(() => {
    if (added) nameRef.current?.focus();
  }, [added]);

  return (
    <div class="editor">
      <h2 tabIndex={-1} ref={props.headingRef}>
        {t.step2Title}
      </h2>
      <KgiFields {...props} />
      <h3>{t.diagram}</h3>
      <Diagram
        nodes={draft.nodes}
        evaluation={evaluation}
        colors={settings.colors}
        lang={lang}
        selected={i}
        label={t.diagramLabel(draft.nodes.length)}
        words={diagramWords(t)}
        onSelect={props.select}
      />
      <div class="actions">
        <button
          type="button"
          data-testid="open-diagram"
          disabled={!!props.busy}
          onClick={() => props.run(t.working, () => server.showDiagram({ draft }))}
        >
          {t.openDiagram}
        </button>
      </div>
      <NodeList
        {...props}
        index={i}
        status={evaluation.status}
        flagged={new Set(evaluation.issues.map((x) => x.key))}
      />
      <Toolbar {...props} index={i} onRemove={removal.ask} onAdded={() => setAdded((n) => n + 1)} />
      {removal.view}
      <NodeDetails {...props} index={i} nameRef={nameRef} />
      <h3>{t.checks}</h3>
      <CheckList {...props} issues={evaluation.issues} />
      <div class="actions">
        <button type="button" onClick={props.onBack}>
          {t.back}
        </button>
        <button type="button" class="action" data-testid="next" disabled={errors.length > 0} onClick={props.onNext}>
          {t.next}
        </button>
      </div>
    </div>
  );
}

/** Sets a field of node `k` as one undo step per field (typing merges). */
function patcher(props: EditorProps) {
  const { draft, selected } = props.state;
  return (k: number, p: Partial<DraftNode>, field?: string) =>
    props.commit({ draft: updateNode(draft, k, p), selected }, field ? `${draft.nodes[k].key}:${field}` : undefined);
}

/** A number field of node `k` bound to the draft: unreadable text is kept (and blocks writing) until fixed. */
function ValueInput(props: EditorProps & { k: number; field: ValueField; testid: string; label: string }) {
  const { t, lang, state, k, field } = props;
  const node = state.draft.nodes[k];
  const set = (value: number | null | undefined, text: string) =>
    props.commit(
      { draft: setValue(state.draft, k, field, value, text), selected: state.selected },
      `${node.key}:${field}`,
    );
  return (
    <NumberField
      label={props.label}
      value={node[field]}
      pending={node.invalid?.[field]}
      unit={node.unit}
      lang={lang}
      readAs={t.readAs}
      testid={props.testid}
      onChange={(v, text) => set(v, text)}
      onInvalid={(text) => set(undefined, text)}
    />
  );
}

function KgiFields(props: EditorProps) {
  const { t } = props;
  const kgi = props.state.draft.nodes[0];
  const patch = patcher(props);
  return (
    <>
      <fieldset class="kgi">
        <legend>{t.kgi}</legend>
        <TextField
          label={t.kgiName}
          value={kgi.name}
          testid="kgi-name"
          onChange={(v) => patch(0, { name: v }, "name")}
        />
        <div class="row2">
          <ValueInput {...props} k={0} field="target" testid="kgi-target" label={t.target} />
          <TextField
            label={t.unit}
            value={kgi.unit}
            list="units"
            testid="kgi-unit"
            onChange={(v) => patch(0, { unit: v }, "unit")}
          />
        </div>
        <TextField
          label={t.deadline}
          type="date"
          value={kgi.deadline}
          testid="kgi-deadline"
          onChange={(v) => patch(0, { deadline: v }, "deadline")}
        />
      </fieldset>
      <datalist id="units">
        {UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
    </>
  );
}

function NodeList(props: EditorProps & { index: number; status: Status[]; flagged: Set<string | undefined> }) {
  const { t, index: i } = props;
  const { nodes } = props.state.draft;
  const onListKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const next = Math.max(0, Math.min(nodes.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)));
    props.select(next);
    document.querySelector<HTMLButtonElement>(`[data-node-index="${next}"]`)?.focus();
  };
  return (
    <>
      <h3 id="nodes-heading">{t.nodes}</h3>
      <ul class="nodes" aria-labelledby="nodes-heading" onKeyDown={onListKey}>
        {nodes.map((n, k) => (
          <li key={n.key} style={{ paddingLeft: `${n.depth * 12}px` }}>
            <button
              type="button"
              class={k === i ? "node-item selected" : "node-item"}
              aria-current={k === i ? "true" : undefined}
              data-node-index={k}
              tabIndex={k === i ? 0 : -1}
              onClick={() => props.select(k)}
            >
              <span class={`dot ${props.status[k]}`} aria-hidden="true" />
              <span class="node-name">{n.name || t.unnamed}</span>
              {hasChildren(nodes, k) && n.op ? (
                <span class="op-chip" data-op={n.op}>
                  <span class="visually-hidden">{t.opIs}</span>
                  {t.ops[n.op]}
                </span>
              ) : null}
              {props.flagged.has(n.key) ? (
                <span class="flag" title={t.hasIssues}>
                  <span aria-hidden="true">!</span>
                  <span class="visually-hidden">{t.hasIssues}</span>
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Toolbar(props: EditorProps & { index: number; onRemove(): void; onAdded(): void }) {
  const { t, index: i } = props;
  const { draft } = props.state;
  const act = (r: { draft: Draft; index: number }) => props.commit({ draft: r.draft, selected: r.index });
  const add = (r: { draft: Draft; index: number }) => {
    act(r);
    props.onAdded();
  };
  const tool = (action: string, icon: string, label: string, hint: string, enabled: boolean, run: () => void) => (
    <button type="button" data-action={action} disabled={!enabled} title={hint} onClick={run}>
      <span class="icon" aria-hidden="true">
        {icon}
      </span>
      {label}
    </button>
  );
  return (
    <div class="toolbar" role="toolbar" aria-label={t.tree}>
      <div class="tool-row">
        {tool("add-child", "+", t.addChild, t.addChildHint, true, () => add(addChild(draft, i)))}
        {tool("add-sibling", "+", t.addSibling, t.addSiblingHint, true, () => add(addSibling(draft, i)))}
      </div>
      <div class="tool-row">
        {tool("up", "↑", t.moveUp, t.moveUpHint, i > 0, () => act(move(draft, i, -1)))}
        {tool("down", "↓", t.moveDown, t.moveDownHint, i > 0, () => act(move(draft, i, 1)))}
        {tool("outdent", "←", t.outdent, t.outdentHint, canOutdent(draft.nodes, i), () => act(outdent(draft, i)))}
        {tool("indent", "→", t.indent, t.indentHint, canIndent(draft.nodes, i), () =>
          act({ draft: indent(draft, i), index: i }),
        )}
      </div>
      <div class="tool-row">
        {tool("undo", "↶", t.undo, t.undoHint, props.canUndo, props.undo)}
        {tool("redo", "↷", t.redo, t.redoHint, props.canRedo, props.redo)}
        <button
          type="button"
          class="danger"
          data-action="remove"
          disabled={i === 0}
          title={t.removeHint}
          onClick={props.onRemove}
        >
          {t.remove}
        </button>
      </div>
    </div>
  );
}

function ConfirmRemove(props: EditorProps & { removal: Removal; onYes(r: Removal): void; onNo(): void }) {
  const { t, removal } = props;
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), [removal]);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-remove-text"
      data-testid="confirm-remove"
      onKeyDown={(e) => {
        if (e.key === "Escape") props.onNo();
      }}
    >
      <p id="confirm-remove-text">{t.confirmRemove(removal.name, removal.count - 1)}</p>
      <div class="actions">
        <button type="button" ref={cancel} data-testid="confirm-no" onClick={props.onNo}>
          {t.cancel}
        </button>
        <button type="button" class="danger" data-testid="confirm-yes" onClick={() => props.onYes(removal)}>
          {t.removeCount(removal.count)}
        </button>
      </div>
    </div>
  );
}

function NodeDetails(props: EditorProps & { index: number; nameRef: preact.Ref<HTMLInputElement> }) {
  const { t, index: i } = props;
  const { nodes } = props.state.draft;
  const node = nodes[i];
  const patch = patcher(props);
  return (
    <fieldset class="details" data-testid="details">
      <legend>{t.selected}</legend>
      <TextField
        label={t.name}
        value={node.name}
        inputRef={props.nameRef}
        testid="node-name"
        onChange={(v) => patch(i, { name: v }, "name")}
      />
      {hasChildren(nodes, i) ? (
        <SelectField<Op | "">
          label={t.op}
          value={node.op}
          testid="node-op"
          options={[["", t.opNone], ...OP_ORDER.map((o) => [o, t.ops[o]] as [Op, string])]}
          onChange={(v) => patch(i, { op: v })}
        />
      ) : null}
      <div class="row2">
        <ValueInput {...props} k={i} field="target" testid="node-target" label={t.target} />
        <ValueInput {...props} k={i} field="actual" testid="node-actual" label={t.actual} />
      </div>
      <div class="row2">
        <TextField
          label={t.unit}
          value={node.unit}
          list="units"
          testid="node-unit"
          onChange={(v) => patch(i, { unit: v }, "unit")}
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
      <TextField
        label={t.owner}
        value={node.owner}
        testid="node-owner"
        onChange={(v) => patch(i, { owner: v }, "owner")}
      />
      <Checkbox label={t.ksf} checked={node.ksf} testid="node-ksf" onChange={(v) => patch(i, { ksf: v })} />
    </fieldset>
  );
}

/** The checks, one line per problem, or one expandable line per kind when there are many. */
function CheckList(props: EditorProps & { issues: DraftIssue[] }) {
  const { t, lang } = props;
  const { nodes } = props.state.draft;
  const line = (x: DraftIssue, k: number) => {
    const target = x.key ? nodes.findIndex((n) => n.key === x.key) : -1;
    return (
      <li key={`${k}-${x.message}`} class={x.level}>
        {target >= 0 ? (
          <button type="button" class="link" onClick={() => props.select(target)}>
            {x.message}
          </button>
        ) : (
          x.message
        )}
      </li>
    );
  };
  return (
    <ul class="issues" aria-live="polite" data-testid="issues">
      {props.issues.length === 0 ? <li class="ok">{t.noIssues}</li> : null}
      {groupIssues(props.issues, lang).map((g) =>
        g.summary ? (
          <li key={g.kind} class={`${g.level} group`} data-kind={g.kind}>
            <details>
              <summary>{g.summary}</summary>
              <ul class="issues">{g.issues.map(line)}</ul>
            </details>
          </li>
        ) : (
          g.issues.map(line)
        ),
      )}
    </ul>
  );
}
