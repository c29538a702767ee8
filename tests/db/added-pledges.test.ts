// Issue 9 §1 and §3: a reviewer adds a pledge the extractor missed, from a span of the full text
// pre-filled by the engine; the extraction queue lists unchecked readings oldest document first.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { addCommitment, draftForDocument, draftFromSpan, sentenceAround } from "../../app/services/added-pledges.server";
import { ingestFile } from "../../app/services/ingest.server";
import { confirmObservation, excludeReading, listUncheckedQueue } from "../../app/services/review-states.server";
import { getTrackedCommitment, listTrackedCommitments, PermissionError, ValidationError, type User } from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };
const REPLY = fileURLToPath(new URL("../fixtures/review-e2e/2026-qingshan-yanglao-reply.txt", import.meta.url));
const MISSED = "各街道年内都要配齐一名专职养老服务专干。";

it("picks the sentence around a click, with its closing mark and without the line's indent", () => {
  const text = "一、进展\n  截至2025年底，建成8个。下一步，新建30个；力争覆盖80%。\n";
  const at = text.indexOf("新建");
  const s = sentenceAround(text, at);
  expect(text.slice(s.start, s.end)).toBe("下一步，新建30个；");
  const first = sentenceAround(text, text.indexOf("截至") + 1);
  expect(text.slice(first.start, first.end)).toBe("截至2025年底，建成8个。");
});

it("pre-fills a missed pledge from the engine's own reading of the span", () => {
  const text = "截至2025年底，全区建成老年食堂45家。各街道年内都要新建老年食堂2家。";
  const start = text.indexOf("各街道");
  const draft = draftFromSpan(text, { start, end: text.length }, { documentDate: "2026-03-20", agency: "青山区民政局" });
  expect(draft).toMatchObject({ kind: "quantitative", targetValue: 2, targetUnit: "家", agency: "青山区民政局", quote: text.slice(start) });
  expect(draft.source === "engine" || draft.source === "engine-as-pledge").toBe(true);
  const vague = draftFromSpan("要进一步加强队伍建设。", { start: 0, end: 11 }, { documentDate: null, agency: null });
  expect(vague.indicator.length).toBeGreaterThan(0);
  expect(() => draftFromSpan("abc", { start: 2, end: 1 }, { documentDate: null, agency: null })).toThrow(ValidationError);
});

describeEachDatabase("adding missed pledges and the extraction queue", (ctx) => {
  it("adds a pledge from a span with its quote and offsets, marked as added by the reviewer, checked, with an event", async () => {
    const stored = await ingestFile(ctx.db, { bytes: new Uint8Array(fs.readFileSync(REPLY)), fileName: "reply.txt", source: "test", actor: "tester" });
    if (stored.status !== "created") throw new Error("not stored");
    const doc = await ctx.db.selectFrom("documents").select("text").where("id", "=", stored.documentId).executeTakeFirstOrThrow();
    const start = doc.text.indexOf(MISSED);
    const end = start + MISSED.length;
    const draft = await draftForDocument(ctx.db, { documentId: stored.documentId, start, end });
    expect(draft.quote).toBe(MISSED);
    await expect(addCommitment(ctx.db, { documentId: stored.documentId, start, end, fields: { kind: "milestone", indicator: "专职养老服务专干" }, actor: { id: "a", name: "x", role: "agency", agency: "青山区民政局" } })).rejects.toBeInstanceOf(PermissionError);
    await expect(addCommitment(ctx.db, { documentId: stored.documentId, start: end, end: start, fields: { kind: "milestone", indicator: "x" }, actor: reviewer })).rejects.toBeInstanceOf(ValidationError);
    await expect(addCommitment(ctx.db, { documentId: stored.documentId, start, end, fields: { kind: "quantitative", indicator: "专干" }, actor: reviewer })).rejects.toMatchObject({ fieldErrors: { targetValue: ["请填写目标值"] } });

    const { commitmentId } = await addCommitment(ctx.db, {
      documentId: stored.documentId,
      start,
      end,
      fields: { kind: "quantitative", indicator: "配齐专职养老服务专干的街道比例", targetValue: 100, targetUnit: "%", targetComparator: ">=", dueDate: "2026-12-31", duePrecision: "year" },
      actor: reviewer,
    });
    const added = await getTrackedCommitment(ctx.db, commitmentId, "2026-04-01");
    expect(added).toMatchObject({ origin: "added", reviewState: "checked", addedBy: "审核员甲", quote: MISSED, document: { startOffset: start, endOffset: end }, due: { date: "2026-12-31" } });
    expect(added?.history.map((e) => e.action)).toEqual(["added"]);
    expect(added?.history[0]).toMatchObject({ actor: "审核员甲", after: { start, end, indicator: "配齐专职养老服务专干的街道比例" } });
    const all = await listTrackedCommitments(ctx.db, { asOf: "2026-04-01", limit: 50, offset: 0, reviewState: "checked" });
    expect(all.items.map((c) => c.id)).toEqual([commitmentId]);
  });

  it("lists unchecked pledges and figures oldest document first, in text order, and drops what was decided", async () => {
    const older = await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const newer = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const queue = await listUncheckedQueue(ctx.db, { limit: 50 });
    expect(queue.total).toBe(older.commitments + older.observations + newer.commitments + newer.observations);
    expect(queue.items.map((i) => i.documentId)).toEqual([
      ...Array(older.commitments + older.observations).fill(older.documentId),
      ...Array(newer.commitments + newer.observations).fill(newer.documentId),
    ]);
    const firstDoc = queue.items.filter((i) => i.documentId === older.documentId).map((i) => i.start);
    expect(firstDoc).toEqual([...firstDoc].sort((a, b) => a - b));
    const [a, b] = queue.items;
    if (a!.kind === "observation") await confirmObservation(ctx.db, { id: a!.id, actor: reviewer });
    else await excludeReading(ctx.db, { kind: "commitment", id: a!.id, actor: reviewer });
    await excludeReading(ctx.db, { kind: b!.kind, id: b!.id, actor: reviewer });
    const after = await listUncheckedQueue(ctx.db, { limit: 50 });
    expect(after.total).toBe(queue.total - 2);
    expect(after.items.map((i) => i.id)).not.toContain(a!.id);
    const one = await listUncheckedQueue(ctx.db, { documentId: newer.documentId, limit: 50 });
    expect(one.items.every((i) => i.documentId === newer.documentId)).toBe(true);
    expect(one.total).toBe(newer.commitments + newer.observations);
  });
});
