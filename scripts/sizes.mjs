// Bytes each source module puts into the shipped server bundle (src/main.ts, built as `npm run build` does:
// minified, help stripped, built-ins injected), largest first: `node scripts/sizes.mjs [path filter]`.
// Where to look when dist/Code.js outgrows its budget (tests/dist/bundle.test.ts).
import { serverBundle } from "./build.mjs";

const { bundled } = await serverBundle({ metafile: true });
const [output] = Object.entries(bundled.metafile.outputs)
  .filter(([file]) => file.endsWith(".js"))
  .map(([, o]) => o);
const filter = process.argv[2] ?? "";
const modules = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
for (const [file, { bytesInOutput }] of modules)
  if (file.includes(filter)) console.log(String(bytesInOutput).padStart(7), file);
console.log(String(output.bytes).padStart(7), "bytes of bundle (dist/Code.js adds the declarations and their JSDoc)");
