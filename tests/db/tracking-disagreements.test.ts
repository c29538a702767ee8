import { expect, it } from "vitest";
import { ingestFile } from "../../app/services/ingest.server";
import { listDisagreements, registerDisagreement, resolveDisagreement } from "../../app/services/disagreements.server";
import { getTrackedCommitment, listTrackedCommitments, NotFoundError, PermissionError, ValidationError, type User } from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "u1", name: "审核员甲", role: "reviewer" };
const deputy: User = { id: "u2", name: "林华", role: "deputy", person: "林华" };
const otherDeputy: User = { id: "u3", name: "张明", role: "deputy", person: "张明" };
const agency: User = { id: "u4", name: "鹿城民政", role: "agency", agency: "温州市鹿城区民政局" };

async function pledges(db: Parameters<typeof ingestFile>[0]) {
  await ingestFixture(db, "dropped/2023-reply-lucheng.txt");
  return (await listTrackedCommitments(db, { person: "林华", asOf: "2024-03-01", limit: 10, offset: 0 })).items;
}

describeEachDatabase("tracking: a deputy's disagreement with a reported status", (ctx) => {
  it("the deputy objects to their own pledge; it waits, oldest first, until a reviewer upholds the status with a reply", async () => {
    const [first, second] = await pledges(ctx.db);
    await registerDisagreement(ctx.db, { commitmentId: first!.id, note: "食堂实际只建成2家", actor: deputy, at: "2024-03-01T01:00:00.000Z" });
    await registerDisagreement(ctx.db, { commitmentId: second!.id, note: "持证率口径不对", actor: deputy, at: "2024-03-02T01:00:00.000Z" });

    const open = await listDisagreements(ctx.db);
    expect(open.total).toBe(2);
    expect(open.items.map((d) => d.note)).toEqual(["食堂实际只建成2家", "持证率口径不对"]);
    expect(open.items[0]).toMatchObject({ state: "open", person: "林华", raisedBy: "林华", indicator: first!.indicator, disputedStatus: first!.status });

    await resolveDisagreement(ctx.db, { disagreementId: open.items[0]!.id, resolution: "upheld", response: "已核实，2024年报告为16家。", actor: reviewer, at: "2024-03-05T01:00:00.000Z" });
    expect((await listDisagreements(ctx.db)).total).toBe(1);
    const resolved = await listDisagreements(ctx.db, { state: "resolved" });
    expect(resolved.items[0]).toMatchObject({ state: "upheld", resolvedBy: "审核员甲", response: "已核实，2024年报告为16家。", overrideStatus: null });

    const detail = await getTrackedCommitment(ctx.db, first!.id, "2024-03-05");
    expect(detail?.status).toBe(first!.status);
    expect(detail?.override).toBeFalsy();
    expect(detail?.disagreements).toHaveLength(1);
    expect(detail?.history.map((e) => e.action)).toEqual(["disagreement.registered", "disagreement.resolved"]);
    await expect(
      resolveDisagreement(ctx.db, { disagreementId: open.items[0]!.id, resolution: "upheld", response: "再答一次", actor: reviewer }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("a reviewer who agrees overrides the status in the same step, shown as an override with the reply as its reason", async () => {
    const [first] = await pledges(ctx.db);
    const { disagreementId } = await registerDisagreement(ctx.db, { commitmentId: first!.id, note: "已经停建了", actor: deputy, at: "2024-03-01T01:00:00.000Z" });
    await expect(
      resolveDisagreement(ctx.db, { disagreementId, resolution: "overridden", response: "同意", actor: reviewer }),
    ).rejects.toMatchObject({ fieldErrors: { status: ["请选择改判后的状态"] } });
    await resolveDisagreement(ctx.db, { disagreementId, resolution: "overridden", status: "missed", response: "经核实已停建。", actor: reviewer, at: "2024-03-04T01:00:00.000Z" });
    const detail = await getTrackedCommitment(ctx.db, first!.id, "2024-03-05");
    expect(detail?.status).toBe("missed");
    expect(detail?.override).toMatchObject({ status: "missed", by: "审核员甲" });
    expect(detail?.override?.reason).toContain("经核实已停建。");
    expect(detail?.disagreements[0]).toMatchObject({ state: "overridden", overrideStatus: "missed" });
    // The override and the answer are one transaction at one instant; their order within it is not meaningful.
    const actions = detail?.history.map((e) => e.action) ?? [];
    expect(actions[0]).toBe("disagreement.registered");
    expect(actions.slice(1).sort()).toEqual(["disagreement.resolved", "status_overridden"]);
  });

  it("only the deputy concerned or staff may object; only staff may answer; bad input is named", async () => {
    const [first] = await pledges(ctx.db);
    await expect(registerDisagreement(ctx.db, { commitmentId: first!.id, note: "不对", actor: otherDeputy })).rejects.toBeInstanceOf(PermissionError);
    await expect(registerDisagreement(ctx.db, { commitmentId: first!.id, note: "不对", actor: agency })).rejects.toBeInstanceOf(PermissionError);
    await expect(registerDisagreement(ctx.db, { commitmentId: first!.id, note: "  ", actor: deputy })).rejects.toMatchObject({ fieldErrors: { note: ["请写明您认为哪里不对"] } });
    await expect(registerDisagreement(ctx.db, { commitmentId: "nope", note: "不对", actor: deputy })).rejects.toBeInstanceOf(NotFoundError);
    await expect(registerDisagreement(ctx.db, { commitmentId: first!.id, note: "不对", actor: deputy, person: "张明" })).rejects.toBeInstanceOf(NotFoundError);
    const { disagreementId } = await registerDisagreement(ctx.db, { commitmentId: first!.id, note: "代表来电反映", actor: reviewer });
    await expect(resolveDisagreement(ctx.db, { disagreementId, resolution: "upheld", response: "好", actor: deputy })).rejects.toBeInstanceOf(PermissionError);
    await expect(resolveDisagreement(ctx.db, { disagreementId: "nope", resolution: "upheld", response: "好", actor: reviewer })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listDisagreements(ctx.db, { person: "林华" })).items.map((d) => d.raisedBy)).toEqual(["审核员甲"]);
    expect((await listDisagreements(ctx.db, { person: "张明" })).total).toBe(0);
  });
});
