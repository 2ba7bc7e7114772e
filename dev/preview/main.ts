// `npm start`: build dist/, then serve the preview. `npm start -- table.csv` adds a sheet per CSV file.
import { startPreview } from "./server";

const csv = process.argv.slice(2).filter((a) => /\.csv$/i.test(a));
const port = Number(process.env.PORT ?? 8080);
const preview = await startPreview({ port, csv });
console.log(`KPI Tree preview: open http://localhost:${new URL(preview.url).port}/  (Ctrl+C to stop)`);
