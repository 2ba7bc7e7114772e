// The help dialog's entry: shows the help in the language the server appended after the page (KPI_HELP).
import type { Lang } from "../core/text";
import { HELP_TEXT } from "./help";
import { closeHost } from "./server";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}

function mount(): void {
  const lang: Lang = (window as { KPI_HELP?: unknown }).KPI_HELP === "ja" ? "ja" : "en";
  const t = HELP_TEXT[lang];
  document.documentElement.lang = lang;
  const list = document.createElement("ol");
  list.append(...t.steps.map((step) => element("li", step)));
  const close = element("button", t.close);
  close.type = "button";
  close.addEventListener("click", closeHost);
  const app = document.getElementById("app") as HTMLElement;
  app.setAttribute("data-testid", "help");
  app.append(element("h1", t.title), list, element("p", t.functions), close);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
