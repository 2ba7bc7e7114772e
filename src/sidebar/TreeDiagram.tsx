// The one renderer of a KPI tree diagram, at two sizes: the dialog's large
// boxes (name, actual / target in the KPI's unit, achievement rate and bar,
// required value on request, owner on hover) and the sidebar's small ones
// (name, actual / target). Each operator sits where its branches meet. The
// geometry comes from treeLayout.ts; names are Preact text nodes inside
// <text> and <title>, so whatever a user typed is shown as characters.
import type { ComponentChildren, Ref } from "preact";
import { formatPercent, formatValue } from "../core/format";
import { OP_WORD } from "../core/operators";
import type { StatusColors } from "../core/rules";
import type { Status } from "../core/status";
import type { Lang } from "../core/text";
import type { DiagramNode } from "../shared/api";
import type { UiText } from "./i18n";
import type { LaidBox, LayoutOptions, TreeLayout } from "./treeLayout";

/**
 * The one place the diagram turns a number into text, by the add-on's one
 * rule for a unit and a language (core/format.ts): actual and target as
 * values, the required value as a requirement (counts and yen rounded the
 * way the KPI must reach them: up, or down for lower-is-better ones).
 */
export function showValue(n: DiagramNode, field: "actual" | "target" | "required", lang: Lang): string {
  if (field !== "required") return formatValue(n[field], n.unit, lang);
  return formatValue(n.required, n.unit, lang, { purpose: "requirement", direction: n.direction });
}

/** Roughly how many characters fit in `px` at 11 px: CJK glyphs are about twice as wide as Latin ones. */
export function fitText(text: string, px: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    const w = /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6.2;
    if (width + w > px) return `${out}…`;
    width += w;
    out += ch;
  }
  return out;
}

export interface DiagramSize {
  kind: "large" | "small";
  box: LayoutOptions["box"];
  gap: LayoutOptions["gap"];
  margin: number;
  /** Font size of the name; fitText assumes 11 px. */
  font: number;
}

export const LARGE: DiagramSize = {
  kind: "large",
  box: { width: 212, height: 78 },
  gap: { sibling: 16, level: 48 },
  margin: 16,
  font: 13,
};
/** With the required value, a large box has one more line. */
export const LARGE_REQUIRED: DiagramSize = { ...LARGE, box: { width: 212, height: 96 } };
export const SMALL: DiagramSize = {
  kind: "small",
  box: { width: 124, height: 36 },
  gap: { sibling: 8, level: 28 },
  margin: 4,
  font: 11,
};

export interface DiagramWords {
  unnamed: string;
  status: Record<Status, string>;
  required: string;
  owner: string;
  fold: string;
  unfold: (hidden: number) => string;
}

/** The diagram's words from the sidebar's catalogue. */
export function diagramWords(t: UiText): DiagramWords {
  return { ...t.diagramWords, unnamed: t.unnamed, status: t.status };
}

/** The styles travel inside the SVG, so an exported file looks like the dialog. */
export const DIAGRAM_CSS = `
.kt-diagram text{font-family:"Noto Sans JP","Hiragino Sans","Hiragino Kaku Gothic ProN",Meiryo,system-ui,sans-serif;fill:#202124;font-size:11px}
.kt-diagram .edge{fill:none;stroke:#9aa0a6;stroke-width:1.2}
.kt-diagram .box{stroke:#80868b;stroke-width:1}
.kt-diagram .ksf .box{stroke:#1a73e8;stroke-width:2.5}
.kt-diagram .selected .box{stroke:#202124;stroke-width:2.5}
.kt-diagram .name{font-weight:700}
.kt-diagram .figures{fill:#3c4043}
.kt-diagram .track{fill:#ffffff;fill-opacity:.75}
.kt-diagram .fill{fill:#3c4043}
.kt-diagram .op circle{fill:#ffffff;stroke:#5f6368;stroke-width:1.2}
.kt-diagram .op text{font-weight:700;text-anchor:middle;dominant-baseline:central}
.kt-diagram .node,.kt-diagram .toggle{cursor:pointer}
.kt-diagram .toggle circle{fill:#ffffff;stroke:#5f6368}
.kt-diagram .toggle text{text-anchor:middle;dominant-baseline:central;font-size:10px}
`;

export interface TreeDiagramProps {
  nodes: DiagramNode[];
  layout: TreeLayout;
  size: DiagramSize;
  colors: StatusColors;
  lang: Lang;
  words: DiagramWords;
  label: string;
  showRequired?: boolean;
  selected?: number;
  onSelect?(index: number): void;
  onToggle?(index: number): void;
  /** Zoom and pan of the dialog; the sidebar draws at natural size. */
  transform?: string;
  /** Size of the SVG element; defaults to the drawing's. */
  frame?: { width: number | string; height: number | string };
  svgRef?: Ref<SVGSVGElement>;
}

export function TreeDiagram(props: TreeDiagramProps) {
  const { layout, size } = props;
  const frame = props.frame ?? { width: layout.width, height: layout.height };
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class={`kt-diagram ${size.kind}`}
      width={frame.width}
      height={frame.height}
      viewBox={props.frame ? undefined : `0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={props.label}
      data-testid="diagram"
      ref={props.svgRef}
    >
      <style>{DIAGRAM_CSS}</style>
      <g class="content" transform={props.transform}>
        {layout.edges.map((e) => (
          <path key={`e${e.child}`} class="edge" d={e.d} data-parent={e.parent} data-child={e.child} />
        ))}
        {layout.boxes.map((b) => (
          <Box key={b.index} {...props} laid={b} />
        ))}
        {layout.ops.map((o) =>
          o.op === "none" ? null : (
            <g key={`o${o.parent}`} class="op" data-parent={o.parent} data-op={o.op ?? ""}>
              <circle cx={o.x} cy={o.y} r={size.kind === "large" ? 12 : 8} />
              <text x={o.x} y={o.y} font-size={size.kind === "large" ? 12 : 10}>
                {o.op ? OP_WORD[props.lang][o.op] : "?"}
              </text>
            </g>
          ),
        )}
      </g>
    </svg>
  );
}

function hoverText(props: TreeDiagramProps, n: DiagramNode): string {
  const { words } = props;
  const rate = n.rate === null ? "" : ` (${formatPercent(n.rate)})`;
  const owner = n.owner ? `\n${words.owner}: ${n.owner}` : "";
  return `${n.name || words.unnamed} — ${words.status[n.status]}${rate}${owner}`;
}

function Box(props: TreeDiagramProps & { laid: LaidBox }) {
  const { laid: b, size, nodes, lang } = props;
  const n = nodes[b.index];
  const { width: w, height: h } = size.box;
  const name = `${n.ksf ? "★ " : ""}${n.name || props.words.unnamed}`;
  const figures = `${showValue(n, "actual", lang)} / ${showValue(n, "target", lang)}`;
  const room = (w - 14) * (11 / size.font);
  const classes = ["node", n.ksf ? "ksf" : "", props.selected === b.index ? "selected" : ""].filter(Boolean);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the KPI list is the keyboard path
    <g
      class={classes.join(" ")}
      data-index={b.index}
      data-status={n.status}
      onClick={props.onSelect ? () => props.onSelect?.(b.index) : undefined}
    >
      <title>{hoverText(props, n)}</title>
      <rect
        class="box"
        x={b.x}
        y={b.y}
        width={w}
        height={h}
        rx={size.kind === "large" ? 8 : 5}
        fill={props.colors[n.status]}
      />
      <text class="name" x={b.x + 7} y={b.y + (size.kind === "large" ? 20 : 14)} font-size={size.font}>
        {fitText(name, room)}
      </text>
      <text
        class="figures"
        x={b.x + 7}
        y={b.y + (size.kind === "large" ? 40 : 29)}
        font-size={size.kind === "large" ? 12 : 10}
      >
        {fitText(figures, size.kind === "large" ? (w - 14) * (11 / 12) : (w - 14) * 1.1)}
      </text>
      {size.kind === "large" ? <Rate {...props} laid={b} /> : null}
      {props.onToggle && b.children > 0 ? <Toggle {...props} laid={b} /> : null}
    </g>
  );
}

/** Achievement rate as text and a bar (full at 100%), and the required value when asked for. */
function Rate(props: TreeDiagramProps & { laid: LaidBox }) {
  const { laid: b, size, nodes, lang } = props;
  const n = nodes[b.index];
  const w = size.box.width;
  const bar = w - 70;
  const filled = n.rate === null ? 0 : Math.max(0, Math.min(1, n.rate)) * bar;
  const lines: ComponentChildren[] = [
    <rect key="t" class="track" x={b.x + 7} y={b.y + 52} width={bar} height={8} rx={4} />,
    <rect key="f" class="fill" x={b.x + 7} y={b.y + 52} width={filled} height={8} rx={4} data-rate={n.rate ?? ""} />,
    <text key="r" class="rate" x={b.x + w - 8} y={b.y + 60} text-anchor="end" font-size={12}>
      {n.rate === null ? "–" : formatPercent(n.rate)}
    </text>,
  ];
  if (props.showRequired)
    lines.push(
      <text key="q" class="required" x={b.x + 7} y={b.y + 84} font-size={11}>
        {fitText(`${props.words.required}: ${showValue(n, "required", lang)}`, w - 14)}
      </text>,
    );
  return <>{lines}</>;
}

/** The fold / unfold handle on a parent's outer edge, with the number of KPIs folded away. */
function Toggle(props: TreeDiagramProps & { laid: LaidBox }) {
  const { laid: b, size } = props;
  const lr = props.layout.orientation === "lr";
  const cx = lr ? b.x + size.box.width : b.x + size.box.width / 2;
  const cy = lr ? b.y + size.box.height / 2 : b.y + size.box.height;
  const label = b.collapsed ? props.words.unfold(b.hidden) : props.words.fold;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the dialog's toolbar folds and unfolds everything from the keyboard
    <g
      class="toggle"
      data-index={b.index}
      data-collapsed={b.collapsed ? "true" : "false"}
      onClick={(e) => {
        e.stopPropagation();
        props.onToggle?.(b.index);
      }}
      aria-label={label}
    >
      <circle cx={cx} cy={cy} r={8} />
      <text x={cx} y={cy}>
        {b.collapsed ? "+" : "−"}
      </text>
      {b.collapsed ? (
        <text x={lr ? cx + 18 : cx} y={lr ? cy : cy + 16} font-size={10}>
          {`+${b.hidden}`}
        </text>
      ) : null}
    </g>
  );
}
