// Bytes each source module puts into the shipped server bundle (src/main.ts, minified, help stripped and
// built-ins injected as `npm run build` does), largest first: `node scripts/sizes.mjs [path filter]`.
// Where to look when dist/Code.js outgrows its budget (tests/dist/bundle.test.ts).
import * as esbuild from "esbuild";
import { BUILTINS_MODULE, builtinsInjected, registryOf, withoutHelp } from "./build.mjs";

const options = {
  entryPoints: ["src/main.ts"],
  bundle: true,
  write: false,
  target: "es2020",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  format: "esm",
  platform: "neutral",
  metafile: true,
  outfile: "sizes.js",
  inject: [BUILTINS_MODULE],
};
const full = await esbuild.build({ ...options, plugins: [builtinsInjected()] });
// The registry, as the build reads it: the module's exports as one object.
const exported = full.outputFiles[0].text.replace(/export\s*\{([^}]*)\};?\s*$/, (_, names) => {
  const props = names.split(",").map((s) => {
    const [local, name = local] = s.trim().split(/\s+as\s+/);
    return `${name}:${local}`;
  });
  return `var KpiTree={${props}};`;
});
const shipped = await esbuild.build({ ...options, plugins: [builtinsInjected(), withoutHelp(registryOf(exported))] });
const output = Object.values(shipped.metafile.outputs)[0];
const filter = process.argv[2] ?? "";
for (const [file, { bytesInOutput }] of Object.entries(output.inputs).sort(
  (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
))
  if (file.includes(filter)) console.log(String(bytesInOutput).padStart(7), file);
console.log(String(output.bytes).padStart(7), "bytes of bundle (dist/Code.js adds the declarations and their JSDoc)");
