// Zoom (wheel, buttons) and pan (drag) of the diagram dialog, and "fit to window".
import type { RefObject } from "preact";
import { useCallback, useRef } from "preact/hooks";

export interface View {
  k: number;
  x: number;
  y: number;
}

const MIN = 0.05;

const transformOf = (v: View) => `translate(${v.x} ${v.y}) scale(${v.k})`;
const MAX = 4;

/** The view that shows a width × height drawing whole and centred in the viewport, never above 1.25×. */
export function fitView(viewport: { width: number; height: number }, width: number, height: number): View {
  const k = Math.max(MIN, Math.min(1.25, viewport.width / Math.max(1, width), viewport.height / Math.max(1, height)));
  return { k, x: (viewport.width - width * k) / 2, y: (viewport.height - height * k) / 2 };
}

/** `view` zoomed by `factor` around the point (px, py) of the viewport, which stays put. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const k = Math.max(MIN, Math.min(MAX, view.k * factor));
  const f = k / view.k;
  return { k, x: px - (px - view.x) * f, y: py - (py - view.y) * f };
}

/**
 * The view lives in a ref and goes straight to the drawing's <g class="content">
 * transform: zooming and panning never re-render the boxes, so 300 KPIs stay smooth.
 */
export function useZoom(viewport: RefObject<HTMLElement | null>) {
  const current = useRef<View>({ k: 1, x: 0, y: 0 });
  const setView = useCallback((next: View | ((v: View) => View)) => {
    current.current = typeof next === "function" ? next(current.current) : next;
    viewport.current?.querySelector("g.content")?.setAttribute("transform", transformOf(current.current));
  }, []);
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  const size = () => {
    const el = viewport.current;
    return { width: el?.clientWidth ?? 800, height: el?.clientHeight ?? 600 };
  };
  const fit = useCallback((width: number, height: number) => setView(fitView(size(), width, height)), []);
  const zoomBy = (factor: number) => {
    const { width, height } = size();
    setView((v) => zoomAt(v, factor, width / 2, height / 2));
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const factor = Math.exp(-e.deltaY * 0.0015);
    setView((v) => zoomAt(v, factor, e.clientX - box.left, e.clientY - box.top));
  };
  const onPointerDown = (e: PointerEvent) => {
    // Boxes and fold handles take their own clicks; the background pans.
    if ((e.target as Element).closest?.(".node, .toggle")) return;
    drag.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const [dx, dy] = [e.clientX - d.x, e.clientY - d.y];
    drag.current = { ...d, x: e.clientX, y: e.clientY };
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  return {
    view: current,
    transform: transformOf(current.current),
    fit,
    zoomBy,
    handlers: { onWheel, onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
