// Everything Apps Script calls by name. scripts/build.mjs turns each export of
// the entry files into a top-level declaration in dist/Code.js.
export * from "./addon/entrypoints";
export * from "./functions/customFunctions";
