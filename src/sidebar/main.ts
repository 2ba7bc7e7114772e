// The sidebar's entry: mounts the app once the page (and the view the menu
// item appended after it) has loaded.
import { h, render } from "preact";
import type { View } from "../shared/api";
import { App } from "./App";

function mount(): void {
  const view = (window as { KPI_TREE_VIEW?: View }).KPI_TREE_VIEW ?? "home";
  render(h(App, { initialView: view }), document.getElementById("app") as HTMLElement);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
