// Everything Apps Script calls by name. scripts/build.mjs turns each custom
// function of the registry (CUSTOM_FUNCTIONS) and each export of the add-on's
// entry points into a top-level declaration in dist/Code.js.
import type * as EntryPoints from "./addon/entrypoints";
import type { ServerApi } from "./shared/api";

export * from "./addon/entrypoints";
export * from "./functions/customFunctions";

/** Fails to compile unless the entry points implement the API the sidebar is typed against. */
type Implements<T extends ServerApi> = T;
export type CheckedEntryPoints = Implements<typeof EntryPoints>;
