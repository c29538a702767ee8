// Issue 9 §4: outside the office only what was checked counts — lists, totals, the overview, the
// documents, the annual review, a commitment's page — and a deputy's notes, evidence files,
// proposed links and staff names stay private whatever the setting.
import { expect, it } from "vitest";
import { confirmCommitment } from "../../app/services/commitment-edits.server";
import { getOverviewCounts } from "../../app/models/overview.server";
import { isDocumentPublished, listDocuments } from "../../app/models/document.server";
import { registerDisagreement } from "../../app/services/disagreements.server";
import { getEvidenceFileFor, publishEvidence } from "../../app/services/evidence.server";
import { scopeFor } from "../../app/services/publication.server";
import { exportRecords, type ExportRecord } from "../../app/services/export.server";
import {
  addProgressUpdate,
  decideLink,
  getTrackedCommitment,
  listProposedLinks,
  listTrackedCommitments,
  reviewSummary,
  setOverride,
  type User,
} from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };
const ASOF = "2024-04-10";
const outside = scopeFor(null, {});
const outsideWithUnchecked = scopeFor(null, { PUBLISH_UNCHECKED: "1" });
const staff = scopeFor(reviewer, {});

describeEachDatabase("publishing only what was checked", (ctx) => {
  it("counts, lists, documents and the annual review show outsiders the checked pledges only; the setting adds the unchecked, marked", async () => {
    await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const plan = await ingestFixture(ctx.db, "case3/2024-minsheng-shishi.txt");
    const everything = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, scope: staff });
    const year = 2024;
    const staffReview = await reviewSummary(ctx.db, { year, asOf: "2024-12-31", by: "agency", scope: staff });
    expect(staffReview.totals.total).toBeGreaterThan(0);
    expect(staffReview.totals.unchecked).toBe(staffReview.totals.total);

    // nothing checked: nothing published
    expect((await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, scope: outside })).total).toBe(0);
    expect(await getOverviewCounts(ctx.db, { states: outside.states, publishedOnly: true })).toMatchObject({ documents: 0, commitments: { total: 0 }, observations: 0 });
    expect((await listDocuments(ctx.db, { limit: 10, offset: 0, states: outside.states, publishedOnly: true })).total).toBe(0);
    expect((await reviewSummary(ctx.db, { year, asOf: "2024-12-31", by: "agency", scope: outside })).totals.total).toBe(0);
    expect(await getTrackedCommitment(ctx.db, everything.items[0]!.id, ASOF, outside)).toBeNull();

    // one pledge of the 2024 plan checked: it, and its document, are published
    const pledge = everything.items.find((c) => c.documentId === plan.documentId)!;
    await confirmCommitment(ctx.db, { commitmentId: pledge.id, actor: reviewer });
    const published = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, scope: outside });
    expect(published.items.map((c) => [c.id, c.reviewState])).toEqual([[pledge.id, "checked"]]);
    expect(await getOverviewCounts(ctx.db, { states: outside.states, publishedOnly: true })).toMatchObject({ documents: 1, commitments: { total: 1 }, observations: 0 });
    const docs = await listDocuments(ctx.db, { limit: 10, offset: 0, states: outside.states, publishedOnly: true });
    expect(docs.items.map((d) => [d.id, d.commitment_count])).toEqual([[plan.documentId, 1]]);
    expect(await isDocumentPublished(ctx.db, { id: plan.documentId, states: outside.states })).toBe(true);
    const review = await reviewSummary(ctx.db, { year, asOf: "2024-12-31", by: "agency", scope: outside });
    expect(review.totals).toMatchObject({ total: 1, unchecked: 0 });
    // asking for unchecked ones outside the office gives nothing
    expect((await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, scope: outside, reviewState: "unchecked" })).total).toBe(0);

    // PUBLISH_UNCHECKED=1: the unchecked are published too, each with its mark; excluded never
    const all = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, scope: outsideWithUnchecked });
    expect(all.total).toBe(everything.total);
    expect(all.items.filter((c) => c.reviewState === "checked").map((c) => c.id)).toEqual([pledge.id]);
    expect((await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, scope: outsideWithUnchecked, reviewState: "excluded" })).total).toBe(0);
    expect((await reviewSummary(ctx.db, { year, asOf: "2024-12-31", by: "agency", scope: outsideWithUnchecked })).totals.total).toBe(staffReview.totals.total);
  });

  it("keeps a deputy's notes, evidence files, proposed links and staff names private on a published pledge", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const [pledge] = (await listTrackedCommitments(ctx.db, { asOf: "2024-04-01", limit: 10, offset: 0 })).items;
    await ctx.db.insertInto("users").values({ id: "r", name: "审核员甲", role: "reviewer", agency: null, person: null, password_hash: "x", created_at: "2024-01-01" }).execute();
    await confirmCommitment(ctx.db, { commitmentId: pledge!.id, actor: reviewer });
    const deputy: User = { id: "d", name: "张明", role: "deputy", person: pledge!.person ?? "张明" };
    await registerDisagreement(ctx.db, { commitmentId: pledge!.id, note: "实际护理型床位不到一半", actor: deputy });
    const { updateId } = await addProgressUpdate(ctx.db, {
      commitmentId: pledge!.id, value: 50, asOf: "2024-03-31", evidenceFile: { name: "核查表.xlsx", bytes: new Uint8Array([1, 2, 3]) }, actor: reviewer, today: "2024-04-01",
    });
    await setOverride(ctx.db, { commitmentId: pledge!.id, status: "not_due_behind", reason: "实地核查", actor: reviewer, at: "2024-03-31T08:00:00.000Z" });

    const seen = (await getTrackedCommitment(ctx.db, pledge!.id, "2024-04-01", outside))!;
    expect(seen).not.toBeNull();
    expect(seen.disagreements).toEqual([]);
    expect(seen.links).toEqual([]); // the bulletin's link is only proposed
    expect(seen.updates[0]).toMatchObject({ evidenceFileName: null, evidenceFileHidden: true, reportedBy: "审核人员" });
    expect(seen.override?.by).toBe("审核人员");
    expect(seen.explanation).not.toContain("审核员甲");
    const text = JSON.stringify(seen.history);
    expect(text).not.toContain("审核员甲");
    expect(text).not.toContain("实际护理型床位");
    expect(seen.history.map((e) => e.action)).not.toContain("link_proposed");
    expect(seen.history.find((e) => e.action === "confirmed")?.actor).toBe("审核人员");
    expect(await getEvidenceFileFor(ctx.db, updateId, outside)).toBeNull();

    // the deputy concerned reads their own note; staff read everything
    const own = (await getTrackedCommitment(ctx.db, pledge!.id, "2024-04-01", scopeFor(deputy, {})))!;
    expect(own.disagreements.map((d) => d.note)).toEqual(["实际护理型床位不到一半"]);
    const office = (await getTrackedCommitment(ctx.db, pledge!.id, "2024-04-01", staff))!;
    expect(office.links).toHaveLength(1);
    expect(office.updates[0]).toMatchObject({ evidenceFileName: "核查表.xlsx", reportedBy: "审核员甲" });
    expect(await getEvidenceFileFor(ctx.db, updateId, staff)).not.toBeNull();
    // the agency concerned reads the file; once published, anyone does
    const agency = scopeFor({ id: "a", name: "填报员", role: "agency", agency: pledge!.agency ?? "" }, {});
    expect(await getEvidenceFileFor(ctx.db, updateId, agency)).not.toBeNull();
    await publishEvidence(ctx.db, { updateId, actor: reviewer });
    expect(await getEvidenceFileFor(ctx.db, updateId, outside)).toMatchObject({ fileName: "核查表.xlsx" });
  });

  it("exports what a signed-out visitor sees with --published: published documents, checked readings, confirmed links, roles for names", async () => {
    const plan = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const bulletin = await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    await ctx.db.insertInto("users").values({ id: "r", name: "审核员甲", role: "reviewer", agency: null, person: null, password_hash: "x", created_at: "2024-01-01" }).execute();
    const [pledge] = (await listTrackedCommitments(ctx.db, { asOf: "2024-04-01", limit: 1, offset: 0, q: "护理型床位" })).items;
    await confirmCommitment(ctx.db, { commitmentId: pledge!.id, actor: reviewer });
    const [link] = (await listProposedLinks(ctx.db, { limit: 5, offset: 0 })).items;
    await decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer });
    const collect = async (scope?: ReturnType<typeof scopeFor>) => {
      const out: ExportRecord[] = [];
      for await (const r of exportRecords(ctx.db, { asOf: "2024-04-01", ...(scope ? { scope } : {}) })) out.push(r);
      return out;
    };
    const records = await collect(outside);
    expect(records.filter((r) => r.type === "document").map((r) => r.id).sort()).toEqual([plan.documentId, bulletin.documentId].sort());
    expect(records.filter((r) => r.type === "commitment").map((r) => r.id)).toEqual([pledge!.id]);
    // confirming the link checked the bulletin's figure
    expect(records.filter((r) => r.type === "observation").map((r) => (r as { id: string }).id)).toEqual([link!.observationId]);
    expect(records.filter((r) => r.type === "link")).toEqual([expect.objectContaining({ id: link!.id, state: "confirmed", decidedBy: "审核人员" })]);
    // the office's copy has everything, each with its state
    const all = await collect();
    expect(all.filter((r) => r.type === "commitment").length).toBeGreaterThan(1);
    expect(all.find((r) => r.type === "link")).toMatchObject({ decidedBy: "审核员甲" });
  });
});
