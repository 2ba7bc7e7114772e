// The wizard's live diagram: the dialog's renderer at small size (names,
// actual / target and the operators), coloured by status as you type.
// Clicking a box selects that KPI in the list below.
import { useMemo } from "preact/hooks";
import type { DraftNode, Evaluation } from "../core/draft";
import type { StatusColors } from "../core/rules";
import type { Lang } from "../core/text";
import { draftDiagram } from "./diagramData";
import { type DiagramWords, SMALL, TreeDiagram } from "./TreeDiagram";
import { layoutTree } from "./treeLayout";

export { fitText } from "./TreeDiagram";

export interface DiagramProps {
  nodes: DraftNode[];
  evaluation: Evaluation;
  colors: StatusColors;
  lang: Lang;
  selected: number;
  label: string;
  words: DiagramWords;
  onSelect(index: number): void;
}

const NONE: ReadonlySet<number> = new Set();

export function Diagram(props: DiagramProps) {
  const nodes = useMemo(() => draftDiagram(props.nodes, props.evaluation), [props.nodes, props.evaluation]);
  const layout = useMemo(
    () =>
      layoutTree(nodes, { orientation: "lr", box: SMALL.box, gap: SMALL.gap, margin: SMALL.margin, collapsed: NONE }),
    [nodes],
  );
  return (
    <div class="diagram-scroll">
      <TreeDiagram
        nodes={nodes}
        layout={layout}
        size={SMALL}
        colors={props.colors}
        lang={props.lang}
        words={props.words}
        label={props.label}
        selected={props.selected}
        onSelect={props.onSelect}
      />
    </div>
  );
}
