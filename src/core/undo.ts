/*
 * Undo and redo for an editor's state (the wizard's draft and its selection):
 * a pure value holding what came before, what is shown now and what an undo
 * took back. Keystrokes in one field merge into one step (same `key`), so
 * undo takes back a whole word, not a letter.
 */

export interface History<T> {
  /** Oldest first; the last item is what one undo brings back. */
  past: readonly T[];
  present: T;
  /** What undo took back, most recent first: what redo brings back. */
  future: readonly T[];
  /** The key of the last recorded edit, so the next edit with the same key merges into it. */
  lastKey: string | null;
}

/** How many steps undo keeps. */
export const UNDO_LIMIT = 100;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

/**
 * Records an edit. With a `key` equal to the previous edit's (typing in the
 * same field of the same KPI), the edit replaces the present instead of adding
 * a step. Any edit clears what redo could bring back.
 */
export function record<T>(h: History<T>, next: T, key: string | null = null, limit = UNDO_LIMIT): History<T> {
  if (next === h.present) return h;
  if (key !== null && key === h.lastKey && h.future.length === 0) return { ...h, present: next };
  const past = [...h.past, h.present];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: next,
    future: [],
    lastKey: key,
  };
}

/** Replaces the present without making an undo step (moving the selection, say). */
export function replacePresent<T>(h: History<T>, present: T): History<T> {
  return { ...h, present, lastKey: null };
}

export function canUndo(h: History<unknown>): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History<unknown>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  if (!canUndo(h)) return h;
  return {
    past: h.past.slice(0, -1),
    present: h.past[h.past.length - 1],
    future: [h.present, ...h.future],
    lastKey: null,
  };
}

export function redo<T>(h: History<T>): History<T> {
  if (!canRedo(h)) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), lastKey: null };
}
