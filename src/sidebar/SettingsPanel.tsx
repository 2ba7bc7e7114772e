// Settings: language, OKR mode, thresholds and status colours, stored in the
// document's properties; saving re-colours the trees already coloured.
import { useState } from "preact/hooks";
import { STATUSES } from "../core/rules";
import { type LanguageSetting, modeThresholds, type Settings } from "../core/settings";
import type { Lang } from "../core/text";
import type { Shared } from "./context";
import { Checkbox, SelectField, useId } from "./fields";
import { server } from "./server";

function Percent(props: { label: string; value: number; testid: string; onChange(v: number): void }) {
  const id = useId("pct");
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={1000}
        step={1}
        value={Number((props.value * 100).toFixed(4))}
        data-testid={props.testid}
        onInput={(e) => {
          const v = Number((e.target as HTMLInputElement).value);
          if (Number.isFinite(v)) props.onChange(v / 100);
        }}
      />
    </div>
  );
}

function Colour(props: { label: string; value: string; testid: string; onChange(v: string): void }) {
  const id = useId("col");
  return (
    <div class="field colour">
      <input
        id={id}
        type="color"
        value={props.value}
        data-testid={props.testid}
        onInput={(e) => props.onChange((e.target as HTMLInputElement).value)}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}

export function SettingsPanel(props: Shared & { saved?: number | null; onSaved(s: Settings, lang: Lang): void }) {
  const { t, busy } = props;
  const [form, setForm] = useState<Settings>(props.settings);
  const [message, setMessage] = useState<string | null>(
    props.saved === null || props.saved === undefined ? null : t.saved(props.saved),
  );
  const set = (p: Partial<Settings>) => {
    setMessage(null);
    setForm({ ...form, ...p });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const r = await props.run(t.saving, () => server.saveSettings(form));
    if (r) {
      setForm(r.settings);
      props.onSaved(r.settings, r.lang);
      // A new language reopened the sidebar (titled in that language): the new one says "saved".
      if (!r.reopened) setMessage(t.saved(r.rules));
    }
  };
  return (
    <form class="settings" onSubmit={save}>
      <h2>{t.settingsTitle}</h2>
      <p class="hint">{t.settingsHint}</p>
      <SelectField<LanguageSetting>
        label={t.language}
        value={form.language}
        testid="language"
        options={[
          ["auto", t.langAuto],
          ["ja", "日本語"],
          ["en", "English"],
        ]}
        onChange={(v) => set({ language: v })}
      />
      <Checkbox
        label={t.okr}
        checked={form.okr}
        testid="okr"
        onChange={(v) => set({ okr: v, thresholds: modeThresholds(v) })}
      />
      <Percent
        label={t.achievedFrom}
        value={form.thresholds.achieved}
        testid="achieved"
        onChange={(v) => set({ thresholds: { ...form.thresholds, achieved: v } })}
      />
      <Percent
        label={t.atRiskFrom}
        value={form.thresholds.atRisk}
        testid="atRisk"
        onChange={(v) => set({ thresholds: { ...form.thresholds, atRisk: v } })}
      />
      <fieldset>
        <legend>{t.colors}</legend>
        {STATUSES.map((s) => (
          <Colour
            key={s}
            label={t.status[s]}
            value={form.colors[s]}
            testid={`color-${s}`}
            onChange={(v) => set({ colors: { ...form.colors, [s]: v } })}
          />
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="action" data-testid="save" disabled={!!busy}>
          {busy ? t.saving : t.save}
        </button>
      </div>
      {message ? (
        <p class="done" role="status">
          {message}
        </p>
      ) : null}
    </form>
  );
}
