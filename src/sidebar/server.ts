/*
 * The typed bridge to the server: `server.writeTree(draft)` returns a promise
 * typed from the API both sides share (src/shared/api.ts), which the entry
 * points implement (checked in src/main.ts). A failure (a KpiError from the core, a refused write, a lost
 * connection) rejects with an Error carrying the server's message, which the
 * UI shows.
 */
import type { ServerApi } from "../shared/api";

export type Server = {
  [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

/** The message of whatever google.script.run handed to the failure handler. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

function runner(): Runner {
  const g = (globalThis as { google?: { script?: { run?: Runner } } }).google;
  if (!g?.script?.run) throw new Error("google.script.run is not available: open this page from the add-on menu.");
  return g.script.run;
}

export function call<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): ReturnType<Server[K]> {
  return new Promise((resolve, reject) => {
    try {
      const r = runner()
        .withSuccessHandler(resolve as (value: unknown) => void)
        .withFailureHandler((e) => reject(new Error(errorMessage(e))));
      (r[name] as (...a: unknown[]) => void)(...args);
    } catch (e) {
      reject(new Error(errorMessage(e)));
    }
  }) as ReturnType<Server[K]>;
}

export const server = new Proxy({} as Server, {
  get:
    (_target, name) =>
    (...args: unknown[]) =>
      (call as (n: string, ...a: unknown[]) => Promise<unknown>)(String(name), ...args),
});

/** Closes the dialog this page is in (google.script.host.close). */
export function closeHost(): void {
  (globalThis as { google?: { script?: { host?: { close?(): void } } } }).google?.script?.host?.close?.();
}
