// Entry of the preparation worker thread (services/preparation-pool.server.ts). The server runs
// Remix's bundle, but the worker's code is the TypeScript in app/; tsx (a runtime dependency, as
// for scripts/ and server/) compiles it on load, once per worker.
import os from "node:os";
import { register } from "tsx/esm/api";

// Nice 10 for this thread (on Linux setpriority(0) changes the calling thread only, and threads it
// starts inherit it): on a busy machine the thread answering requests gets the CPU first.
try {
  os.setPriority(10);
} catch {
  // not permitted here: the worker runs at normal priority
}
// The libraries are loaded before tsx's hooks are: tsx rewrites the dynamic imports of plain JS
// modules too and keeps a source map of each, which for pdf.js alone held ~150 MB of this thread's
// memory (measured: 226 MB after reading a 10-page PDF through tsx, 83 MB with pdf.js loaded first).
// Once in Node's module cache, the worker's TypeScript imports of them are not loaded again.
// exceljs (~30 MB once loaded) is not loaded here but by the first spreadsheet, through require()
// (services/spreadsheet.server.ts), which tsx's ESM hooks do not reach.
await Promise.all(
  ["unpdf", "unpdf/pdfjs", "mammoth", "linkedom", "@mozilla/readability", "iconv-lite", "opencc-js/t2cn", "csv-parse/sync"].map((name) => import(name)),
);
register();
await import("./prepare.worker.ts");
