// The live tree diagram: an indented tree drawn in SVG, one box per KPI,
// filled with its status colour. Names are Preact text nodes inside <text>
// and <title>, so whatever a user typed is shown as characters, never markup.
import type { DraftNode } from "../core/draft";
import { parentIndex } from "../core/draft";
import { formatPercent } from "../core/format";
import type { StatusColors } from "../core/rules";
import type { Status } from "../core/status";

const ROW = 30;
const BOX = 24;
const INDENT = 14;
const WIDTH = 276;

/** Roughly how many characters fit in `px`: CJK glyphs are about twice as wide as Latin ones. */
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

export interface DiagramProps {
  nodes: DraftNode[];
  status: Status[];
  rate: (number | null)[];
  colors: StatusColors;
  selected: number;
  label: string;
  unnamed: string;
  statusLabel: Record<Status, string>;
  onSelect(index: number): void;
}

export function Diagram(props: DiagramProps) {
  const { nodes, status, rate, colors, selected } = props;
  const height = nodes.length * ROW + 4;
  return (
    <svg
      class="diagram"
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={props.label}
      data-testid="diagram"
    >
      {nodes.map((n, i) => {
        const p = parentIndex(nodes, i);
        if (p < 0) return null;
        const px = 4 + nodes[p].depth * INDENT + 6;
        const py = p * ROW + 2 + BOX;
        const y = i * ROW + 2 + BOX / 2;
        const x = 4 + n.depth * INDENT;
        return <path key={`l${n.key}`} d={`M${px} ${py} V${y} H${x}`} class="edge" />;
      })}
      {nodes.map((n, i) => {
        const x = 4 + n.depth * INDENT;
        const y = i * ROW + 2;
        const s = status[i] ?? "noData";
        const r = rate[i];
        const right = r === null || r === undefined ? "" : formatPercent(r);
        const room = WIDTH - x - 12 - (right ? 44 : 0);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the KPI list is the keyboard path
          <g
            key={n.key}
            class={i === selected ? "node selected" : "node"}
            data-status={s}
            onClick={() => props.onSelect(i)}
          >
            <title>{`${n.name || props.unnamed} — ${props.statusLabel[s]}${right ? ` (${right})` : ""}`}</title>
            <rect
              x={x}
              y={y}
              width={WIDTH - x - 4}
              height={BOX}
              rx={4}
              fill={colors[s]}
              class={n.ksf ? "box ksf" : "box"}
            />
            <text x={x + 6} y={y + 16} class={n.depth === 0 ? "label kgi" : "label"}>
              {fitText(n.ksf ? `★ ${n.name || props.unnamed}` : n.name || props.unnamed, room)}
            </text>
            {right ? (
              <text x={WIDTH - 10} y={y + 16} class="rate" text-anchor="end">
                {right}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
