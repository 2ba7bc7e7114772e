// The diagram dialog's entry: mounts once the page (and the source the server appended after it) has loaded.
import { h, render } from "preact";
import { DiagramApp, type DiagramBoot } from "./DiagramApp";

function mount(): void {
  const boot = (window as { KPI_DIAG?: DiagramBoot }).KPI_DIAG ?? {};
  render(h(DiagramApp, { boot }), document.getElementById("app") as HTMLElement);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
