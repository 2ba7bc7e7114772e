// The sidebar's entry: mounts the app once the page (and the view the menu
// item appended after it) has loaded.
import { h, render } from "preact";
import type { View } from "../shared/api";
import { App } from "./App";

function mount(): void {
  const boot = window as { KPI_TREE_VIEW?: View; KPI_TREE_SAVED?: number | null };
  const saved = typeof boot.KPI_TREE_SAVED === "number" ? boot.KPI_TREE_SAVED : null;
  render(h(App, { initialView: boot.KPI_TREE_VIEW ?? "home", saved }), document.getElementById("app") as HTMLElement);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
