// Issue 10 item 4 beyond field edits (docs/decisions/0038), on SQLite and PostgreSQL: every verdict
// on a commitment or a figure names the version it was made from and raises it; one made from a
// stale page is refused with 已被他人修改 and what the row holds now, writing nothing. Links, reports
// and objections only move forward, so a decision on one someone else decided is refused the same way.
import { expect, it } from "vitest";
import { ConflictError, confirmCommitment, editCommitment } from "../../app/services/commitment-edits.server";
import { resolveDisagreement, registerDisagreement } from "../../app/services/disagreements.server";
import { correctProgressReport, reviewProgressReport, withdrawProgressReport } from "../../app/services/progress-reviews.server";
import { confirmObservation, excludeReading, restoreReading } from "../../app/services/review-states.server";
import {
  addProgressUpdate,
  decideLink,
  getTrackedCommitment,
  listProposedLinks,
  listTrackedCommitments,
  setOverride,
  StaleError,
  withdrawCommitment,
  type User,
} from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const first: User = { id: "r1", name: "审核员甲", role: "reviewer" };
const second: User = { id: "r2", name: "审核员乙", role: "reviewer" };
const deputy: User = { id: "d1", name: "林华", role: "deputy", person: "林华" };
const cixi: User = { id: "a1", name: "慈溪填报员", role: "agency", agency: "慈溪市民政局" };

/** The refusal a promise ends in (it must end in one). */
async function refusal<T extends Error>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error("the stale change was accepted");
}

describeEachDatabase("every verdict carries its version", (ctx) => {
  async function pledges() {
    await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    return (await listTrackedCommitments(ctx.db, { person: "林华", asOf: "2024-03-01", limit: 10, offset: 0 })).items;
  }
  const versionOf = async (id: string) => (await ctx.db.selectFrom("commitments").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;

  it("a confirmation made from a version someone else moved on is refused with the current values; one from the current version is stored", async () => {
    const [c] = await pledges();
    // another reviewer sets the status by hand: the commitment is still unchecked, at a new version
    const { version } = await setOverride(ctx.db, { commitmentId: c!.id, status: "not_due_behind", reason: "附件说明进度滞后", version: c!.version, actor: second, at: "2024-03-01T01:00:00.000Z" });
    expect(version).toBe(c!.version + 1);

    const stale = await refusal<ConflictError>(confirmCommitment(ctx.db, { commitmentId: c!.id, version: c!.version, actor: first }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toBe("已被他人修改：审核员乙于2024-03-01 01:00（UTC）修改过这项承诺，请核对当前内容后重新提交。");
    expect(stale.current).toMatchObject({ version, indicator: c!.indicator, agency: c!.agency });
    expect(stale.details()).toMatchObject({ reviewState: "unchecked", lastChange: { actor: "审核员乙", action: "status_overridden" } });
    expect((await getTrackedCommitment(ctx.db, c!.id, "2024-03-02"))?.origin).toBe("extracted");

    expect(await confirmCommitment(ctx.db, { commitmentId: c!.id, version, actor: first })).toEqual({ version: version + 1 });
    expect((await getTrackedCommitment(ctx.db, c!.id, "2024-03-02"))?.reviewState).toBe("checked");
  });

  it("excluding and restoring raise the version; an exclusion made before another reviewer's correction is refused", async () => {
    const [c] = await pledges();
    await editCommitment(ctx.db, { commitmentId: c!.id, version: c!.version, changes: { targetValue: 25 }, reason: "附件写明25家", actor: second });
    const stale = await refusal<ConflictError>(excludeReading(ctx.db, { kind: "commitment", id: c!.id, version: c!.version, actor: first }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ targetValue: 25, version: c!.version + 1 });
    expect((await getTrackedCommitment(ctx.db, c!.id, "2024-03-02"))?.reviewState).toBe("checked");

    const excluded = await excludeReading(ctx.db, { kind: "commitment", id: c!.id, version: c!.version + 1, actor: first });
    expect(excluded).toEqual({ state: "excluded", version: c!.version + 2 });
    // a restore from the page as it was before the exclusion is stale too
    await expect(restoreReading(ctx.db, { kind: "commitment", id: c!.id, version: c!.version + 1, actor: second })).rejects.toBeInstanceOf(ConflictError);
    expect(await restoreReading(ctx.db, { kind: "commitment", id: c!.id, version: c!.version + 2, actor: second })).toEqual({ state: "checked", version: c!.version + 3 });
  });

  it("of two overrides or withdrawals made from the same version, the second is refused", async () => {
    const [c, d] = await pledges();
    await setOverride(ctx.db, { commitmentId: c!.id, status: "not_due_behind", reason: "甲的判断", version: c!.version, actor: first, at: "2024-03-01T01:00:00.000Z" });
    await expect(setOverride(ctx.db, { commitmentId: c!.id, status: "not_due_behind", reason: "乙的判断", version: c!.version, actor: second, at: "2024-03-01T02:00:00.000Z" })).rejects.toBeInstanceOf(ConflictError);
    expect((await getTrackedCommitment(ctx.db, c!.id, "2024-03-02"))?.override).toMatchObject({ reason: "甲的判断" });

    await editCommitment(ctx.db, { commitmentId: d!.id, version: d!.version, changes: { agency: "鹿城区民政局" }, reason: "落款", actor: first });
    await expect(withdrawCommitment(ctx.db, { commitmentId: d!.id, reason: "重复", version: d!.version, actor: second })).rejects.toBeInstanceOf(ConflictError);
    expect((await getTrackedCommitment(ctx.db, d!.id, "2024-03-02"))?.withdrawn).toBeFalsy();
    await withdrawCommitment(ctx.db, { commitmentId: d!.id, reason: "重复", version: await versionOf(d!.id), actor: second });
    expect((await getTrackedCommitment(ctx.db, d!.id, "2024-03-02"))?.withdrawn).toBeTruthy();
  });

  it("a figure's verdicts raise its version: a confirmation from before another reviewer's exclusion and restore is refused, then accepted", async () => {
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const o = await ctx.db.selectFrom("observations").selectAll().orderBy("id").executeTakeFirstOrThrow();
    expect(o.version).toBe(1);
    expect(await excludeReading(ctx.db, { kind: "observation", id: o.id, version: 1, actor: second })).toEqual({ state: "excluded", version: 2 });
    expect(await restoreReading(ctx.db, { kind: "observation", id: o.id, version: 2, actor: second })).toEqual({ state: "unchecked", version: 3 });

    const stale = await refusal<StaleError>(confirmObservation(ctx.db, { id: o.id, version: 1, actor: first }));
    expect(stale).toBeInstanceOf(StaleError);
    expect(stale.message).toMatch(/^已被他人修改：审核员乙于.+处理过这条进展数据（现为未核对）/);
    expect(stale.current).toMatchObject({ version: 3, reviewState: "unchecked", indicator: o.indicator, value: o.value });
    expect(await confirmObservation(ctx.db, { id: o.id, version: 3, actor: first })).toEqual({ version: 4 });
    // an exclusion from the queue as loaded before that confirmation is refused, not applied over it
    await expect(excludeReading(ctx.db, { kind: "observation", id: o.id, version: 3, actor: second })).rejects.toBeInstanceOf(StaleError);
    const now = await ctx.db.selectFrom("observations").selectAll().where("id", "=", o.id).executeTakeFirstOrThrow();
    expect(now).toMatchObject({ checked_by: "审核员甲", excluded_at: null, version: 4 });
  });

  it("a link someone else decided is refused with its state; a decision next to a commitment that changed since is refused too", async () => {
    await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const [link] = (await listProposedLinks(ctx.db, { limit: 5, offset: 0 })).items;
    const version = await versionOf(link!.commitmentId);
    await editCommitment(ctx.db, { commitmentId: link!.commitmentId, version, changes: { indicator: "护理型床位占比（核）" }, reason: "核对", actor: second });
    await expect(decideLink(ctx.db, { linkId: link!.id, action: "confirm", version, actor: first })).rejects.toBeInstanceOf(ConflictError);
    expect((await listProposedLinks(ctx.db, { limit: 5, offset: 0 })).total).toBe(1);

    await decideLink(ctx.db, { linkId: link!.id, action: "reject", reason: "口径不同", version: version + 1, actor: second, at: "2024-05-01T02:00:00.000Z" });
    const late = await refusal<StaleError>(decideLink(ctx.db, { linkId: link!.id, action: "confirm", version: version + 1, actor: first }));
    expect(late).toBeInstanceOf(StaleError);
    expect(late.message).toBe("已被他人修改：审核员乙于2024-05-01 02:00（UTC）已否决这条关联，不能再次处理。");
    expect(late.current).toMatchObject({ state: "rejected", decidedBy: "审核员乙", reason: "口径不同" });
  });

  it("a report corrected by its agency is not verified from the page that showed the old figure; two corrections at once store one", async () => {
    await ingestFixture(ctx.db, "case3/2024-minsheng-shishi.txt");
    const [c] = (await listTrackedCommitments(ctx.db, { asOf: "2024-08-01", limit: 5, offset: 0, agency: "慈溪市民政局" })).items;
    const { updateId } = await addProgressUpdate(ctx.db, { commitmentId: c!.id, value: 9, asOf: "2024-07-31", actor: cixi, today: "2024-08-01" });
    const corrected = await correctProgressReport(ctx.db, { updateId, value: 10, reason: "填错了", actor: cixi, today: "2024-08-01" });

    const stale = await refusal<StaleError>(reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: first }));
    expect(stale).toBeInstanceOf(StaleError);
    expect(stale.message).toMatch(/^已被他人修改：慈溪填报员于.+已更正这条进展报告/);
    expect(stale.current).toMatchObject({ reviewState: "replaced", value: 9, replacement: { id: corrected.updateId, value: 10 } });
    await expect(withdrawProgressReport(ctx.db, { updateId, reason: "撤回旧的", actor: cixi })).rejects.toBeInstanceOf(StaleError);

    const both = await Promise.allSettled([
      correctProgressReport(ctx.db, { updateId: corrected.updateId, value: 11, reason: "甲更正", actor: cixi, today: "2024-08-01" }),
      correctProgressReport(ctx.db, { updateId: corrected.updateId, value: 12, reason: "乙更正", actor: first, today: "2024-08-01" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(StaleError);
    const standing = await ctx.db.selectFrom("progress_updates").select("value").where("commitment_id", "=", c!.id).where("review_state", "in", ["pending", "verified"]).execute();
    expect(standing).toHaveLength(1);
  });

  it("an objection answered by someone else is refused with the answer; an answer next to a changed commitment is refused", async () => {
    const [c] = await pledges();
    const { disagreementId } = await registerDisagreement(ctx.db, { commitmentId: c!.id, note: "只建成2家", actor: deputy });
    await setOverride(ctx.db, { commitmentId: c!.id, status: "not_due_behind", reason: "先调整", version: c!.version, actor: second, at: "2024-03-01T01:00:00.000Z" });
    await expect(
      resolveDisagreement(ctx.db, { disagreementId, resolution: "overridden", status: "not_due_behind", response: "同意", version: c!.version, actor: first, at: "2024-03-02T00:00:00.000Z" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await resolveDisagreement(ctx.db, { disagreementId, resolution: "upheld", response: "已核实", version: c!.version + 1, actor: second, at: "2024-03-03T00:00:00.000Z" });
    const late = await refusal<StaleError>(resolveDisagreement(ctx.db, { disagreementId, resolution: "upheld", response: "再答", actor: first }));
    expect(late).toBeInstanceOf(StaleError);
    expect(late.message).toBe("已被他人修改：审核员乙于2024-03-03 00:00（UTC）已答复这条意见，不能再次答复。");
    expect(late.current).toMatchObject({ resolution: "upheld", response: "已核实" });
  });
});
