import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { extract } from "../../app/extraction/index";
import { decodeDocument } from "../../app/decode/index";
import { listCommitmentsForDocument } from "../../app/models/commitment.server";
import { getDocument } from "../../app/models/document.server";
import { listEventsForEntity } from "../../app/models/event.server";
import { listObservationsForDocument } from "../../app/models/observation.server";
import { ingestFile } from "../../app/services/ingest.server";
import type { Database } from "../../db/schema";
import { listSeedFiles, seedIfEmpty } from "../../seeds/index";
import { describeEachDatabase } from "./databases";
import type { Kysely } from "kysely";

const seedFiles = await listSeedFiles();
const zhejiang = seedFiles.find((f) => f.includes("zhejiang"))!;
// The Zhejiang page holds characters GBK cannot encode; the Hangzhou letter round-trips exactly.
const hangzhou = seedFiles.find((f) => f.includes("hangzhou"))!;

async function counts(db: Kysely<Database>) {
  const tables = ["documents", "commitments", "observations", "events"] as const;
  const entries = await Promise.all(
    tables.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<(typeof tables)[number], number>;
}

const input = (bytes: Uint8Array, fileName: string) => ({ bytes, fileName, source: "test", actor: "tester" });

describeEachDatabase("ingestFile", (ctx) => {
  it("stores a seed reply with its commitments, observations and one ingested event", async () => {
    const bytes = new Uint8Array(fs.readFileSync(zhejiang));
    const result = await ingestFile(ctx.db, input(bytes, path.basename(zhejiang)));
    expect(result.status).toBe("created");
    if (result.status !== "created") return;

    // What the engine finds in the decoded text is exactly what gets stored, whatever it finds.
    const decoded = await decodeDocument(bytes, path.basename(zhejiang));
    const expected = extract(decoded.text);
    expect(result.commitments).toBe(expected.commitments.length);
    expect(result.observations).toBe(expected.observations.length);

    const document = await getDocument(ctx.db, { id: result.documentId });
    expect(document).toMatchObject({ file_name: path.basename(zhejiang), source: "test", ingested_by: "tester" });
    expect(document?.text).toBe(decoded.text);
    expect(document?.format).toBe("txt");
    expect(document?.content_hash).toMatch(/^[0-9a-f]{64}$/);

    const commitments = await listCommitmentsForDocument(ctx.db, { documentId: result.documentId });
    expect(commitments.map((c) => c.ordinal)).toEqual(commitments.map((_, i) => i));
    for (const c of commitments) {
      // The page highlights quotes by offset: the stored span must be the quote.
      expect(decoded.text.slice(c.start_offset, c.end_offset)).toBe(c.quote);
      expect(c.origin).toBe("extracted");
    }
    const observations = await listObservationsForDocument(ctx.db, { documentId: result.documentId });
    expect(observations).toHaveLength(expected.observations.length);

    const events = await listEventsForEntity(ctx.db, { entityType: "document", entityId: result.documentId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "ingested", actor: "tester", before: null });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({
      fileName: path.basename(zhejiang),
      commitments: expected.commitments.length,
      observations: expected.observations.length,
    });
    expect(await counts(ctx.db)).toEqual({
      documents: 1,
      commitments: expected.commitments.length,
      observations: expected.observations.length,
      events: 1,
    });
  });

  it("treats re-ingesting the same bytes as a no-op that names the existing document", async () => {
    const bytes = new Uint8Array(fs.readFileSync(zhejiang));
    const first = await ingestFile(ctx.db, input(bytes, "a.txt"));
    const before = await counts(ctx.db);
    const second = await ingestFile(ctx.db, input(bytes, "renamed-copy.txt"));
    expect(first.status).toBe("created");
    expect(second).toEqual({ status: "duplicate", documentId: (first as { documentId: string }).documentId });
    expect(await counts(ctx.db)).toEqual(before);
  });

  it("treats the same reply in GBK as the same document", async () => {
    const utf8 = fs.readFileSync(hangzhou);
    const gbk = new Uint8Array(iconv.encode(utf8.toString("utf8"), "gbk"));
    const first = await ingestFile(ctx.db, input(new Uint8Array(utf8), "utf8.txt"));
    const before = await counts(ctx.db);
    const second = await ingestFile(ctx.db, input(gbk, "gbk.txt"));
    expect(second).toEqual({ status: "duplicate", documentId: (first as { documentId: string }).documentId });
    expect(await counts(ctx.db)).toEqual(before);
  });

  it("rejects an empty file, naming it, and stores nothing", async () => {
    const result = await ingestFile(ctx.db, input(new Uint8Array(0), "空文件.txt"));
    expect(result).toMatchObject({ status: "rejected", fileName: "空文件.txt" });
    expect((result as { reason: string }).reason).not.toBe("");
    expect(await counts(ctx.db)).toEqual({ documents: 0, commitments: 0, observations: 0, events: 0 });
  });

  it("rejects a binary file with the decoder's reason and stores nothing", async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const result = await ingestFile(ctx.db, input(bytes, "photo.txt"));
    expect(result).toMatchObject({ status: "rejected", fileName: "photo.txt" });
    expect(await counts(ctx.db)).toEqual({ documents: 0, commitments: 0, observations: 0, events: 0 });
  });

  it("rolls the whole document back when a later insert in its transaction fails", async () => {
    // Without an events table the last insert fails after the document row went in.
    await ctx.db.schema.dropTable("events").execute();
    const bytes = new Uint8Array(fs.readFileSync(zhejiang));
    await expect(ingestFile(ctx.db, input(bytes, "a.txt"))).rejects.toThrow();
    const documents = await sql<{ n: number }>`select count(*) as n from documents`.execute(ctx.db);
    const commitments = await sql<{ n: number }>`select count(*) as n from commitments`.execute(ctx.db);
    expect(Number(documents.rows[0]!.n)).toBe(0);
    expect(Number(commitments.rows[0]!.n)).toBe(0);
  });

  it("seeds the five sample replies into an empty database, once", async () => {
    const first = await seedIfEmpty(ctx.db);
    expect(first?.map((r) => r.status)).toEqual(["created", "created", "created", "created", "created"]);
    expect((await counts(ctx.db)).documents).toBe(5);
    expect(await seedIfEmpty(ctx.db)).toBeNull();
    expect((await counts(ctx.db)).documents).toBe(5);
  });
});
