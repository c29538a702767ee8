import { expect, it } from "vitest";
import { backfillObservationKeys, backfillRegionKeys } from "../../app/services/link-proposals.server";
import {
  decideLink,
  getTrackedCommitment,
  listProposedLinks,
  listTrackedCommitments,
  PermissionError,
  type User,
} from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "u1", name: "审核员甲", role: "reviewer" };
const agencyUser: User = { id: "u2", name: "民政局填报员", role: "agency", agency: "宁波市民政局" };

const ingest = ingestFixture;

describeEachDatabase("tracking: links from later documents", (ctx) => {
  it("护理型床位占比55%（2025年）与2023年底58.9%：提议关联，确认后提前达成", async () => {
    const plan = await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    expect(plan.links).toBe(0);
    const bulletin = await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    expect(bulletin.links).toBe(1);

    const { items } = await listTrackedCommitments(ctx.db, { limit: 10, offset: 0, asOf: "2024-04-01" });
    expect(items).toHaveLength(1);
    const commitment = items[0]!;
    expect(commitment.person).toBe("张明");
    expect(commitment.status).not.toBe("achieved_on_time");

    const queue = await listProposedLinks(ctx.db, { limit: 10, offset: 0 });
    expect(queue.total).toBe(1);
    const link = queue.items[0]!;
    expect(link).toMatchObject({ state: "proposed", kind: "observation", commitmentId: commitment.id, value: 58.9 });
    expect(link.sourceQuote).toContain("58.9%");
    expect(link.sourceDocumentId).toBe(bulletin.documentId);
    expect(link.score).toBeGreaterThanOrEqual(0.6);
    expect(link.reasons.length).toBeGreaterThan(0);

    await expect(decideLink(ctx.db, { linkId: link.id, action: "confirm", actor: agencyUser })).rejects.toBeInstanceOf(PermissionError);
    const decided = await decideLink(ctx.db, { linkId: link.id, action: "confirm", reason: "同一统计口径", actor: reviewer });
    expect(decided.state).toBe("confirmed");
    expect(decided.updateId).not.toBeNull();

    const detail = await getTrackedCommitment(ctx.db, commitment.id, "2024-04-01");
    expect(detail?.status).toBe("achieved_on_time");
    expect(detail?.explanation).toContain("提前");
    expect(detail?.latest).toEqual({ value: 58.9, asOf: "2023-12-31" });
    expect(detail?.updates).toHaveLength(1);
    expect(detail?.updates[0]).toMatchObject({ source: "document", value: 58.9, documentId: bulletin.documentId });
    expect(detail?.links[0]?.state).toBe("confirmed");
    expect(detail?.history.map((e) => e.action)).toEqual(["link_proposed", "link_confirmed"]);
    expect(detail?.history[1]).toMatchObject({ actor: "审核员甲", reason: "同一统计口径" });
    // The status filter sees the confirmed update (the cache was invalidated in the transaction).
    const achieved = await listTrackedCommitments(ctx.db, { status: "achieved_on_time", limit: 10, offset: 0, asOf: "2024-04-01" });
    expect(achieved.total).toBe(1);
  });

  it("2017年建成站点1000个，2019年报告1221个：确认后判定为已达成", async () => {
    await ingest(ctx.db, "case2/2017-report-zhandian.txt");
    const later = await ingest(ctx.db, "case2/2019-report-zhandian.txt");
    expect(later.links).toBe(1);
    const { items } = await listProposedLinks(ctx.db, { limit: 10, offset: 0 });
    await decideLink(ctx.db, { linkId: items[0]!.id, action: "confirm", actor: reviewer });
    const detail = await getTrackedCommitment(ctx.db, items[0]!.commitmentId, "2020-02-01");
    expect(["achieved_on_time", "achieved_late"]).toContain(detail?.status);
    expect(detail?.latest?.value).toBe(1221);
  });

  it("民生实事：一季度建成老年食堂3家（目标15家，11月底前）→ 未到期，按进度判断", async () => {
    await ingest(ctx.db, "case3/2024-minsheng-shishi.txt");
    await ingest(ctx.db, "case3/2024-q1-progress.txt");
    const { items } = await listProposedLinks(ctx.db, { limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    await decideLink(ctx.db, { linkId: items[0]!.id, action: "confirm", actor: reviewer });
    const detail = await getTrackedCommitment(ctx.db, items[0]!.commitmentId, "2024-04-10");
    expect(["not_due_on_track", "not_due_behind"]).toContain(detail?.status);
    expect(detail?.explanation).toContain("3");
    // Past the deadline with only the Q1 figure, there is no evidence either way: overdue, not missed.
    const later = await getTrackedCommitment(ctx.db, items[0]!.commitmentId, "2024-12-15");
    expect(later?.status).toBe("overdue_no_evidence");
  });

  it("rejecting a link leaves the status alone and records who and why", async () => {
    await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const { items } = await listProposedLinks(ctx.db, { limit: 10, offset: 0 });
    await decideLink(ctx.db, { linkId: items[0]!.id, action: "reject", reason: "口径不同", actor: reviewer });
    const detail = await getTrackedCommitment(ctx.db, items[0]!.commitmentId, "2024-04-01");
    expect(detail?.updates).toHaveLength(0);
    expect(detail?.links[0]).toMatchObject({ state: "rejected", decidedBy: "审核员甲", reason: "口径不同" });
    await expect(decideLink(ctx.db, { linkId: items[0]!.id, action: "confirm", actor: reviewer })).rejects.toThrow(/已否决/);
  });

  it("revisions form a chain: each pledge is linked to the nearest earlier one, not to every ancestor", async () => {
    await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const second = await ingest(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    const third = await ingest(ctx.db, "../tracking-chain/2024-plan-huli-chuangwei-again.txt");
    const revisions = (await listProposedLinks(ctx.db, { limit: 20, offset: 0, kind: "revision" })).items;
    expect(revisions).toHaveLength(2);
    const thirdLink = revisions.find((l) => l.sourceDocumentId === third.documentId)!;
    const revised = await getTrackedCommitment(ctx.db, thirdLink.commitmentId, "2024-07-01");
    expect(revised?.documentId).toBe(second.documentId);
    expect(thirdLink).toMatchObject({ revisionKind: expect.stringMatching(/target_raised|date_moved_later/) });
  });

  it("a later pledge on the same indicator becomes a revision link with its kind", async () => {
    await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const revision = await ingest(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    expect(revision.links).toBeGreaterThanOrEqual(1);
    const { items } = await listProposedLinks(ctx.db, { limit: 10, offset: 0 });
    const link = items.find((l) => l.kind === "revision")!;
    expect(link.revisionKind).toBe("target_raised");
    expect(link.revisionDescription).toContain("提高");
    const earlier = await getTrackedCommitment(ctx.db, link.commitmentId, "2024-01-01");
    expect(earlier?.revisions).toEqual([expect.objectContaining({ direction: "later", commitmentId: link.laterCommitmentId })]);
    const later = await getTrackedCommitment(ctx.db, link.laterCommitmentId!, "2024-01-01");
    expect(later?.revisions).toEqual([expect.objectContaining({ direction: "earlier", commitmentId: link.commitmentId, revisionKind: "target_raised" })]);
  });
});

describeEachDatabase("tracking: quietly dropped pledges", (ctx) => {
  it("a follow-up that answers two of three pledges proposes the third as dropped; confirming keeps the lineage", async () => {
    const reply = await ingest(ctx.db, "dropped/2023-reply-lucheng.txt");
    const followUp = await ingest(ctx.db, "dropped/2024-followup-lucheng.txt");
    const dropped = (await listProposedLinks(ctx.db, { limit: 50, offset: 0, kind: "dropped" })).items;
    expect(dropped).toHaveLength(1);
    const link = dropped[0]!;
    expect(link).toMatchObject({ kind: "dropped", revisionKind: "dropped", sourceDocumentId: followUp.documentId, sourceQuote: "" });
    expect(link.revisionDescription).toContain("未再提及");
    expect(link.reasons.join("；")).toMatch(/3项.*2项/);
    const earlier = await getTrackedCommitment(ctx.db, link.commitmentId, "2024-11-01");
    expect(earlier?.indicator).toBe("家庭养老床位");
    expect(earlier?.documentId).toBe(reply.documentId);
    // The other two pledges were answered (a figure, a new target), not flagged.
    const all = await listProposedLinks(ctx.db, { limit: 50, offset: 0 });
    expect(all.items.filter((l) => l.kind !== "dropped").map((l) => l.commitmentId)).not.toContain(link.commitmentId);

    await decideLink(ctx.db, { linkId: link.id, action: "confirm", reason: "回头看报告未提及床位", actor: reviewer });
    const after = await getTrackedCommitment(ctx.db, link.commitmentId, "2024-11-01");
    expect(after?.links[0]).toMatchObject({ kind: "dropped", state: "confirmed" });
    expect(after?.history.map((e) => e.action)).toEqual(["link_proposed", "link_confirmed"]);
    // A confirmed update is not invented: dropping is lineage, the status still comes from evidence.
    expect(after?.updates).toHaveLength(0);
  });

  it("a later document from another agency, or one that answers a single pledge, flags nothing", async () => {
    await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    await ingest(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    expect((await listProposedLinks(ctx.db, { limit: 50, offset: 0, kind: "dropped" })).total).toBe(0);
  });

  it("a bulletin that reports two of a reply's many indicators is not a follow-up of it", async () => {
    await ingest(ctx.db, "../../../seeds/replies/2022-06-02-hangzhou-minzheng-xiaoshan34.txt");
    await ingest(ctx.db, "../tracking-e2e/2026-hangzhou-yanglao-gongbao.txt");
    const all = (await listProposedLinks(ctx.db, { limit: 50, offset: 0 })).items;
    expect(all.some((l) => l.kind === "observation" && l.value === 29.3)).toBe(true);
    expect(all.filter((l) => l.kind === "dropped")).toEqual([]);
  });
});

describeEachDatabase("tracking: the review queue's order", (ctx) => {
  it("oldest first by default, newest first or best score on request, and one kind at a time", async () => {
    await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    await new Promise((r) => setTimeout(r, 5));
    await ingest(ctx.db, "dropped/2023-reply-lucheng.txt");
    await ingest(ctx.db, "dropped/2024-followup-lucheng.txt");
    const oldest = (await listProposedLinks(ctx.db, { limit: 50, offset: 0 })).items;
    const newest = (await listProposedLinks(ctx.db, { limit: 50, offset: 0, order: "newest" })).items;
    const best = (await listProposedLinks(ctx.db, { limit: 50, offset: 0, order: "score" })).items;
    expect(oldest.length).toBeGreaterThan(2);
    const created = oldest.map((l) => l.createdAt);
    expect(created).toEqual([...created].sort());
    expect(oldest[0]!.value).toBe(58.9);
    expect(newest.map((l) => l.id)).toEqual([...oldest.map((l) => l.id)].reverse());
    const scores = best.map((l) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const observations = await listProposedLinks(ctx.db, { limit: 50, offset: 0, kind: "observation" });
    expect(observations.items.every((l) => l.kind === "observation")).toBe(true);
    expect(observations.total).toBe(oldest.filter((l) => l.kind === "observation").length);
  });
});

describeEachDatabase("tracking: link candidates by place", (ctx) => {
  it("commitments stored before place keys existed get them on the next ingest, and are found again", async () => {
    await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ctx.db.updateTable("commitments").set({ region_key: null }).execute();
    expect(await backfillRegionKeys(ctx.db, { force: true })).toBe(1);
    const rows = await ctx.db.selectFrom("commitments").select("region_key").execute();
    expect(rows).toEqual([{ region_key: "浙江省" }]);
    const bulletin = await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    expect(bulletin.links).toBe(1);
  });
});

describeEachDatabase("tracking: documents ingested out of order", (ctx) => {
  it("a pledge that arrives after the bulletin reporting on it is linked to that figure", async () => {
    const bulletin = await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    expect(bulletin.links).toBe(0);
    const plan = await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    expect(plan.links).toBe(1);
    const [link] = (await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).items;
    expect(link).toMatchObject({ kind: "observation", value: 58.9, sourceDocumentId: bulletin.documentId });
    await decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer });
    const detail = await getTrackedCommitment(ctx.db, link!.commitmentId, "2024-04-01");
    expect(detail?.documentId).toBe(plan.documentId);
    expect(detail?.status).toBe("achieved_on_time");
  });

  it("a pledge that arrives after the later pledge revising it is still its revision, in date order", async () => {
    const raised = await ingest(ctx.db, "revision/2023-plan-huli-chuangwei-raised.txt");
    const plan = await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    // the revision, and the plan's own "目前52%" offered to the 2023 pledge as a possible baseline (score 0.6)
    expect(plan.links).toBe(2);
    const [link, ...more] = (await listProposedLinks(ctx.db, { limit: 10, offset: 0, kind: "revision" })).items;
    expect(more).toEqual([]);
    expect(link).toMatchObject({ kind: "revision", revisionKind: "target_raised", sourceDocumentId: raised.documentId });
    const earlier = await getTrackedCommitment(ctx.db, link!.commitmentId, "2024-01-01");
    expect(earlier?.documentId).toBe(plan.documentId);
    expect(earlier?.revisions).toEqual([expect.objectContaining({ direction: "later", commitmentId: link!.laterCommitmentId })]);
  });

  it("figures stored before they had matching keys get them, and are found again", async () => {
    await ingest(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    await ctx.db.updateTable("observations").set({ indicator_head: null, unit_family: null, region_key: null }).execute();
    expect(await backfillObservationKeys(ctx.db, { force: true })).toBe(1);
    const plan = await ingest(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    expect(plan.links).toBe(1);
  });
});

describeEachDatabase("tracking: one figure per pledge, document and date", (ctx) => {
  const ingestText = async (text: string, fileName: string, documentDate: string) => {
    const { ingestFile } = await import("../../app/services/ingest.server");
    const r = await ingestFile(ctx.db, { bytes: new TextEncoder().encode(text), fileName, source: "test", actor: "test", documentDate });
    if (r.status !== "created") throw new Error(JSON.stringify(r));
    return r;
  };
  it("a figure said twice with the same value is one report; said again more precisely, both are proposed", async () => {
    await ingestText("河南省交通运输厅关于2025年农村公路建设的通知\n2025年,河南省将新改建农村公路5000公里以上。\n", "plan.txt", "2025-02-26");
    const report = await ingestText(
      "河南省交通运输厅通报\n2025年该省新改建农村公路超7603公里。\n河南省交通运输厅副厅长介绍,2025年,该省新改建农村公路7603.2公里,超额完成年度目标。\n2025年全省新改建农村公路7603.2公里。\n",
      "report.txt",
      "2026-02-11",
    );
    expect(report.links).toBe(2);
    const queue = await listProposedLinks(ctx.db, { limit: 10, offset: 0 });
    expect(queue.items.map((l) => l.value).sort()).toEqual([7603, 7603.2]);
  });
});
