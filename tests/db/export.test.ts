// The open-data export (GUIDE §6): in-process through exportRecords and as the real command
// (npm run export: node scripts/run.mjs scripts/export.ts) against the same database, on SQLite and PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { ingestFile } from "../../app/services/ingest.server";
import { exportRecords, type ExportRecord } from "../../app/services/export.server";
import { decideLink, listProposedLinks, listTrackedCommitments, type User } from "../../app/services/tracking.server";
import { extract } from "../../app/extraction/index";
import { decodeDocument } from "../../app/decode/index";
import { listSeedFiles } from "../../seeds/index";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const seedFiles = await listSeedFiles();
const zhejiang = seedFiles.find((f) => f.includes("zhejiang"))!;
const reviewer: User = { id: "u1", name: "审核员甲", role: "reviewer" };
const AS_OF = "2024-04-01";

async function collect(db: Kysely<Database>, batchSize?: number): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const r of exportRecords(db, { asOf: AS_OF, ...(batchSize ? { batchSize } : {}) })) out.push(r);
  return out;
}

function runExport(url: string, args: string[] = []) {
  return spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), path.join(ROOT, "scripts/export.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
}

const byType = <T extends ExportRecord["type"]>(records: ExportRecord[], type: T) =>
  records.filter((r): r is Extract<ExportRecord, { type: T }> => r.type === type);

describeEachDatabase("npm run export", (ctx) => {
  it("exports an ingested seed as one document line, its commitments and observations, ids that refer to each other", async () => {
    const bytes = new Uint8Array(fs.readFileSync(zhejiang));
    const result = await ingestFile(ctx.db, { bytes, fileName: path.basename(zhejiang), source: "test", actor: "tester" });
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    const expected = extract((await decodeDocument(bytes, path.basename(zhejiang))).text);

    const records = await collect(ctx.db);
    const documents = byType(records, "document");
    const commitments = byType(records, "commitment");
    const observations = byType(records, "observation");
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      type: "document",
      id: result.documentId,
      fileName: path.basename(zhejiang),
      kind: expected.document.kind,
      repliedOn: expected.document.repliedOn,
      region: expected.document.region,
      agency: expected.document.agency,
    });
    expect(commitments).toHaveLength(result.commitments);
    expect(observations).toHaveLength(result.observations);
    expect(commitments.length).toBeGreaterThan(0);
    // Documents come first, then commitments, observations, links.
    const order = records.map((r) => ["document", "commitment", "observation", "link"].indexOf(r.type));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const { items } = await listTrackedCommitments(ctx.db, { limit: 1000, offset: 0, asOf: AS_OF });
    const statusOf = new Map(items.map((i) => [i.id, i.status]));
    for (const c of commitments) {
      expect(c.documentId).toBe(result.documentId);
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(["id", "quote", "start", "end", "kind", "indicator", "target", "due", "region", "status"]),
      );
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.region).toBe(documents[0]!.region);
      // The status engine's answer for the same day, as the pages show it.
      expect(c.status).toBe(statusOf.get(c.id));
      expect(c.statusAsOf).toBe(AS_OF);
      if (c.target) expect(Object.keys(c.target)).toEqual(expect.arrayContaining(["value", "unit", "comparator", "mode"]));
      if (c.due) expect(c.due.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    expect(commitments.map((c) => c.quote).sort()).toEqual(expected.commitments.map((c) => c.quote).sort());
    for (const o of observations) {
      expect(o.documentId).toBe(result.documentId);
      expect(typeof o.value).toBe("number");
      expect(Object.keys(o)).toEqual(expect.arrayContaining(["id", "quote", "indicator", "value", "unit", "asOf"]));
    }
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("prints valid JSON on every line of stdout, the same records as in-process, and --out writes them to a file", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const run = runExport(ctx.url, ["--as-of", AS_OF]);
    expect(run.stderr).toBe(""); // not a terminal: no progress
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith("\n")).toBe(true);
    const lines = run.stdout.slice(0, -1).split("\n");
    const parsed = lines.map((line) => JSON.parse(line) as ExportRecord);
    expect(parsed).toEqual(await collect(ctx.db));
    expect(parsed.map((r) => r.type)).toEqual(["document", "document", "commitment", "observation", "observation", "link"]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-out-"));
    try {
      const file = path.join(dir, "open-data.jsonl");
      const toFile = runExport(ctx.url, ["--out", file, "--as-of", AS_OF]);
      expect(toFile.status).toBe(0);
      expect(toFile.stdout).toBe("");
      expect(fs.readFileSync(file, "utf8")).toBe(run.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(runExport(ctx.url, ["--as-of", "2025-02-30"]).status).toBe(2);
  });

  it("exports links with kind and state: a proposed and then confirmed observation, a rejected one, a revision", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    let links = byType(await collect(ctx.db), "link");
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ type: "link", kind: "observation", state: "proposed" });
    expect(links[0]!.score).toBeGreaterThanOrEqual(0.6);
    expect(links[0]!.reasons.length).toBeGreaterThan(0);
    expect(links[0]).not.toHaveProperty("laterCommitmentId");

    const queued = (await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).items[0]!;
    await decideLink(ctx.db, { linkId: queued.id, action: "confirm", reason: "同一统计口径", actor: reviewer });
    await ingestFixture(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");

    const records = await collect(ctx.db);
    links = byType(records, "link");
    const commitmentIds = new Set(byType(records, "commitment").map((c) => c.id));
    const observationIds = new Set(byType(records, "observation").map((o) => o.id));
    const confirmed = links.find((l) => l.id === queued.id)!;
    expect(confirmed).toMatchObject({ kind: "observation", state: "confirmed", decidedBy: "审核员甲", decisionReason: "同一统计口径" });
    expect(commitmentIds.has(confirmed.commitmentId)).toBe(true);
    expect(observationIds.has(confirmed.observationId!)).toBe(true);
    const revision = links.find((l) => l.kind === "revision")!;
    expect(revision).toMatchObject({ state: "proposed", revisionKind: "target_raised" });
    expect(commitmentIds.has(revision.commitmentId)).toBe(true);
    expect(commitmentIds.has(revision.laterCommitmentId!)).toBe(true);
    expect(revision).not.toHaveProperty("observationId");
    // The confirmed figure reached the status engine: the pledge is achieved, and the export says so.
    const pledge = byType(records, "commitment").find((c) => c.id === confirmed.commitmentId)!;
    expect(pledge.status).toBe("achieved_on_time");

    // The raised plan, stored after the bulletin, is also proposed the bulletin's end-2023 figure (decision 0015).
    const other = links.find((l) => l.kind === "observation" && l.state === "proposed")!;
    expect(other.commitmentId).toBe(revision.laterCommitmentId);
    await decideLink(ctx.db, { linkId: other.id, action: "reject", reason: "口径不同", actor: reviewer });
    expect(byType(await collect(ctx.db), "link").find((l) => l.id === other.id)).toMatchObject({
      state: "rejected",
      decisionReason: "口径不同",
    });
  });

  it("reads in keyset batches: a batch smaller than every table gives each row exactly once, in the same order", async () => {
    for (const rel of [
      "case1/2022-plan-huli-chuangwei.txt",
      "case1/2024-bulletin-huli-chuangwei.txt",
      "case2/2017-report-zhandian.txt",
      "case2/2019-report-zhandian.txt",
      "case3/2024-minsheng-shishi.txt",
      "case3/2024-q1-progress.txt",
      "dropped/2023-reply-lucheng.txt",
      "dropped/2024-followup-lucheng.txt",
    ]) {
      await ingestFixture(ctx.db, rel);
    }
    const whole = await collect(ctx.db);
    expect(byType(whole, "document")).toHaveLength(8);
    expect(byType(whole, "link").length).toBeGreaterThan(1);
    for (const size of [1, 2, 3]) expect(await collect(ctx.db, size)).toEqual(whole);
  });

  it("exports an empty database as nothing at all", async () => {
    expect(await collect(ctx.db)).toEqual([]);
    const run = runExport(ctx.url);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
  });
});
