import { expect, it } from "vitest";
import { ConflictError, confirmCommitment, editCommitment, listNeedingReview } from "../../app/services/commitment-edits.server";
import { ingestFile } from "../../app/services/ingest.server";
import { getTrackedCommitment, listTrackedCommitments, NotFoundError, PermissionError, ValidationError, withdrawCommitment, type User } from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "u1", name: "审核员甲", role: "reviewer" };
const agency: User = { id: "u2", name: "鹿城民政", role: "agency", agency: "温州市鹿城区民政局" };

async function pledges(db: Parameters<typeof ingestFile>[0]) {
  await ingestFixture(db, "dropped/2023-reply-lucheng.txt");
  const items = (await listTrackedCommitments(db, { person: "林华", asOf: "2024-03-01", limit: 10, offset: 0 })).items;
  // 老年食堂 20家 first, whatever order the list gives
  return [...items].sort((a, b) => Number(b.indicator === "老年食堂") - Number(a.indicator === "老年食堂"));
}

describeEachDatabase("a reviewer checks what the extractor found", (ctx) => {
  it("corrects a target and a date with a reason: only what changed is recorded, and the status follows", async () => {
    const [first] = await pledges(ctx.db);
    expect(first).toMatchObject({ indicator: "老年食堂", origin: "extracted", target: { value: 20 } });
    const { changed } = await editCommitment(ctx.db, {
      commitmentId: first!.id,
      version: first!.version,
      changes: { indicator: "老年食堂", targetValue: 25, dueDate: "2025-06-30", duePrecision: "month" },
      reason: "原文附件写明25家，期限为2025年6月",
      actor: reviewer,
      at: "2024-03-02T00:00:00.000Z",
    });
    expect(changed.sort()).toEqual(["dueDate", "duePrecision", "targetValue"]);
    const detail = await getTrackedCommitment(ctx.db, first!.id, "2024-03-02");
    expect(detail).toMatchObject({ origin: "edited", needsReview: false, target: { value: 25 }, due: { date: "2025-06-30", precision: "month" } });
    expect(detail?.quote).toBe(first!.quote); // the evidence does not change
    const edit = detail!.history.find((e) => e.action === "edited")!;
    expect(edit).toMatchObject({
      actor: "审核员甲",
      reason: "原文附件写明25家，期限为2025年6月",
      before: { targetValue: 20, dueDate: "2024-12-31", duePrecision: "year" },
      after: { targetValue: 25, dueDate: "2025-06-30", duePrecision: "month" },
    });
    expect(detail?.explanation).toContain("25");
  });

  it("refuses bad fields by name, an empty reason, no change, and non-reviewers; stores nothing then", async () => {
    const [first] = await pledges(ctx.db);
    const edit = (changes: object, reason = "核对原文", actor = reviewer) =>
      editCommitment(ctx.db, { commitmentId: first!.id, version: first!.version, changes: changes as never, reason, actor });
    await expect(edit({ dueDate: "2025-02-30" })).rejects.toMatchObject({ fieldErrors: { dueDate: ["日期格式应为YYYY-MM-DD"] } });
    await expect(edit({ targetValue: 30, targetValueMax: 10 })).rejects.toMatchObject({ fieldErrors: { targetValueMax: ["区间上限不能小于下限"] } });
    await expect(edit({ indicator: " " })).rejects.toMatchObject({ fieldErrors: { indicator: ["指标不能为空"] } });
    await expect(edit({ targetValue: 25 }, " ")).rejects.toMatchObject({ fieldErrors: { reason: ["请写明修改理由"] } });
    await expect(edit({ targetValue: 20 })).rejects.toBeInstanceOf(ValidationError); // the same value: no change
    await expect(edit({ targetValue: 25 }, "核对", agency)).rejects.toBeInstanceOf(PermissionError);
    await expect(editCommitment(ctx.db, { commitmentId: "nope", version: 1, changes: { targetValue: 1 }, reason: "x", actor: reviewer })).rejects.toBeInstanceOf(NotFoundError);
    await expect(editCommitment(ctx.db, { commitmentId: first!.id, changes: { targetValue: 25 }, reason: "核对", actor: reviewer } as never)).rejects.toMatchObject({
      fieldErrors: { version: ["缺少版本号"] },
    });
    const detail = await getTrackedCommitment(ctx.db, first!.id, "2024-03-02");
    expect(detail).toMatchObject({ origin: "extracted", target: { value: 20 } });
    expect(detail?.history).toEqual([]);
  });

  it("confirms an extraction once, which takes it off the list of pledges to check", async () => {
    const items = await pledges(ctx.db);
    await ctx.db.updateTable("commitments").set({ needs_review: 1 }).execute();
    const before = await listNeedingReview(ctx.db, { limit: 10, offset: 0 });
    expect(before.total).toBe(items.length);
    await confirmCommitment(ctx.db, { commitmentId: items[0]!.id, actor: reviewer });
    await expect(confirmCommitment(ctx.db, { commitmentId: items[0]!.id, actor: reviewer })).rejects.toBeInstanceOf(ValidationError);
    await expect(confirmCommitment(ctx.db, { commitmentId: items[1]!.id, actor: agency })).rejects.toBeInstanceOf(PermissionError);
    const after = await listNeedingReview(ctx.db, { limit: 10, offset: 0 });
    expect(after.total).toBe(items.length - 1);
    expect(after.ids).not.toContain(items[0]!.id);
    const detail = await getTrackedCommitment(ctx.db, items[0]!.id, "2024-03-02");
    expect(detail).toMatchObject({ origin: "confirmed", needsReview: false });
    expect(detail?.history.map((e) => e.action)).toEqual(["confirmed"]);
  });

  it("refuses an edit made from an older version with 已被他人修改 and the current values, writing nothing", async () => {
    const [first] = await pledges(ctx.db);
    expect(first!.version).toBe(1);
    // two reviewers open the same form (version 1); the first saves
    const saved = await editCommitment(ctx.db, { commitmentId: first!.id, version: 1, changes: { targetValue: 25 }, reason: "附件写明25家", actor: reviewer });
    expect(saved).toEqual({ changed: ["targetValue"], version: 2 });
    const stale = await editCommitment(ctx.db, {
      commitmentId: first!.id,
      version: 1,
      changes: { targetValue: 30, agency: "另一个单位" },
      reason: "旧表单",
      actor: { id: "u3", name: "审核员乙", role: "reviewer" },
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const conflict = stale as ConflictError;
    expect(conflict.message).toMatch(/^已被他人修改：审核员甲于/);
    expect(conflict.current).toMatchObject({ version: 2, targetValue: 25, indicator: "老年食堂", agency: first!.agency });
    const detail = await getTrackedCommitment(ctx.db, first!.id, "2024-03-02");
    expect(detail).toMatchObject({ version: 2, target: { value: 25 }, agency: first!.agency });
    expect(detail?.history.map((e) => e.action)).toEqual(["edited"]);
    // from the current version it goes through
    expect((await editCommitment(ctx.db, { commitmentId: first!.id, version: 2, changes: { targetValue: 30 }, reason: "再次核对", actor: reviewer })).version).toBe(3);
  });

  it("changes only the fields an edit sends", async () => {
    const [first] = await pledges(ctx.db);
    await editCommitment(ctx.db, { commitmentId: first!.id, version: 1, changes: { agency: "鹿城区民政局" }, reason: "落款", actor: reviewer });
    const detail = await getTrackedCommitment(ctx.db, first!.id, "2024-03-02");
    expect(detail).toMatchObject({ agency: "鹿城区民政局", indicator: first!.indicator, target: first!.target, due: first!.due, baseline: first!.baseline, kind: first!.kind });
  });

  it("of two reviewers saving from the same version at once, one wins and the other is told, round after round", async () => {
    const [first] = await pledges(ctx.db);
    let version = 1;
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled(
        [100 + round, 200 + round].map((targetValue, i) =>
          editCommitment(ctx.db, {
            commitmentId: first!.id,
            version,
            changes: { targetValue },
            reason: `第${round}轮`,
            actor: { id: `u${i}`, name: `审核员${i}`, role: "reviewer" },
          }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      version++;
      const row = await ctx.db.selectFrom("commitments").select(["version", "target_value"]).where("id", "=", first!.id).executeTakeFirstOrThrow();
      expect(row.version).toBe(version);
      expect((lost[0]!.reason as ConflictError).current.targetValue).toBe(row.target_value);
    }
    const events = await ctx.db.selectFrom("events").select("id").where("entity_id", "=", first!.id).where("action", "=", "edited").execute();
    expect(events).toHaveLength(10);
  });

  it("a withdrawal raises the version too, and a confirmation from before it is refused", async () => {
    const [first, second] = await pledges(ctx.db);
    await withdrawCommitment(ctx.db, { commitmentId: first!.id, reason: "重复记录", actor: reviewer });
    const row = await ctx.db.selectFrom("commitments").select("version").where("id", "=", first!.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    await editCommitment(ctx.db, { commitmentId: second!.id, version: 1, changes: { agency: "鹿城区民政局" }, reason: "落款", actor: reviewer });
    await expect(confirmCommitment(ctx.db, { commitmentId: second!.id, version: 1, actor: reviewer })).rejects.toBeInstanceOf(ConflictError);
  });
});
