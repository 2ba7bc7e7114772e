// What the sidebar shell hands every panel: words, language, settings, and the busy-aware runner.
import type { Settings } from "../core/settings";
import type { Lang } from "../core/text";
import type { UiText } from "./i18n";

export interface Shared {
  t: UiText;
  lang: Lang;
  settings: Settings;
  busy: string | null;
  /** Runs a server call with the busy indicator; failures go to the error banner. Resolves undefined on failure. */
  run<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
}
