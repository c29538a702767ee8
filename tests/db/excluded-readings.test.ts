// Issue 9 §2 (decision 0036): a reading a reviewer excluded — 不是承诺 / 不是进展数据 — counts
// nowhere. It is no candidate for the links proposed for a later document (on either side), no
// "dropped" pledge, no confirmable link on a page, and it leaves the published view everywhere;
// restoring it brings all of that back.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { confirmCommitment } from "../../app/services/commitment-edits.server";
import { getOverviewCounts } from "../../app/models/overview.server";
import { isDocumentPublished, listDocuments } from "../../app/models/document.server";
import { countProposedLinksOfDocument, excludeReading, restoreReading } from "../../app/services/review-states.server";
import { scopeFor } from "../../app/services/publication.server";
import { extract } from "../../app/extraction/index";
import { reextractDocument } from "../../app/services/reextract.server";
import { exportRecords, type ExportRecord } from "../../app/services/export.server";
import { listPendingReports, reviewProgressReport } from "../../app/services/progress-reviews.server";
import {
  addProgressUpdate,
  decideLink,
  getTrackedCommitment,
  importProgressSpreadsheet,
  listProposedLinks,
  listTrackedCommitments,
  reviewSummary,
  ValidationError,
  type User,
} from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };
const outside = scopeFor(null, {});
const ASOF = "2024-04-01";

/** Every link stored that touches `id`, on any side. */
async function linksOf(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("links")
    .selectAll()
    .where((eb) => eb.or([eb("commitment_id", "=", id), eb("observation_id", "=", id), eb("later_commitment_id", "=", id)]))
    .execute();
}

async function onlyPledgeOf(db: Kysely<Database>, documentId: string) {
  return db.selectFrom("commitments").selectAll().where("document_id", "=", documentId).executeTakeFirstOrThrow();
}

async function publishedExport(db: Kysely<Database>): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const r of exportRecords(db, { asOf: ASOF, scope: outside })) out.push(r);
  return out;
}

describeEachDatabase("excluded readings count nowhere", (ctx) => {
  it("a pledge excluded as 不是承诺 is no candidate for a later figure; restored, a later document's links reach it again", async () => {
    const plan = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const pledge = await onlyPledgeOf(ctx.db, plan.documentId);
    await excludeReading(ctx.db, { kind: "commitment", id: pledge.id, reason: "建议原文", actor: reviewer });

    // the 2024 bulletin's 58.9% would be proposed as its progress (tracking-links.test.ts)
    const bulletin = await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    expect(bulletin.links).toBe(0);
    expect(await linksOf(ctx.db, pledge.id)).toEqual([]);

    await restoreReading(ctx.db, { kind: "commitment", id: pledge.id, actor: reviewer });
    // a 2023 plan raising the target to 60% revises the restored pledge
    const raised = await ingestFixture(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    expect(raised.links).toBeGreaterThan(0);
    expect((await linksOf(ctx.db, pledge.id)).map((l) => l.kind)).toContain("revision");
  });

  it("a figure excluded as 不是进展数据 is no candidate for a pledge that arrives after it; restored, it is again", async () => {
    const bulletin = await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const figure = await ctx.db.selectFrom("observations").selectAll().where("document_id", "=", bulletin.documentId).executeTakeFirstOrThrow();
    await excludeReading(ctx.db, { kind: "observation", id: figure.id, actor: reviewer });

    // out of order (decision 0015): the 2022 plan arriving later would take the stored 58.9% as its progress
    const plan = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    expect(plan.links).toBe(0);
    expect(await linksOf(ctx.db, figure.id)).toEqual([]);

    await restoreReading(ctx.db, { kind: "observation", id: figure.id, actor: reviewer });
    await ingestFixture(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    expect((await linksOf(ctx.db, figure.id)).map((l) => l.kind)).toEqual(["observation"]);
  });

  it("an excluded pledge of an earlier reply is not proposed as quietly dropped by its follow-up", async () => {
    const reply = await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    // the one pledge the follow-up does not mention (tracking-links.test.ts: proposed as dropped)
    const beds = await ctx.db
      .selectFrom("commitments")
      .selectAll()
      .where("document_id", "=", reply.documentId)
      .where("indicator", "like", "%家庭养老床位%")
      .executeTakeFirstOrThrow();
    await excludeReading(ctx.db, { kind: "commitment", id: beds.id, actor: reviewer });
    await ingestFixture(ctx.db, "dropped/2024-followup-lucheng.txt");
    expect(await ctx.db.selectFrom("links").selectAll().where("kind", "=", "dropped").execute()).toEqual([]);
    // the follow-up still answers the two pledges that were promised
    const answered = await ctx.db.selectFrom("links").innerJoin("commitments", "commitments.id", "links.commitment_id").select("commitments.document_id").execute();
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(new Set(answered.map((a) => a.document_id))).toEqual(new Set([reply.documentId]));
  });

  it("a proposed link to an excluded figure is off the pledge's page and the document's count and cannot be confirmed until restored", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const bulletin = await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const [link] = (await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).items;
    expect(link).toBeDefined();
    expect(await countProposedLinksOfDocument(ctx.db, { documentId: bulletin.documentId })).toBe(1);

    await excludeReading(ctx.db, { kind: "observation", id: link!.observationId!, actor: reviewer });
    expect((await getTrackedCommitment(ctx.db, link!.commitmentId, ASOF))?.links).toEqual([]);
    expect(await countProposedLinksOfDocument(ctx.db, { documentId: bulletin.documentId })).toBe(0);
    await expect(decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer })).rejects.toBeInstanceOf(ValidationError);
    expect(await ctx.db.selectFrom("progress_updates").selectAll().execute()).toEqual([]);
    expect((await getTrackedCommitment(ctx.db, link!.commitmentId, ASOF))?.status).not.toBe("achieved_on_time");

    await restoreReading(ctx.db, { kind: "observation", id: link!.observationId!, actor: reviewer });
    expect((await getTrackedCommitment(ctx.db, link!.commitmentId, ASOF))?.links.map((l) => l.id)).toEqual([link!.id]);
    await decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer });
    expect((await getTrackedCommitment(ctx.db, link!.commitmentId, ASOF))?.status).toBe("achieved_on_time");
  });

  it("a checked pledge a reviewer then excludes leaves the published lists, counts, pages, annual review and export; restored, it is back as checked", async () => {
    const plan = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const pledge = await onlyPledgeOf(ctx.db, plan.documentId);
    await confirmCommitment(ctx.db, { commitmentId: pledge.id, actor: reviewer });
    const [link] = (await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).items;
    await decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer });
    const year = Number(pledge.due_date!.slice(0, 4));

    const published = async () => {
      const list = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 10, offset: 0, scope: outside });
      const byStatus = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 10, offset: 0, scope: outside, status: "achieved_on_time" });
      const byPerson = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 10, offset: 0, scope: outside, person: "张明" });
      const overview = await getOverviewCounts(ctx.db, { states: outside.states, publishedOnly: true });
      const documents = await listDocuments(ctx.db, { limit: 10, offset: 0, states: outside.states, publishedOnly: true });
      const review = await reviewSummary(ctx.db, { year, asOf: ASOF, by: "agency", scope: outside });
      const records = await publishedExport(ctx.db);
      return {
        list: list.items.map((c) => [c.id, c.reviewState]),
        byStatus: byStatus.total,
        byPerson: byPerson.total,
        commitments: overview.commitments.total,
        figures: overview.observations,
        documents: documents.items.map((d) => [d.id, d.commitment_count]),
        planPublished: await isDocumentPublished(ctx.db, { id: plan.documentId, states: outside.states }),
        page: (await getTrackedCommitment(ctx.db, pledge.id, ASOF, outside))?.reviewState ?? null,
        review: review.totals.total,
        exported: records.filter((r) => r.type !== "document").map((r) => r.type).sort(),
      };
    };
    const before = await published();
    expect(before).toMatchObject({
      list: [[pledge.id, "checked"]],
      byStatus: 1,
      byPerson: 1,
      commitments: 1,
      planPublished: true,
      page: "checked",
      review: 1,
      exported: ["commitment", "link", "observation"],
    });
    expect(before.documents).toContainEqual([plan.documentId, 1]);

    await excludeReading(ctx.db, { kind: "commitment", id: pledge.id, reason: "不是本单位的承诺", actor: reviewer });
    expect(await published()).toEqual({
      list: [],
      byStatus: 0,
      byPerson: 0,
      commitments: 0,
      // the bulletin's figure stays checked and published; only the pledge and its link are gone
      figures: before.figures,
      documents: before.documents.filter(([id]) => id !== plan.documentId),
      planPublished: false,
      page: null,
      review: 0,
      exported: ["observation"],
    });
    // staff do not count it either, unless they ask for excluded readings
    expect((await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 10, offset: 0 })).total).toBe(0);
    expect((await reviewSummary(ctx.db, { year, asOf: ASOF, by: "agency" })).totals.total).toBe(0);

    await restoreReading(ctx.db, { kind: "commitment", id: pledge.id, actor: reviewer });
    expect(await published()).toEqual(before);
  });

  it("re-extraction by a new engine neither adds an excluded reading again nor touches it, whether the engine still reads it or not", async () => {
    const reply = await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const [kept, dropped] = await ctx.db.selectFrom("commitments").selectAll().where("document_id", "=", reply.documentId).orderBy("ordinal").limit(2).execute();
    for (const c of [kept!, dropped!]) await excludeReading(ctx.db, { kind: "commitment", id: c.id, actor: reviewer });
    const excludedRows = async () => ctx.db.selectFrom("commitments").selectAll().where("id", "in", [kept!.id, dropped!.id]).orderBy("id").execute();
    const before = await excludedRows();
    // the new engine reads the first as before and no longer reads the second
    const engine = {
      version: "engine-test-excluded",
      extract: (text: string, options: { documentDate?: string }) => {
        const r = extract(text, options);
        return { ...r, commitments: r.commitments.filter((c) => c.start !== dropped!.start_offset) };
      },
    };
    const result = await reextractDocument(ctx.db, { documentId: reply.documentId, actor: reviewer, engine });
    expect(result).toMatchObject({ added: { commitments: 0, observations: 0 }, proposedForExclusion: { commitments: 0, observations: 0 } });
    expect(await excludedRows()).toEqual(before);
    expect((await reextractDocument(ctx.db, { documentId: reply.documentId, actor: reviewer, engine })).changed).toBe(false);
  });

  it("an agency reports nothing on an excluded pledge, and a report already waiting leaves the queue and cannot be verified until the pledge is restored", async () => {
    await ingestFixture(ctx.db, "case3/2024-minsheng-shishi.txt");
    const [pledge] = (await listTrackedCommitments(ctx.db, { asOf: "2024-08-01", limit: 5, offset: 0, agency: "慈溪市民政局" })).items;
    const cixi: User = { id: "a1", name: "慈溪填报员", role: "agency", agency: "慈溪市民政局" };
    const { updateId } = await addProgressUpdate(ctx.db, { commitmentId: pledge!.id, value: 9, asOf: "2024-07-31", actor: cixi, today: "2024-08-01" });
    expect((await listPendingReports(ctx.db, { limit: 10, offset: 0 })).total).toBe(1);

    await excludeReading(ctx.db, { kind: "commitment", id: pledge!.id, actor: reviewer });
    expect(await listPendingReports(ctx.db, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
    await expect(reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: reviewer })).rejects.toThrow(/已被审核人员排除/);
    await expect(addProgressUpdate(ctx.db, { commitmentId: pledge!.id, value: 10, asOf: "2024-07-31", actor: cixi, today: "2024-08-01" })).rejects.toMatchObject({
      fieldErrors: { commitmentId: ["该承诺已被审核人员排除（不是承诺）"] },
    });
    const csv = `承诺编号,数值,截至日期,说明\n${pledge!.id},11,2024-07-31,\n`;
    const imported = await importProgressSpreadsheet(ctx.db, { bytes: new TextEncoder().encode(csv), fileName: "p.csv", actor: cixi, importGoodRows: true, today: "2024-08-01" });
    expect(imported).toMatchObject({ imported: 0, errors: [{ row: 2, reason: "该承诺已被审核人员排除（不是承诺）" }] });

    await restoreReading(ctx.db, { kind: "commitment", id: pledge!.id, actor: reviewer });
    expect((await listPendingReports(ctx.db, { limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual([updateId]);
    await reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: reviewer });
    expect((await getTrackedCommitment(ctx.db, pledge!.id, "2024-08-01"))?.latest).toEqual({ value: 9, asOf: "2024-07-31" });
  });

  it("a confirmed revision is published only while the later pledge is checked and not excluded, on the page and in the export", async () => {
    const plan = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const raised = await ingestFixture(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    const earlier = await onlyPledgeOf(ctx.db, plan.documentId);
    const later = await onlyPledgeOf(ctx.db, raised.documentId);
    const [link] = (await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).items;
    expect(link).toMatchObject({ kind: "revision", commitmentId: earlier.id, laterCommitmentId: later.id });
    await confirmCommitment(ctx.db, { commitmentId: earlier.id, actor: reviewer });
    await decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer });

    const seen = async () => ({
      revisions: ((await getTrackedCommitment(ctx.db, earlier.id, ASOF, outside))?.revisions ?? []).map((r) => r.commitmentId),
      links: (await publishedExport(ctx.db)).filter((r) => r.type === "link").map((r) => r.id),
    });
    // the raising pledge is not checked yet: not published, nor the link that names it
    expect(await seen()).toEqual({ revisions: [], links: [] });
    await confirmCommitment(ctx.db, { commitmentId: later.id, actor: reviewer });
    expect(await seen()).toEqual({ revisions: [later.id], links: [link!.id] });

    await excludeReading(ctx.db, { kind: "commitment", id: later.id, actor: reviewer });
    expect(await seen()).toEqual({ revisions: [], links: [] });
    // staff keep the decided link as history
    expect((await getTrackedCommitment(ctx.db, earlier.id, ASOF))?.revisions.map((r) => r.commitmentId)).toEqual([later.id]);
    await restoreReading(ctx.db, { kind: "commitment", id: later.id, actor: reviewer });
    expect(await seen()).toEqual({ revisions: [later.id], links: [link!.id] });
  });
});
