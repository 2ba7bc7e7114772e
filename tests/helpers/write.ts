// writeTree as the wizard calls it: the sidebar lays the draft out (sheetPlan, in the sidebar's language and
// thresholds, from getSidebarState) and the server writes that plan.
import type { Standin } from "../../dev/standin/index";
import { sheetPlan } from "../../src/core/sheetPlan";
import type { SidebarState } from "../../src/shared/api";

export function writeTree(s: Standin, draft: unknown, layout?: unknown, options?: unknown): unknown {
  const state = s.run("getSidebarState") as SidebarState;
  return s.run("writeTree", sheetPlan(draft, layout, options, state.lang, state.settings.thresholds));
}
