// The tree diagram dialog: the table the user is on (or the one the sidebar
// read, or the wizard's draft) drawn large, left to right or top down, with
// folding, zoom and pan, required values on request, and the exports.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { type Draft, evaluateDraft } from "../core/draft";
import { a1 } from "../core/rules";
import { DEFAULT_SETTINGS, langOfLocale, type Settings } from "../core/settings";
import type { Lang } from "../core/text";
import type { Tree } from "../core/tree";
import type { DiagramNode, DiagramTable } from "../shared/api";
import { draftDiagram, readDiagramTree, tableDiagram } from "./diagramData";
import { base64, copyPng, download, fittingScale, pngBlob, SHEET_IMAGE_AREA, svgText } from "./diagramExport";
import { TEXT, type UiText } from "./i18n";
import { closeHost, errorMessage, server } from "./server";
import { diagramWords, LARGE, LARGE_REQUIRED, TreeDiagram } from "./TreeDiagram";
import { initialCollapsed, layoutTree, type Orientation, type TreeLayout, visibleCount } from "./treeLayout";
import { useZoom } from "./useZoom";

/** What the server appended to the page: a table (sheet and range), the wizard's draft, or nothing (the selection). */
export interface DiagramBoot {
  sheetName?: string;
  table?: string;
  /** The function columns beside that table (L1:O12), if any. */
  functions?: string | null;
  draft?: Draft;
}

/** Above this many KPIs the dialog opens with the branches below level 3 folded. */
export const OPEN_ALL_UP_TO = 300;

/** The table a diagram is of: "insert into the sheet" needs it. */
interface TableRef {
  sheetName: string;
  table: string;
  /** Where the picture goes: two columns right of the table's (or its function columns') last. */
  anchor: string;
  row: number;
  column: number;
}

interface Loaded {
  nodes: DiagramNode[];
  table: TableRef | null;
  tree: Tree | null;
  /** The period shown (an index of tree.periods), null for the table's Target and Actual columns. */
  period: number | null;
}

/** The first column after an A1 range ("L1:O12" → 16), and its first row. */
function after(range: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+))?/i.exec(range) ?? ["", "A", "1"];
  const letters = (m[3] ?? m[1]).toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column: column + 1 };
}

/**
 * The table the sidebar read, else the one at the selection (read as Check tree reads it), with its cells
 * when that read brought them.
 */
async function tableOf(boot: DiagramBoot): Promise<TableRef & { cells?: DiagramTable }> {
  const report = boot.sheetName && boot.table ? null : await server.detectTable();
  const { sheetName, table } = report ?? (boot as Required<Pick<DiagramBoot, "sheetName" | "table">>);
  const functions = report ? report.functions : (boot.functions ?? null);
  const { row } = after(table);
  // One empty column between the table (with its function columns) and the picture.
  const column = after(functions ?? table).column + 1;
  return { sheetName, table, anchor: a1(row, column), row, column, cells: report?.cells };
}

async function load(boot: DiagramBoot, lang: Lang, settings: Settings): Promise<Loaded> {
  if (boot.draft) {
    const e = evaluateDraft(boot.draft, lang, settings.thresholds);
    return { nodes: draftDiagram(boot.draft.nodes, e), table: null, tree: null, period: null };
  }
  const { cells, ...table } = await tableOf(boot);
  const tree = readDiagramTree(cells ?? ((await server.diagram(table.sheetName, table.table)) as DiagramTable), lang);
  return { nodes: tableDiagram(tree, settings.thresholds), table, tree, period: null };
}

export function DiagramApp({ boot }: { boot: DiagramBoot }) {
  const [lang, setLang] = useState<Lang>(langOfLocale(navigator.language));
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = TEXT[lang];
  useEffect(() => {
    (async () => {
      const state = await server.getSidebarState();
      setSettings(state.settings);
      setLang(state.lang);
      setLoaded(await load(boot, state.lang, state.settings));
    })().catch((e) => setError(errorMessage(e)));
  }, []);
  return (
    <div class="dialog" lang={lang}>
      {error ? (
        <p class="error" role="alert" data-testid="error">
          {error}
        </p>
      ) : null}
      {!loaded && !error ? <p class="hint">{t.loading}</p> : null}
      {loaded ? (
        <DiagramView t={t} lang={lang} settings={settings} loaded={loaded} setLoaded={setLoaded} draft={!!boot.draft} />
      ) : null}
    </div>
  );
}

interface ViewProps {
  t: UiText;
  lang: Lang;
  settings: Settings;
  loaded: Loaded;
  setLoaded(loaded: Loaded): void;
  draft: boolean;
}

function DiagramView(props: ViewProps) {
  const { t, loaded } = props;
  const { nodes } = loaded;
  const [orientation, setOrientation] = useState<Orientation>("lr");
  const [showRequired, setShowRequired] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => initialCollapsed(nodes, OPEN_ALL_UP_TO));
  const [message, setMessage] = useState<string | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const zoom = useZoom(viewport);
  const size = showRequired ? LARGE_REQUIRED : LARGE;
  const started = useRef(0);
  const layout = useMemo(() => {
    started.current = performance.now();
    return layoutTree(nodes, { orientation, box: size.box, gap: size.gap, margin: size.margin, collapsed });
  }, [nodes, orientation, size, collapsed]);
  // How long the layout and the drawing of the boxes took (the browser test reads it).
  useLayoutEffect(() => {
    viewport.current?.setAttribute("data-render-ms", (performance.now() - started.current).toFixed(1));
  }, [layout]);
  useLayoutEffect(() => zoom.fit(layout.width, layout.height), [orientation, size]);
  useLayoutEffect(() => zoom.fit(layout.width, layout.height), []);
  const toggle = (i: number) => {
    const next = new Set(collapsed);
    if (!next.delete(i)) next.add(i);
    setCollapsed(next);
  };
  const shown = visibleCount(nodes, collapsed);
  return (
    <>
      <Toolbar
        {...props}
        layout={layout}
        svg={svg}
        orientation={orientation}
        setOrientation={setOrientation}
        showRequired={showRequired}
        setShowRequired={setShowRequired}
        setCollapsed={setCollapsed}
        zoom={zoom}
        say={setMessage}
      />
      <p class="status" role="status" data-testid="message">
        {message ?? (props.draft ? `${t.dgDraft} · ` : "") + t.dgShown(shown, nodes.length)}
      </p>
      <div class="viewport" ref={viewport} data-testid="viewport" {...zoom.handlers}>
        <TreeDiagram
          nodes={nodes}
          layout={layout}
          size={size}
          colors={props.settings.colors}
          lang={props.lang}
          words={diagramWords(t)}
          label={t.diagramLabel(nodes.length)}
          showRequired={showRequired}
          onToggle={toggle}
          transform={zoom.transform}
          frame={{ width: "100%", height: "100%" }}
          svgRef={svg}
        />
      </div>
    </>
  );
}

interface ToolbarProps extends ViewProps {
  layout: TreeLayout;
  svg: { current: SVGSVGElement | null };
  orientation: Orientation;
  setOrientation(o: Orientation): void;
  showRequired: boolean;
  setShowRequired(v: boolean): void;
  setCollapsed(c: ReadonlySet<number>): void;
  zoom: ReturnType<typeof useZoom>;
  say(message: string | null): void;
}

function Toolbar(p: ToolbarProps) {
  const { t, layout, zoom } = p;
  const exports = useExports(p);
  const button = (id: string, label: string, onClick: () => void, disabled = false) => (
    <button type="button" data-testid={id} onClick={onClick} disabled={disabled}>
      {label}
    </button>
  );
  return (
    <div class="toolbar" role="toolbar" aria-label={t.dgTitle}>
      <select
        data-testid="orientation"
        value={p.orientation}
        onChange={(e) => p.setOrientation((e.currentTarget as HTMLSelectElement).value as Orientation)}
      >
        <option value="lr">{t.dgLeftRight}</option>
        <option value="tb">{t.dgTopDown}</option>
      </select>
      <PeriodPicker {...p} />
      <label>
        <input
          type="checkbox"
          data-testid="required"
          checked={p.showRequired}
          onChange={(e) => p.setShowRequired((e.currentTarget as HTMLInputElement).checked)}
        />
        {t.dgRequired}
      </label>
      {button("expand", t.dgExpand, () => p.setCollapsed(new Set()))}
      {button("collapse", t.dgCollapse, () => p.setCollapsed(initialCollapsed(p.loaded.nodes, 0)))}
      {button("zoom-out", "−", () => zoom.zoomBy(1 / 1.25))}
      {button("zoom-in", "+", () => zoom.zoomBy(1.25))}
      {button("fit", t.dgFit, () => zoom.fit(layout.width, layout.height))}
      <span class="spacer" />
      {button("svg", t.dgSvg, exports.svg)}
      {button("png", t.dgPng, exports.png)}
      {button("copy", t.dgCopy, exports.copy)}
      {p.loaded.table ? button("insert", t.dgInsert, exports.insert, exports.busy) : null}
      {button("close", t.dgClose, closeHost)}
    </div>
  );
}

/** Save as SVG / PNG (2×), copy, and insert into the sheet (a PNG small enough for Sheets). */
function useExports(p: ToolbarProps) {
  const { t, layout } = p;
  const [busy, setBusy] = useState(false);
  const svg = () => svgText(p.svg.current as SVGSVGElement, layout.width, layout.height);
  const png = (scale: number) => pngBlob(svg(), layout.width, layout.height, scale);
  const guard = (work: () => Promise<string>) => async () => {
    setBusy(true);
    try {
      p.say(await work());
    } catch (e) {
      p.say(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    svg: guard(async () => {
      download(new Blob([svg()], { type: "image/svg+xml" }), "kpi-tree.svg");
      return t.dgSaved("kpi-tree.svg");
    }),
    png: guard(async () => {
      download(await png(fittingScale(layout.width, layout.height, 2)), "kpi-tree.png");
      return t.dgSaved("kpi-tree.png");
    }),
    copy: guard(async () => ((await copyPng(await png(1))) ? t.dgCopied : t.dgNoClipboard)),
    insert: guard(async () => {
      const table = p.loaded.table;
      if (!table) return "";
      const scale = fittingScale(layout.width, layout.height, 2, SHEET_IMAGE_AREA);
      const data = await base64(await png(scale));
      const replaced = await server.diagram(table.sheetName, table.table, data, table.row, table.column);
      return t.dgInserted(table.anchor, replaced as number);
    }),
  };
}

/** The table's periods (once it has period columns): the diagram of one period, or of the Target and Actual columns. */
function PeriodPicker(p: ViewProps) {
  const { tree, period } = p.loaded;
  if (!tree?.periods?.length) return null;
  const pick = (value: string) => {
    const next = value === "" ? null : Number(value);
    p.setLoaded({ ...p.loaded, period: next, nodes: tableDiagram(tree, p.settings.thresholds, next) });
  };
  return (
    <select
      data-testid="period"
      aria-label={p.t.dgPeriod}
      value={period === null ? "" : String(period)}
      onChange={(e) => pick((e.currentTarget as HTMLSelectElement).value)}
    >
      <option value="">{p.t.dgColumns}</option>
      {tree.periods.map((x, k) => (
        <option key={x.key} value={String(k)}>
          {x.label}
        </option>
      ))}
    </select>
  );
}
