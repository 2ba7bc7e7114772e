// Types of dev/browser.mjs.
export interface ResolvedBrowser {
  source: "packaged" | "CHROME_PATH" | "system";
  executablePath: string;
  /** Extra environment variables for the browser's process. */
  env: Record<string, string>;
}
export const LAUNCH_ARGS: string[];
export function packagedBrowser(): ResolvedBrowser | undefined;
export function systemBrowser(path?: string): ResolvedBrowser | undefined;
export function resolveBrowser(env?: Record<string, string | undefined>): ResolvedBrowser;
