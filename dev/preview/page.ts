// The preview page: renders the stand-in's sheet, edits cells, runs menu items,
// shows the sidebar. Talks to dev/preview/server.ts.

// Types only from the stand-in (erased by esbuild); a1.ts is plain functions, safe in the browser.
import type { CellView } from "../standin";
import { cellA1 as a1, columnLetter as letters, rangeA1 } from "../standin/a1";

interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  items?: MenuItem[];
}
interface Selection {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}
interface State {
  sheets: string[];
  active: string;
  /** The active range on the active sheet: set by clicks here and by the add-on (setActiveRange…). */
  selection: Selection & { sheet: string };
  view: { rows: number; columns: number; frozenRows: number; columnWidths: number[]; cells: CellView[][] };
  menus: { caption: string; addon: boolean; items: MenuItem[] }[];
  sidebar: { title: string; version: number } | null;
  dialog: { title: string; version: number; width: number; height: number } | null;
  toast: { id: number; title?: string; message: string; remainingMs: number } | null;
  alerts: { id: number; title?: string; prompt: string }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let state: State | undefined;
let selected: Selection = { row: 1, column: 1, numRows: 1, numColumns: 1 };
/** Clicks not yet known to the server: until then a re-render keeps the selection shown here. */
let pendingSelects = 0;
let shownSidebar = -1;
let shownDialog = -1;
let shownToast = -1;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** One request at a time, in order: a click's selection reaches the server before the menu item that reads it. */
let queue: Promise<unknown> = Promise.resolve();
function request<T>(path: string, body?: unknown): Promise<T> {
  const next = queue.then(async () => {
    const r = await fetch(
      path,
      body === undefined
        ? undefined
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );
    return (await r.json()) as T;
  });
  queue = next.catch(() => undefined);
  return next;
}

const post = <T>(path: string, body: unknown) => request<T>(path, body);

async function refresh(): Promise<void> {
  render(await request<State>("/api/state"));
}

/** A tab click: the sheet becomes active on the server too, with the selection it had. */
async function openSheet(name: string): Promise<void> {
  render(await post<State>("/api/select", { sheet: name }));
}

function status(text: string): void {
  $("status").textContent = text;
}

function editText(cell: CellView): string {
  return cell.formula || cell.display;
}

async function commit(row: number, column: number, input: string): Promise<void> {
  if (!state) return;
  status("計算中…");
  const res = await post<{ ok: boolean; error?: string; state: State }>("/api/cell", {
    sheet: state.active,
    a1: a1(row, column),
    input,
  });
  render(res.state);
  status(res.ok ? "" : `エラー: ${res.error}`);
}

function startEdit(td: HTMLTableCellElement, row: number, column: number, initial?: string): void {
  const cell = state?.view.cells[row - 1]?.[column - 1];
  if (!cell) return;
  const input = document.createElement("input");
  input.value = initial ?? editText(cell);
  td.textContent = "";
  td.appendChild(input);
  input.focus();
  let done = false;
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      done = true;
      void commit(row, column, input.value).then(() => select(Math.min(row + 1, state?.view.rows ?? row), column));
    } else if (e.key === "Escape") {
      done = true;
      render(state!);
    }
  });
  input.addEventListener("blur", () => {
    if (!done) {
      done = true;
      void commit(row, column, input.value);
    }
  });
}

/** Shows a selection: the active cell outlined, the rest of the range tinted. */
function showSelection(sel: Selection): void {
  selected = sel;
  for (const el of document.querySelectorAll("td.sel, td.in")) el.classList.remove("sel", "in");
  for (let r = sel.row; r < sel.row + sel.numRows; r++)
    for (let c = sel.column; c < sel.column + sel.numColumns; c++)
      document.querySelector(`td[data-a1="${a1(r, c)}"]`)?.classList.add("in");
  document.querySelector(`td[data-a1="${a1(sel.row, sel.column)}"]`)?.classList.add("sel");
  $("ref").textContent = rangeA1(sel);
  const cell = state?.view.cells[sel.row - 1]?.[sel.column - 1];
  ($("formula") as HTMLInputElement).value = cell ? editText(cell) : "";
}

/** A person selecting cells: shown at once, then told to the server (the add-on's getActiveRange()). */
function select(row: number, column: number, extend = false): void {
  if (!state) return;
  const anchor = { row: selected.row, column: selected.column };
  const sel = extend
    ? {
        row: Math.min(anchor.row, row),
        column: Math.min(anchor.column, column),
        numRows: Math.abs(anchor.row - row) + 1,
        numColumns: Math.abs(anchor.column - column) + 1,
      }
    : { row, column, numRows: 1, numColumns: 1 };
  showSelection(sel);
  pendingSelects++;
  void post("/api/select", { sheet: state.active, a1: rangeA1(sel) }).finally(() => pendingSelects--);
}

function renderGrid(s: State): void {
  const table = $<HTMLTableElement>("grid");
  const { view } = s;
  const parts: string[] = ['<colgroup><col style="width:40px">'];
  for (let c = 0; c < view.columns; c++) parts.push(`<col style="width:${view.columnWidths[c]}px">`);
  parts.push('</colgroup><thead><tr><th class="row"></th>');
  for (let c = 1; c <= view.columns; c++) parts.push(`<th>${letters(c)}</th>`);
  parts.push("</tr></thead><tbody>");
  table.innerHTML = `${parts.join("")}</tbody>`;
  const tbody = table.tBodies[0];
  view.cells.forEach((line, r) => {
    const tr = tbody.insertRow();
    if (r < view.frozenRows) tr.className = "frozen";
    const th = document.createElement("th");
    th.className = "row";
    th.textContent = String(r + 1);
    tr.appendChild(th);
    line.forEach((cell, c) => {
      const td = tr.insertCell();
      td.dataset.a1 = a1(r + 1, c + 1);
      td.textContent = cell.display;
      td.style.background = cell.background;
      td.style.color = cell.fontColor;
      if (cell.bold) td.style.fontWeight = "bold";
      const numeric = typeof cell.value === "number" && !cell.align;
      if (numeric || cell.align === "right") td.classList.add("num");
      if (cell.align === "center") td.style.textAlign = "center";
      if (cell.error) {
        td.classList.add("err");
        td.title = cell.error;
      } else if (cell.note) td.title = cell.note;
      td.addEventListener("click", (e) => select(r + 1, c + 1, e.shiftKey));
      td.addEventListener("dblclick", () => startEdit(td, r + 1, c + 1));
    });
  });
}

function renderMenus(s: State): void {
  const nav = $("menus");
  nav.textContent = "";
  for (const menu of s.menus) {
    const box = document.createElement("div");
    box.className = "menu";
    const button = document.createElement("button");
    button.textContent = menu.addon ? "拡張機能 ▼" : `${menu.caption} ▼`;
    button.addEventListener("click", (e) => {
      e.stopPropagation();
      box.classList.toggle("open");
    });
    const list = document.createElement("ul");
    const add = (items: MenuItem[], depth: number) => {
      for (const item of items) {
        const li = document.createElement("li");
        if (item.separator) li.className = "sep";
        else if (item.items) {
          li.className = "label";
          li.textContent = item.caption;
          list.appendChild(li);
          add(item.items, depth + 1);
          continue;
        } else {
          li.textContent = item.caption;
          li.style.paddingLeft = `${16 + depth * 12}px`;
          li.dataset.fn = item.functionName;
          li.addEventListener("click", () => {
            box.classList.remove("open");
            void runMenu(item.functionName!);
          });
        }
        list.appendChild(li);
      }
    };
    add(menu.items, 0);
    box.append(button, list);
    nav.appendChild(box);
  }
}

async function runMenu(fn: string): Promise<void> {
  status(`${fn} を実行中…`);
  const res = await post<{ ok: boolean; error?: string; state: State }>("/api/menu", { functionName: fn });
  render(res.state);
  status(res.ok ? "" : `エラー: ${res.error}`);
}

function renderSidebar(s: State): void {
  const aside = $("sidebar");
  if (!s.sidebar) {
    aside.classList.add("hidden");
    return;
  }
  $("sidebar-title").textContent = s.sidebar.title;
  if (s.sidebar.version !== shownSidebar) {
    shownSidebar = s.sidebar.version;
    aside.classList.remove("hidden");
    ($("sidebar-frame") as HTMLIFrameElement).src = `/sidebar?v=${s.sidebar.version}`;
  }
}

/** The add-on's dialog (showModalDialog) over the page, at the size it asked for, until it closes. */
function renderDialog(s: State): void {
  const box = $("dialog");
  if (!s.dialog) {
    box.hidden = true;
    shownDialog = -1;
    return;
  }
  $("dialog-title").textContent = s.dialog.title;
  if (s.dialog.version === shownDialog) return;
  shownDialog = s.dialog.version;
  const frame = $("dialog-frame") as HTMLIFrameElement;
  frame.style.width = `${s.dialog.width}px`;
  frame.style.height = `${s.dialog.height}px`;
  frame.src = `/dialog?v=${s.dialog.version}`;
  box.hidden = false;
}

function closeDialog(): void {
  void post<State>("/api/close-dialog", {}).then(render);
}

function renderTabs(s: State): void {
  const tabs = $("tabs");
  tabs.textContent = "";
  for (const name of s.sheets) {
    const b = document.createElement("button");
    b.textContent = name;
    if (name === s.active) b.className = "active";
    b.addEventListener("click", () => void openSheet(name));
    tabs.appendChild(b);
  }
}

/** One toast at a time, for the time the add-on asked (the server says how long is left). */
function renderToast(s: State): void {
  const box = $("toast");
  if (!s.toast) {
    box.hidden = true;
    return;
  }
  if (s.toast.id === shownToast) return;
  shownToast = s.toast.id;
  box.textContent = "";
  if (s.toast.title) box.appendChild(document.createElement("b")).textContent = s.toast.title;
  box.appendChild(document.createTextNode(s.toast.message));
  box.hidden = false;
  clearTimeout(toastTimer);
  if (s.toast.remainingMs >= 0) toastTimer = setTimeout(() => (box.hidden = true), s.toast.remainingMs);
}

/** Alerts are modal, as in Sheets: the first one waiting, until OK. */
function renderAlert(s: State): void {
  const first = s.alerts[0];
  $("alert").hidden = !first;
  if (!first) return;
  $("alert").dataset.id = String(first.id);
  $("alert-title").textContent = first.title ?? "";
  $("alert-text").textContent = first.prompt;
}

function render(s: State): void {
  state = s;
  renderGrid(s);
  renderMenus(s);
  renderTabs(s);
  renderSidebar(s);
  renderDialog(s);
  renderToast(s);
  renderAlert(s);
  showSelection(pendingSelects ? selected : s.selection);
  document.body.dataset.ready = "1";
}

$("formula").addEventListener("keydown", (e) => {
  if (e.key === "Enter") void commit(selected.row, selected.column, ($("formula") as HTMLInputElement).value);
});
$("alert-ok").addEventListener("click", () => {
  void post<State>("/api/dismiss", { id: Number($("alert").dataset.id) }).then(render);
});
$("sidebar-close").addEventListener("click", () => $("sidebar").classList.add("hidden"));
// The sidebar's server call rebuilt the menu or opened another sidebar (a new language): show them.
window.addEventListener("message", (e) => {
  if ((e.data as { kpiTreePreview?: string } | null)?.kpiTreePreview === "refresh") void refresh();
});
document.addEventListener("click", () => {
  for (const m of document.querySelectorAll(".menu.open")) m.classList.remove("open");
});
document.addEventListener("keydown", (e) => {
  if (!state || document.activeElement !== document.body) return;
  const { row, column } = selected;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  if (moves[e.key]) {
    e.preventDefault();
    select(
      Math.max(1, Math.min(state.view.rows, row + moves[e.key][0])),
      Math.max(1, Math.min(state.view.columns, column + moves[e.key][1])),
    );
  } else if (e.key === "Enter" || e.key === "F2") {
    const td = document.querySelector<HTMLTableCellElement>(`td[data-a1="${a1(row, column)}"]`);
    if (td) startEdit(td, row, column);
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
    const td = document.querySelector<HTMLTableCellElement>(`td[data-a1="${a1(row, column)}"]`);
    if (td) {
      e.preventDefault();
      startEdit(td, row, column, e.key);
    }
  }
});
// The sidebar's google.script.run calls change the sheet: re-render after each.
window.addEventListener("message", (e) => {
  const data = e.data as { type?: string };
  if (data?.type === "kpi-preview-refresh") void refresh();
  if (data?.type !== "kpi-preview-close") return;
  if (e.source === ($("dialog-frame") as HTMLIFrameElement).contentWindow) closeDialog();
  else $("sidebar").classList.add("hidden");
});
$("dialog-close").addEventListener("click", closeDialog);

void refresh();
