// The status cache (decision 0008) holds the statuses of a few dates only (decision 0024): asking for
// many different asOf dates with a status filter must not add a full set of rows for each of them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { todayInChina } from "../../app/lib/dates";
import { listStatusCacheDates, MAX_CACHED_DATES } from "../../app/models/status-cache.server";
import { ingestFile } from "../../app/services/ingest.server";
import { listTrackedCommitments } from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";

const SEEDS = fileURLToPath(new URL("../../seeds/replies/", import.meta.url));

describeEachDatabase("the status cache", (ctx) => {
  it("keeps at most MAX_CACHED_DATES dates besides today however many dates are asked", async () => {
    for (const name of fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt"))) {
      await ingestFile(ctx.db, { bytes: new Uint8Array(fs.readFileSync(path.join(SEEDS, name))), fileName: name, source: "test", actor: "测试" });
    }
    const commitments = Number((await ctx.db.selectFrom("commitments").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const ask = (asOf: string) => listTrackedCommitments(ctx.db, { status: "overdue_no_evidence", asOf, limit: 50, offset: 0 });

    const first = await ask("2026-06-30");
    const dates = Array.from({ length: 30 }, (_, i) => `2024-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.floor(i / 12) + 10)}`);
    for (const asOf of dates) await ask(asOf);

    const cached = await listStatusCacheDates(ctx.db);
    expect(cached.length).toBeLessThanOrEqual(MAX_CACHED_DATES + 1);
    const rows = Number((await ctx.db.selectFrom("status_cache").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(rows).toBeLessThanOrEqual((MAX_CACHED_DATES + 1) * commitments);
    // The most recent dates are the ones kept.
    expect(cached).toEqual(expect.arrayContaining(dates.slice(-MAX_CACHED_DATES + 1)));
    expect(cached).not.toContain("2026-06-30");

    // A dropped date is derived again, with the same answer, not read as empty.
    const again = await ask("2026-06-30");
    expect(again.total).toBe(first.total);
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  it("never drops today's statuses", async () => {
    const file = "2025-06-30-zhejiang-minzheng-hang5.txt";
    await ingestFile(ctx.db, { bytes: new Uint8Array(fs.readFileSync(path.join(SEEDS, file))), fileName: file, source: "test", actor: "测试" });
    const today = todayInChina();
    await listTrackedCommitments(ctx.db, { status: "overdue_no_evidence", asOf: today, limit: 10, offset: 0 });
    for (let day = 1; day <= 20; day++) {
      await listTrackedCommitments(ctx.db, { status: "overdue_no_evidence", asOf: `2023-03-${String(day).padStart(2, "0")}`, limit: 10, offset: 0 });
    }
    expect(await listStatusCacheDates(ctx.db)).toContain(today);
  });
});
