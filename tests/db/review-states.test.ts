// Issue 9: every commitment and figure is 未核对, 已核对 or 已排除, in the lists, the API shapes and
// the export, and the lists filter by it.
import { expect, it } from "vitest";
import { confirmCommitment, editCommitment } from "../../app/services/commitment-edits.server";
import { exportRecords, type ExportRecord } from "../../app/services/export.server";
import { confirmObservation, excludeReading, restoreReading } from "../../app/services/review-states.server";
import { countCommitmentsByKind } from "../../app/models/commitment.server";
import { countObservations } from "../../app/models/observation.server";
import { listDocuments } from "../../app/models/document.server";
import {
  decideLink,
  getTrackedCommitment,
  listProposedLinks,
  listTrackedCommitments,
  PermissionError,
  reviewSummary,
  setOverride,
  ValidationError,
  type User,
} from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };
const ASOF = "2024-04-10";

async function collect(db: Parameters<typeof exportRecords>[0]): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const r of exportRecords(db, { asOf: ASOF })) out.push(r);
  return out;
}

describeEachDatabase("review states of what the machine read", (ctx) => {
  it("starts every reading unchecked; confirming or correcting one makes it checked, in lists, details and the export", async () => {
    await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const all = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0 });
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(new Set(all.items.map((c) => c.reviewState))).toEqual(new Set(["unchecked"]));
    const [first, second] = all.items;

    await confirmCommitment(ctx.db, { commitmentId: first!.id, actor: reviewer });
    // the row's version, where edits are versioned (decision 0027)
    const row = (await ctx.db.selectFrom("commitments").selectAll().where("id", "=", second!.id).executeTakeFirstOrThrow()) as { version?: number };
    await editCommitment(ctx.db, { commitmentId: second!.id, changes: { agency: "鹿城区民政局" }, reason: "落款为区民政局", actor: reviewer, ...({ version: row.version } as object) } as Parameters<typeof editCommitment>[1]);

    const checked = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, reviewState: "checked" });
    expect(checked.items.map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort());
    const unchecked = await listTrackedCommitments(ctx.db, { asOf: ASOF, limit: 50, offset: 0, reviewState: "unchecked" });
    expect(unchecked.total).toBe(all.total - 2);
    expect(unchecked.items.map((c) => c.id)).not.toContain(first!.id);

    expect(await getTrackedCommitment(ctx.db, second!.id, ASOF)).toMatchObject({ origin: "edited", reviewState: "checked", exclusion: null });

    const records = await collect(ctx.db);
    const exported = records.filter((r) => r.type === "commitment");
    expect(exported.find((r) => r.id === first!.id)).toMatchObject({ reviewState: "checked", origin: "confirmed" });
    expect(exported.find((r) => r.id === second!.id)).toMatchObject({ reviewState: "checked", origin: "edited" });
    expect(exported.filter((r) => r.reviewState === "unchecked")).toHaveLength(all.total - 2);
    for (const o of records.filter((r) => r.type === "observation")) expect(o).toMatchObject({ reviewState: "unchecked", exclusion: null });
  });

  it("excludes a false pledge with a reason: off every list, count, the annual review and the queue, kept in the history, restorable", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const [pledge] = (await listTrackedCommitments(ctx.db, { asOf: "2024-04-01", limit: 10, offset: 0 })).items;
    expect((await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).total).toBe(1);
    const year = Number(pledge!.due!.date.slice(0, 4));
    expect((await reviewSummary(ctx.db, { year, asOf: "2024-04-01", by: "agency" })).totals.total).toBe(1);
    const before = await countCommitmentsByKind(ctx.db);

    const agency: User = { id: "a", name: "填报员", role: "agency", agency: pledge!.agency ?? "" };
    await expect(excludeReading(ctx.db, { kind: "commitment", id: pledge!.id, actor: agency })).rejects.toBeInstanceOf(PermissionError);
    await excludeReading(ctx.db, { kind: "commitment", id: pledge!.id, reason: "这是代表的建议原文", actor: reviewer });
    await expect(excludeReading(ctx.db, { kind: "commitment", id: pledge!.id, actor: reviewer })).rejects.toBeInstanceOf(ValidationError);

    expect((await listTrackedCommitments(ctx.db, { asOf: "2024-04-01", limit: 10, offset: 0 })).total).toBe(0);
    expect((await countCommitmentsByKind(ctx.db)).total).toBe(before.total - 1);
    expect((await reviewSummary(ctx.db, { year, asOf: "2024-04-01", by: "agency" })).totals.total).toBe(0);
    expect((await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).total).toBe(0);
    const docs = await listDocuments(ctx.db, { limit: 10, offset: 0 });
    expect(docs.items.find((d) => d.id === pledge!.documentId)?.commitment_count).toBe(0);
    // staff still find it by asking for excluded readings, with who excluded it and why
    const excluded = await listTrackedCommitments(ctx.db, { asOf: "2024-04-01", limit: 10, offset: 0, reviewState: "excluded" });
    expect(excluded.items).toEqual([
      expect.objectContaining({ id: pledge!.id, reviewState: "excluded", exclusion: { at: expect.any(String), reason: "不是承诺：这是代表的建议原文", by: "审核员甲" } }),
    ]);

    await restoreReading(ctx.db, { kind: "commitment", id: pledge!.id, actor: reviewer });
    const restored = await getTrackedCommitment(ctx.db, pledge!.id, "2024-04-01");
    expect(restored).toMatchObject({ reviewState: "unchecked", exclusion: null });
    expect(restored?.history.map((e) => e.action)).toEqual(["link_proposed", "excluded", "restored"]);
    expect(restored?.history[1]).toMatchObject({ actor: "审核员甲", reason: "不是承诺：这是代表的建议原文", after: { reviewState: "excluded" } });
    expect((await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await countCommitmentsByKind(ctx.db)).total).toBe(before.total);
  });

  it("confirms a figure, excludes another as 不是进展数据, and refuses to exclude one that already counts as progress", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const figures = await ctx.db.selectFrom("observations").select("id").orderBy("id").execute();
    const [link] = (await listProposedLinks(ctx.db, { limit: 10, offset: 0 })).items;
    const linked = link!.observationId!;
    const others = figures.map((f) => f.id).filter((id) => id !== linked);
    const total = await countObservations(ctx.db);

    expect(others.length).toBeGreaterThanOrEqual(2);
    {
      await confirmObservation(ctx.db, { id: others[0]!, actor: reviewer });
      await expect(confirmObservation(ctx.db, { id: others[0]!, actor: reviewer })).rejects.toBeInstanceOf(ValidationError);
      await excludeReading(ctx.db, { kind: "observation", id: others[1]!, actor: reviewer });
      expect(await countObservations(ctx.db)).toBe(total - 1);
      expect(await countObservations(ctx.db, { states: ["checked"] })).toBe(1);
      const row = await ctx.db.selectFrom("observations").selectAll().where("id", "=", others[1]!).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ excluded_reason: "不是进展数据", excluded_by: "审核员甲" });
    }

    await decideLink(ctx.db, { linkId: link!.id, action: "confirm", actor: reviewer });
    await expect(excludeReading(ctx.db, { kind: "observation", id: linked, actor: reviewer })).rejects.toThrow(/已确认为承诺的进展/);
  });

  it("refuses an override the dates do not allow: no 未到期 for a pledge long past due", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    const [pledge] = (await listTrackedCommitments(ctx.db, { asOf: "2024-04-01", limit: 10, offset: 0 })).items;
    const dueYear = Number(pledge!.due!.date.slice(0, 4));
    const late = `${dueYear + 2}-03-01T08:00:00.000Z`;
    await expect(setOverride(ctx.db, { commitmentId: pledge!.id, status: "not_due_on_track", reason: "x", actor: reviewer, at: late })).rejects.toMatchObject({
      fieldErrors: { status: ["与期限不符"] },
    });
    await setOverride(ctx.db, { commitmentId: pledge!.id, status: "missed", reason: "统计公报显示未达标", actor: reviewer, at: late });
    await expect(setOverride(ctx.db, { commitmentId: pledge!.id, status: "missed", reason: "x", actor: reviewer, at: `${dueYear - 1}-06-01T08:00:00.000Z` })).rejects.toBeInstanceOf(ValidationError);
  });
});
