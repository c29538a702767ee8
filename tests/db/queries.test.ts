import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import {
  countCommitmentsByKind,
  insertCommitments,
  listCommitmentAgencies,
  listCommitments,
} from "../../app/models/commitment.server";
import { findDocumentByHash, insertDocument, listDocuments } from "../../app/models/document.server";
import { getOverviewCounts } from "../../app/models/overview.server";
import type { Database, NewCommitment } from "../../db/schema";
import { describeEachDatabase } from "./databases";

const AGENCIES = ["浙江省民政厅", "杭州市民政局", "慈溪市民政局"];
const KINDS = ["quantitative", "milestone", "qualitative"] as const;

/** 45 documents (every 9th undated, one with "100%_" in its title) and 3 commitments each. */
async function fill(db: Kysely<Database>) {
  const commitments: NewCommitment[] = [];
  for (let i = 0; i < 45; i++) {
    const id = `doc${String(i).padStart(2, "0")}`;
    await insertDocument(db, {
      id, content_hash: `c${i}`, text_hash: `t${i}`, file_name: `${id}.txt`, format: "txt", encoding: "utf-8",
      text: "正文", source: "test", agency: AGENCIES[i % 3]!, addressee: `代表${i}`, addressee_role: "代表",
      ref: `第${i}号`, session: null, title: i === 7 ? "关于养老覆盖率达到100%_的建议" : `关于养老服务的建议${i}`,
      replied_on: i % 9 === 0 ? null : `20${20 + (i % 6)}-06-${String(1 + (i % 28)).padStart(2, "0")}`,
      region: null, co_agencies: "[]", kind: "reply", ingested_at: "2026-01-01T00:00:00Z", ingested_by: "test",
    });
    for (let k = 0; k < 3; k++) {
      commitments.push({
        id: `${id}-c${k}`, document_id: id, ordinal: k, quote: k === 0 ? "到2027年，培育80家养老领域领军企业。" : `承诺${i}-${k}`,
        start_offset: 0, end_offset: 1, kind: KINDS[k]!, indicator: k === 0 ? "养老领域领军企业" : `指标${k}`,
        target_value: k === 0 ? 80 : null, target_value_max: null, target_unit: k === 0 ? "家" : null, target_per: null,
        target_comparator: k === 0 ? ">=" : null, target_mode: k === 0 ? "level" : null,
        baseline_value: null, baseline_unit: null, baseline_as_of: null,
        due_date: k === 2 ? null : `${2024 + (i % 4)}-12-31`, due_precision: k === 2 ? null : "year", due_text: null,
        agency: AGENCIES[i % 3]!, firmness: "strive", cue: "力争", rule: "test", needs_review: 0, origin: "extracted",
        created_at: "2026-01-01T00:00:00Z",
      });
    }
  }
  await insertCommitments(db, commitments);
}

describeEachDatabase("list queries", (ctx) => {
  it("page through documents newest reply first, undated last, without gaps or repeats", async () => {
    await fill(ctx.db);
    const seen: string[] = [];
    const dates: (string | null)[] = [];
    for (let offset = 0; offset < 45; offset += 20) {
      const page = await listDocuments(ctx.db, { limit: 20, offset });
      expect(page.total).toBe(45);
      expect(page.items.length).toBe(Math.min(20, 45 - offset));
      seen.push(...page.items.map((d) => d.id));
      dates.push(...page.items.map((d) => d.replied_on));
    }
    expect(new Set(seen).size).toBe(45);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
    expect(dates.slice(-5)).toEqual([null, null, null, null, null]);
  });

  it("count each listed document's own commitments", async () => {
    await fill(ctx.db);
    const page = await listDocuments(ctx.db, { limit: 5, offset: 0 });
    for (const doc of page.items) expect(doc.commitment_count).toBe(3);
  });

  it("search documents by title, agency and deputy, with % and _ matched literally", async () => {
    await fill(ctx.db);
    expect((await listDocuments(ctx.db, { q: "慈溪", limit: 100, offset: 0 })).total).toBe(15);
    expect((await listDocuments(ctx.db, { q: "代表12", limit: 100, offset: 0 })).items.map((d) => d.id)).toEqual(["doc12"]);
    expect((await listDocuments(ctx.db, { q: "100%_", limit: 100, offset: 0 })).items.map((d) => d.id)).toEqual(["doc07"]);
    expect((await listDocuments(ctx.db, { q: "0%", limit: 100, offset: 0 })).total).toBe(1);
    expect((await listDocuments(ctx.db, { q: "没有这个词", limit: 100, offset: 0 })).total).toBe(0);
  });

  it("filter commitments by agency, kind, due year and text, and page them", async () => {
    await fill(ctx.db);
    const all = await listCommitments(ctx.db, { limit: 50, offset: 0 });
    expect(all.total).toBe(135);
    expect(all.items).toHaveLength(50);

    const byAgency = await listCommitments(ctx.db, { agency: "杭州市民政局", limit: 100, offset: 0 });
    expect(byAgency.total).toBe(45);
    expect(byAgency.items.every((c) => c.agency === "杭州市民政局")).toBe(true);

    const byKind = await listCommitments(ctx.db, { kind: "milestone", limit: 100, offset: 0 });
    expect(byKind.total).toBe(45);

    // i % 4 === 1 → due 2025: 11 documents (1, 5, …, 41), two dated commitments each.
    const due2025 = await listCommitments(ctx.db, { dueYear: 2025, limit: 100, offset: 0 });
    expect(due2025.total).toBe(22);
    expect(due2025.items.every((c) => c.due_date?.startsWith("2025"))).toBe(true);

    const combined = await listCommitments(ctx.db, { q: "领军企业", kind: "quantitative", dueYear: 2027, limit: 100, offset: 0 });
    expect(combined.total).toBe(11);
    expect(combined.items[0]).toMatchObject({ target_value: 80, target_unit: "家", document_ref: expect.stringMatching(/^第\d+号$/) });
  });

  it("order commitments soonest due first with open-ended ones last", async () => {
    await fill(ctx.db);
    const lastPage = await listCommitments(ctx.db, { limit: 45, offset: 90 });
    expect(lastPage.items.every((c) => c.due_date === null)).toBe(true);
    const firstPage = await listCommitments(ctx.db, { limit: 10, offset: 0 });
    expect(firstPage.items.every((c) => c.due_date === "2024-12-31")).toBe(true);
  });

  it("count commitments by kind and list agencies for the filter", async () => {
    await fill(ctx.db);
    expect(await countCommitmentsByKind(ctx.db)).toEqual({ quantitative: 45, milestone: 45, qualitative: 45, total: 135 });
    expect(await listCommitmentAgencies(ctx.db)).toEqual([...AGENCIES].sort());
    expect(await getOverviewCounts(ctx.db)).toEqual({
      documents: 45,
      commitments: { quantitative: 45, milestone: 45, qualitative: 45, total: 135 },
      observations: 0,
    });
  });

  it("find a document by the hash of its bytes or of its text", async () => {
    await fill(ctx.db);
    expect(await findDocumentByHash(ctx.db, { contentHash: "c3" })).toEqual({ id: "doc03" });
    expect(await findDocumentByHash(ctx.db, { contentHash: "nope", textHash: "t4" })).toEqual({ id: "doc04" });
    expect(await findDocumentByHash(ctx.db, { contentHash: "nope", textHash: "nope" })).toBeUndefined();
  });

  it("search commitments' indicator and quote through the text index, kept current on insert and edit", async () => {
    await fill(ctx.db);
    const q = async (term: string) => (await listCommitments(ctx.db, { q: term, limit: 200, offset: 0 })).total;
    expect(await q("领军企业")).toBe(45); // in both indicator and quote: counted once
    expect(await q("到2027年")).toBe(45); // quote only
    expect(await q("指标1")).toBe(45); // indicator only
    expect(await q("养老")).toBe(45); // two characters: no trigram, LIKE instead
    expect(await q("承诺4-")).toBe(2); // 承诺4-1 and 承诺4-2, not 承诺40-1 …
    expect(await q("没有这个词")).toBe(0);
    expect(await q('"引号"')).toBe(0); // a double quote in the term is a phrase character, not syntax
    expect(await q("100%_")).toBe(0);
    // The index follows a new row and an edited one (triggers on SQLite; an expression index on PostgreSQL).
    await insertCommitments(ctx.db, [
      {
        id: "extra", document_id: "doc01", ordinal: 9, quote: "新建认知障碍照护专区12个。", start_offset: 0, end_offset: 1,
        kind: "quantitative", indicator: "认知障碍照护专区", needs_review: 0, origin: "extracted", created_at: "2026-01-01T00:00:00Z",
      },
    ]);
    expect(await q("认知障碍照护")).toBe(1);
    await ctx.db.updateTable("commitments").set({ indicator: "失智老人照护专区", quote: "新建失智老人照护专区12个。" }).where("id", "=", "extra").execute();
    expect(await q("认知障碍照护")).toBe(0);
    expect(await q("失智老人")).toBe(1);
  });
});

describeEachDatabase("the status cache at a new asOf", (ctx) => {
  it("fills every commitment in batches and filters by status exactly, across batch boundaries", async () => {
    const { listTrackedCommitments } = await import("../../app/services/tracking.server");
    await insertDocument(ctx.db, {
      id: "big", content_hash: "cbig", text_hash: "tbig", file_name: "big.txt", format: "txt", encoding: "utf-8", text: "正文",
      source: "test", agency: "某局", addressee: null, addressee_role: null, ref: null, session: null, title: "大文件",
      replied_on: "2024-01-10", region: null, co_agencies: "[]", kind: "reply", ingested_at: "2026-01-01T00:00:00Z", ingested_by: "test",
    });
    // 2,500 pledges: due 2024 (overdue at the asOf), due 2030 (not due), no deadline — three statuses, 3 fill batches.
    const rows: NewCommitment[] = Array.from({ length: 2500 }, (_, i) => ({
      id: `c${String(i).padStart(5, "0")}`, document_id: "big", ordinal: i, quote: `新增床位${i}张`, start_offset: 0, end_offset: 1,
      kind: "quantitative", indicator: "床位", target_value: 10, target_unit: "张", target_comparator: ">=", target_mode: "increment",
      due_date: i % 3 === 0 ? "2024-12-31" : i % 3 === 1 ? "2030-12-31" : null, due_precision: i % 3 === 2 ? null : "year",
      agency: "某局", needs_review: 0, origin: "extracted", created_at: "2026-01-01T00:00:00Z",
    }));
    await insertCommitments(ctx.db, rows);
    const count = async (status: Parameters<typeof listTrackedCommitments>[1]["status"]) =>
      (await listTrackedCommitments(ctx.db, { status, asOf: "2025-06-30", limit: 5, offset: 0 })).total;
    expect(await count("overdue_no_evidence")).toBe(834);
    expect(await count("not_due_no_data")).toBe(833);
    expect(await count("open_ended_no_data")).toBe(833);
    const cached = await ctx.db.selectFrom("status_cache").select((eb) => eb.fn.countAll<number>().as("n")).where("as_of", "=", "2025-06-30").executeTakeFirstOrThrow();
    expect(Number(cached.n)).toBe(2500);
  });
});
