// The server's decoding and extraction in worker threads (docs/decisions/0025), and its reading of
// progress spreadsheets (0037): the same result as in the calling thread, a file over the time limit
// or the memory cap refused with a Chinese reason while the calling thread stays free, a full queue
// refused as busy.
import { afterEach, describe, expect, it } from "vitest";
import { prepareDocument } from "../../../app/services/document-preparation";
import { PoolBusyError, PreparationPool } from "../../../app/services/preparation-pool.server";
import { parseProgressSpreadsheet } from "../../../app/services/spreadsheet.server";
import { manyLineCsv, manyRowXlsx, xlsxBomb } from "../../e2e/heavy-files";

const utf8 = (s: string) => new TextEncoder().encode(s);
const replyText = "关于加快养老服务体系建设的答复\n杭州市民政局\n下一步，力争到2027年新建养老机构5家。\n2025年6月1日\n";
/** A fresh copy each time: the pool hands a file's buffer to the worker instead of copying it. */
const reply = () => utf8(replyText);

/** Text whose extraction takes seconds: many pledge lines. */
function heavyText(lines: number): Uint8Array {
  const out = ["关于加快养老服务体系建设的答复", "杭州市民政局"];
  for (let i = 0; i < lines; i++) out.push(`${i + 1}. 到2027年，第${i + 1}片区新建养老机构${(i % 97) + 3}家。`);
  return utf8(out.join("\n"));
}

let pool: PreparationPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** The longest the calling thread went without running a timer while `work` was pending. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return longest;
}

describe("the preparation pool", () => {
  it("gives what prepareDocument gives in this thread", async () => {
    pool = new PreparationPool({ size: 1 });
    const inWorker = await pool.run({ bytes: reply(), fileName: "reply.txt" });
    expect(inWorker).toEqual(await prepareDocument({ bytes: reply(), fileName: "reply.txt" }));
    expect(inWorker.status).toBe("prepared");
  });

  it("keeps the calling thread free while a heavy file is read", async () => {
    pool = new PreparationPool({ size: 1 });
    await pool.run({ bytes: reply(), fileName: "warm-up.txt" });
    const stall = await longestStall(pool.run({ bytes: heavyText(4000), fileName: "heavy.txt", maxItems: 10_000 }));
    expect(stall).toBeLessThan(200);
  });

  it("refuses a file still being read at the time limit, and the next file is read by a fresh worker", async () => {
    pool = new PreparationPool({ size: 1, timeLimitMs: 300 });
    const slow = await pool.run({ bytes: heavyText(20_000), fileName: "slow.txt" });
    expect(slow).toEqual({ status: "rejected", reason: "文件处理超时：0.3 秒内未能读完（文件过大或结构过于复杂），未保存任何内容" });
    const next = await pool.run({ bytes: reply(), fileName: "next.txt" });
    expect(next.status).toBe("prepared");
  });

  it("refuses a file that outgrows the memory cap, in Chinese", async () => {
    pool = new PreparationPool({ size: 1, memoryLimitMb: 24 });
    const result = await pool.run({ bytes: heavyText(60_000), fileName: "huge.txt" });
    expect(result).toEqual({ status: "rejected", reason: "文件过于庞大或复杂：读取时超出内存上限（24 MB），未保存任何内容" });
    const after = await pool.run({ bytes: reply(), fileName: "after.txt" });
    expect(after.status).toBe("prepared");
  });

  it("queues files for a busy worker and refuses one more than the queue holds", async () => {
    pool = new PreparationPool({ size: 1, maxQueue: 1 });
    const first = pool.run({ bytes: heavyText(2000), fileName: "1.txt" });
    const second = pool.run({ bytes: reply(), fileName: "2.txt" });
    await expect(pool.run({ bytes: reply(), fileName: "3.txt" })).rejects.toBeInstanceOf(PoolBusyError);
    expect((await first).status).toBe("prepared");
    expect((await second).status).toBe("prepared");
  });

  it("reads a progress spreadsheet as this thread does, and refuses a hostile one while this thread stays free", async () => {
    pool = new PreparationPool({ size: 1 });
    const report = manyRowXlsx(5, "01ABC");
    expect(await pool.readSpreadsheet({ bytes: manyRowXlsx(5, "01ABC"), fileName: "进展.xlsx" })).toEqual(await parseProgressSpreadsheet(report, "进展.xlsx"));
    expect(await pool.readSpreadsheet({ bytes: manyLineCsv(3, "01ABC"), fileName: "进展.csv" })).toMatchObject({ rows: [{ row: 2 }, { row: 3 }, { row: 4 }] });
    const bomb = xlsxBomb(300 * 1024 * 1024);
    const stall = await longestStall(pool.readSpreadsheet({ bytes: bomb, fileName: "bomb.xlsx" }).then((r) => expect(r).toMatchObject({ error: expect.stringMatching(/^xlsx 文件解压后过大/) })));
    expect(stall).toBeLessThan(200);
  });

  it("refuses a spreadsheet still being read at the time limit, in the reader's own shape", async () => {
    pool = new PreparationPool({ size: 1, timeLimitMs: 1 });
    await pool.run({ bytes: reply(), fileName: "warm-up.txt" }).catch(() => undefined);
    expect(await pool.readSpreadsheet({ bytes: manyLineCsv(5000), fileName: "slow.csv" })).toEqual({
      error: "文件处理超时：0 秒内未能读完（文件过大或结构过于复杂），未保存任何内容",
    });
  });
});
