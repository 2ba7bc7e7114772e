// Everything Apps Script calls by name. scripts/build.mjs turns each custom
// function of the registry (CUSTOM_FUNCTIONS) and each export of the add-on's
// entry points into a top-level declaration in dist/Code.js.
export * from "./addon/entrypoints";
export * from "./functions/customFunctions";
