// The sidebar shell: tabs (new tree, current table, settings), the busy
// indicator and the error banner every server failure ends up in.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { DEFAULT_SETTINGS, langOfLocale, type Settings } from "../core/settings";
import type { Lang } from "../core/text";
import type { View } from "../shared/api";
import type { Shared } from "./context";
import { TEXT, type UiText } from "./i18n";
import { SettingsPanel } from "./SettingsPanel";
import { errorMessage, server } from "./server";
import { TablePanel } from "./TablePanel";
import { Wizard } from "./Wizard";

type Tab = "wizard" | "table" | "settings";

function browserLang(): Lang {
  return langOfLocale(navigator.language);
}

/** `saved`: the sidebar was reopened by saving settings (a new language), with this many colour rules refreshed. */
export function App({ initialView, saved = null }: { initialView: View; saved?: number | null }) {
  const [tab, showTab] = useState<Tab>(initialView === "home" ? "wizard" : initialView);
  // "Saved" is said once, on the settings the sidebar reopened on.
  const [savedNotice, setSavedNotice] = useState(saved);
  const setTab = (next: Tab) => {
    showTab(next);
    setSavedNotice(null);
  };
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [lang, setLang] = useState<Lang>(browserLang());
  const [ready, setReady] = useState(false);
  const { busy, error, setError, run } = useRunner();
  const t = TEXT[lang];

  useEffect(() => {
    run(TEXT[lang].loading, () => server.getSidebarState()).then((state) => {
      if (state) {
        setSettings(state.settings);
        setLang(state.lang);
      }
      setReady(true);
    });
  }, []);

  const shared: Shared = { t, lang, settings, busy, run };
  return (
    <div class="app" lang={lang}>
      <Tabs t={t} tab={tab} setTab={setTab} />
      <div class="progress" role="status" aria-live="polite">
        {busy ? (
          <>
            <div class="bar" aria-hidden="true" />
            <span class="busy-text">{busy}</span>
          </>
        ) : null}
      </div>
      {error ? <ErrorBanner t={t} error={error} onDismiss={() => setError(null)} /> : null}
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="panel">
        {!ready ? <p class="hint">{t.loading}</p> : null}
        {ready && tab === "wizard" ? <Wizard {...shared} /> : null}
        {ready && tab === "table" ? <TablePanel {...shared} auto={initialView === "table"} /> : null}
        {ready && tab === "settings" ? (
          <SettingsPanel
            {...shared}
            saved={savedNotice}
            onSaved={(s, l) => {
              setSettings(s);
              setLang(l);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

/** The busy label and the error of the panels' work, and `run`, which sets both around one piece of work. */
function useRunner() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}

/** The tab list; the left and right arrow keys move between tabs. */
function Tabs(props: { t: UiText; tab: Tab; setTab(tab: Tab): void }) {
  const { t, tab, setTab } = props;
  const tabs: [Tab, string][] = [
    ["wizard", t.tabWizard],
    ["table", t.tabTable],
    ["settings", t.tabSettings],
  ];
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const k = tabs.findIndex(([id]) => id === tab);
    const next = tabs[(k + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length][0];
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t.appTitle} onKeyDown={onTabKey}>
      {tabs.map(([id, label]) => (
        <button
          type="button"
          role="tab"
          id={`tab-${id}`}
          key={id}
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          class={tab === id ? "tab active" : "tab"}
          onClick={() => setTab(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** Where every failure ends up; it takes the focus when it appears, and Escape or the button dismisses it. */
function ErrorBanner(props: { t: UiText; error: string; onDismiss(): void }) {
  const { t, error, onDismiss } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  return (
    <div
      class="error"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="error"
      onKeyDown={(e) => {
        if (e.key === "Escape") onDismiss();
      }}
    >
      <strong>{t.errorTitle}: </strong>
      <span class="error-message">{error}</span>
      <button type="button" class="link" onClick={onDismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}
