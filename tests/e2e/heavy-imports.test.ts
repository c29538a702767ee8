// Issue 10 item 1 for the other upload path that decodes files, the progress-spreadsheet import
// (/import, docs/decisions/0037), over HTTP against the production server: while each hostile
// spreadsheet is imported the server keeps answering its health check within 200 ms, the file is
// refused with a Chinese message naming it and the reason, nothing is stored, and the server's
// memory stays under 512 MB. Before, exceljs and csv-parse read these on the request thread.
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manyLineCsv, manyRowXlsx, xlsxBomb } from "./heavy-files";
import { startServer, type RunningServer } from "./server";
import { healthSummary, watchServer } from "./server-watch";
import { addUser, sessionCookie } from "./users";

let server: RunningServer;
let cookie: string;
let commitmentId: string;

/** Posts a file to the import page as its form does (multipart), reading the answer as data. */
async function importFile(bytes: Uint8Array, fileName: string): Promise<{ status: number; body: { error?: string; imported?: number; stored?: boolean } }> {
  const form = new FormData();
  form.append("file", new Blob([bytes as BlobPart]), fileName);
  const response = await fetch(`${server.url}/import?_data=routes%2Fimport`, { method: "POST", headers: { Cookie: cookie, Connection: "close" }, body: form }).catch(
    (error: unknown) => {
      throw new Error(`the server did not answer (${String(error)}); its output:\n${server.output().slice(-4000)}`);
    },
  );
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

/** Progress reports stored, read from the server's database file. */
function reportCount(): number {
  const db = new SQLite(path.join(server.dir, "tracker.sqlite"), { readonly: true });
  try {
    return (db.prepare("select count(*) as n from progress_updates").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  process.env.INGEST_TIME_LIMIT_SECONDS = "20";
  server = await startServer();
  addUser(server, "导入员", "reviewer");
  cookie = await sessionCookie(server, "导入员");
  const list = (await (await fetch(`${server.url}/api/commitments?kind=quantitative&limit=1`, { headers: { Cookie: cookie } })).json()) as { items: { id: string }[] };
  commitmentId = list.items[0]!.id;
}, 300_000);

afterAll(async () => {
  delete process.env.INGEST_TIME_LIMIT_SECONDS;
  await server?.stop();
});

describe("hostile progress spreadsheets do not stop the server", () => {
  const hostile: [string, () => Uint8Array, string, RegExp][] = [
    ["an .xlsx whose sheet inflates to 300 MB", () => xlsxBomb(300 * 1024 * 1024), "bomb.xlsx", /xlsx 文件解压后过大.*疑似压缩炸弹/],
    ["an .xlsx of 1,000,000 rows", () => manyRowXlsx(1_000_000, "", { bare: true }), "million.xlsx", /xlsx 文件解压后过大|表格行数过多/],
    ["an .xlsx of 20,000 rows", () => manyRowXlsx(20_000), "many.xlsx", /表格行数过多：工作表 sheet1\.xml 有 20001 行，单次导入最多 5000 行/],
    ["a .csv of 500,000 lines", () => manyLineCsv(500_000, "X1"), "big.csv", /表格行数过多：超过 10001 行/],
  ];

  it.each(hostile)("%s: health answered within 200 ms throughout, refused in Chinese naming the file, nothing stored", async (_name, make, fileName, reason) => {
    const bytes = make();
    const before = reportCount();
    const watching = watchServer(server);
    const started = performance.now();
    const result = await importFile(bytes, fileName);
    const seconds = (performance.now() - started) / 1000;
    const { healthMs, peakRssMb } = await watching.stop();
    const { median, p95, slowest } = healthSummary(healthMs);
    console.log(
      `${fileName} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB): ${result.status} after ${seconds.toFixed(1)} s; ${healthMs.length} health checks, median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, slowest ${slowest.toFixed(0)} ms; server RSS peak ${peakRssMb.toFixed(0)} MB`,
    );
    if (result.status !== 422) console.log(server.output().slice(-4000));
    expect(result.status).toBe(422);
    expect(result.body.error).toMatch(new RegExp(`^无法读取“${fileName.replace(".", "\\.")}”：`));
    expect(result.body.error).toMatch(reason);
    expect(result.body.error).toMatch(/未导入任何数据。$/);
    expect(healthMs.length).toBeGreaterThan(0);
    expect(peakRssMb).toBeGreaterThan(0); // the server process was found and measured
    // as in heavy-uploads.test.ts: within 200 ms, allowing this machine's own scheduling hiccups
    expect(p95).toBeLessThan(200);
    expect(slowest).toBeLessThan(1_000);
    expect(peakRssMb).toBeLessThan(512);
    expect(reportCount()).toBe(before);
  }, 180_000);

  it("an ordinary report imported the same way is read in the worker and stored", async () => {
    const before = reportCount();
    const result = await importFile(manyRowXlsx(1, commitmentId), "进展.xlsx");
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ imported: 1, stored: true });
    expect(reportCount()).toBe(before + 1);
    // the same figure again is one report (issue 9 §6): a row error, not a refusal of the file
    const again = await importFile(manyRowXlsx(1, commitmentId), "进展.xlsx");
    expect(again.status).toBe(400);
    expect(reportCount()).toBe(before + 1);
  });
});
