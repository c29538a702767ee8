// Store benchmark (issue 10): one document with N pledge lines, stored through ingestFile into a
// fresh SQLite database holding the five seed replies. Times decoding, extraction and the store
// (everything ingestFile does after extracting: rows, link proposals, events, commit) apart, so a
// cost that grows faster than the pledge count shows where it is.
//   npx tsx bench/store.bench.ts [N…]        (default 2000 4000 8000 16000)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { seedIfEmpty } from "../seeds/index";
import { decodeDocument } from "../app/decode/index";
import { extract } from "../app/extraction/index";
import { prepareDocument } from "../app/services/document-preparation";
import { ingestFile } from "../app/services/ingest.server";

const NOUNS: Array<[string, string]> = [
  ["养老机构", "家"], ["社区养老服务站", "个"], ["老年食堂", "个"], ["家庭养老床位", "张"], ["护理型床位", "张"],
  ["养老护理员", "人"], ["康养联合体", "家"], ["老年大学", "所"], ["普惠托育机构", "家"], ["公办幼儿园", "所"],
];

/** A reply whose "下一步" part lists n pledges, each its own commitment (its own area and number). */
export function pledgeDocument(n: number): string {
  const lines = ["关于加快养老服务体系建设的答复", "杭州市民政局", "2025年6月1日", "下一步工作："];
  for (let i = 0; i < n; i++) {
    const [noun, unit] = NOUNS[i % NOUNS.length]!;
    lines.push(`${i + 1}. 到2027年，第${i + 1}片区新建${noun}${(i % 97) + 3}${unit}。`);
  }
  return `${lines.join("\n")}\n`;
}

async function main(sizes: number[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-store-bench-"));
  // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
  console.log("pledges  bytes       decode ms  extract ms  ingestFile ms  store ms (ingestFile − decode − extract)  store CPU ms");
  try {
    for (const n of sizes) {
      const db = createDb(`file:${path.join(dir, `n${n}.sqlite`)}`);
      await migrateToLatest(db);
      await seedIfEmpty(db);
      const bytes = new TextEncoder().encode(pledgeDocument(n));
      const cpuPrep = process.cpuUsage();
      let t = performance.now();
      const decoded = await decodeDocument(bytes, "pledges.txt");
      const decodeMs = performance.now() - t;
      t = performance.now();
      const extracted = extract(decoded.text);
      const extractMs = performance.now() - t;
      const prep = process.cpuUsage(cpuPrep);
      t = performance.now();
      const cpu = process.cpuUsage();
      // The server refuses documents of more than MAX_ITEMS_PER_DOCUMENT pledges; the bench measures past it.
      const result = await ingestFile(
        db,
        { bytes, fileName: "pledges.txt", source: "bench", actor: "bench" },
        { prepare: (input) => prepareDocument({ ...input, maxItems: Number.POSITIVE_INFINITY }) },
      );
      const ingestMs = performance.now() - t;
      const used = process.cpuUsage(cpu);
      // ingestFile decodes and extracts again: what that cost above is taken off
      const storeCpuMs = (used.user + used.system - prep.user - prep.system) / 1000;
      if (result.status !== "created" || result.commitments !== extracted.commitments.length) throw new Error(JSON.stringify(result));
      const row = (ms: number, w: number) => ms.toFixed(0).padStart(w);
      console.log(
        `${String(n).padStart(7)}  ${String(bytes.length).padEnd(10)}  ${row(decodeMs, 9)}  ${row(extractMs, 10)}  ${row(ingestMs, 13)}  ${row(ingestMs - decodeMs - extractMs, 8)}  ${row(storeCpuMs, 46)}`,
      );
      await db.destroy();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
await main(args.length ? args : [2000, 4000, 8000, 16000]);
