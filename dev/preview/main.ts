// `npm start`: build dist/, then serve the preview. `npm start -- table.csv book.xlsx` opens your own tables too.
import { startPreview } from "./server";

const files = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const port = Number(process.env.PORT ?? 8080);
const preview = await startPreview({ port, files });
console.log(`KPI Tree preview: open http://localhost:${new URL(preview.url).port}/  (Ctrl+C to stop)`);
