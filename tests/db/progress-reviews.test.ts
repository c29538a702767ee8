// Issue 9 §6 on SQLite and PostgreSQL: an agency's report shows at once as pending, counts for the
// status only once a reviewer verifies it, the same figure twice is one report, and the agency
// corrects or withdraws its own report with a reason, never silently.
import { expect, it } from "vitest";
import { correctProgressReport, listPendingReports, reviewProgressReport, withdrawProgressReport } from "../../app/services/progress-reviews.server";
import { addProgressUpdate, getTrackedCommitment, importProgressSpreadsheet, listTrackedCommitments, PermissionError, ValidationError, type User } from "../../app/services/tracking.server";
import { scopeFor } from "../../app/services/publication.server";
import { confirmCommitment } from "../../app/services/commitment-edits.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };
const cixi: User = { id: "a1", name: "慈溪填报员", role: "agency", agency: "慈溪市民政局" };
const ningbo: User = { id: "a2", name: "宁波填报员", role: "agency", agency: "宁波市民政局" };
const ASOF = "2024-08-01";

async function canteens(db: Parameters<typeof ingestFixture>[0]) {
  await ingestFixture(db, "case3/2024-minsheng-shishi.txt");
  const [c] = (await listTrackedCommitments(db, { asOf: ASOF, limit: 5, offset: 0, agency: "慈溪市民政局" })).items;
  await confirmCommitment(db, { commitmentId: c!.id, actor: reviewer });
  return c!;
}

describeEachDatabase("agencies' reports are checked too", (ctx) => {
  it("a report is pending until a reviewer verifies it; the status and the sentence say what they use", async () => {
    const c = await canteens(ctx.db);
    const { updateId } = await addProgressUpdate(ctx.db, { commitmentId: c.id, value: 9, asOf: "2024-07-31", actor: cixi, today: ASOF });
    const pending = (await getTrackedCommitment(ctx.db, c.id, ASOF))!;
    expect(pending.updates).toEqual([expect.objectContaining({ value: 9, reviewState: "pending", source: "agency" })]);
    expect(pending.status).toBe(c.status);
    expect(pending.latest).toBeNull();
    expect(pending.explanation).toContain("另有1条单位自报待核实，未计入");
    // the public sees the report marked as waiting, and the same status
    const outside = (await getTrackedCommitment(ctx.db, c.id, ASOF, scopeFor(null, {})))!;
    expect(outside.updates.map((u) => u.reviewState)).toEqual(["pending"]);
    expect(outside.status).toBe(c.status);
    expect((await listPendingReports(ctx.db, { limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual([updateId]);

    await expect(reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: cixi })).rejects.toBeInstanceOf(PermissionError);
    await reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: reviewer });
    const verified = (await getTrackedCommitment(ctx.db, c.id, ASOF))!;
    expect(verified.updates[0]).toMatchObject({ reviewState: "verified", reviewedBy: "审核员甲" });
    expect(verified.latest).toEqual({ value: 9, asOf: "2024-07-31" });
    expect(verified.status).not.toBe(c.status);
    expect(verified.explanation).toContain("所用数据：单位报告（已核实）");
    expect(verified.history.map((e) => e.action)).toEqual(expect.arrayContaining(["progress_reported", "report_verified"]));
    await expect(reviewProgressReport(ctx.db, { updateId, action: "reject", reason: "x", actor: reviewer })).rejects.toBeInstanceOf(ValidationError);
    expect((await listPendingReports(ctx.db, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it("a rejection needs a reason and leaves the status alone", async () => {
    const c = await canteens(ctx.db);
    const { updateId } = await addProgressUpdate(ctx.db, { commitmentId: c.id, value: 15, asOf: "2024-07-31", actor: cixi, today: ASOF });
    await expect(reviewProgressReport(ctx.db, { updateId, action: "reject", reason: " ", actor: reviewer })).rejects.toMatchObject({ fieldErrors: { reason: ["请写明退回理由"] } });
    await reviewProgressReport(ctx.db, { updateId, action: "reject", reason: "与统计年报不符", actor: reviewer });
    const after = (await getTrackedCommitment(ctx.db, c.id, ASOF))!;
    expect(after.status).toBe(c.status);
    expect(after.updates[0]).toMatchObject({ reviewState: "rejected", reviewReason: "与统计年报不符" });
    // outside the office a rejected report is not shown
    expect((await getTrackedCommitment(ctx.db, c.id, ASOF, scopeFor(null, {})))!.updates).toEqual([]);
  });

  it("recognises the same value and date reported twice, by form and by spreadsheet", async () => {
    const c = await canteens(ctx.db);
    await addProgressUpdate(ctx.db, { commitmentId: c.id, value: 9, asOf: "2024-07-31", actor: cixi, today: ASOF });
    await expect(addProgressUpdate(ctx.db, { commitmentId: c.id, value: "9", asOf: "2024-07-31", actor: cixi, today: ASOF })).rejects.toMatchObject({ fieldErrors: { value: ["与已有报告重复"] } });
    const csv = `承诺编号,数值,截至日期\n${c.id},9,2024-07-31\n${c.id},10,2024-08-01\n${c.id},10,2024-08-01\n`;
    const result = await importProgressSpreadsheet(ctx.db, { bytes: new TextEncoder().encode(csv), fileName: "p.csv", actor: cixi, importGoodRows: true, today: ASOF });
    expect(result.imported).toBe(1);
    expect(result.errors.map((e) => [e.row, e.reason.slice(0, 6)])).toEqual([
      [2, "与已有报告重"],
      [4, "与第 3 行"],
    ]);
    expect((await getTrackedCommitment(ctx.db, c.id, ASOF))!.updates.filter((u) => u.reviewState === "pending")).toHaveLength(2);
  });

  it("the reporting agency corrects or withdraws its own report with a reason; another agency may not", async () => {
    const c = await canteens(ctx.db);
    const { updateId } = await addProgressUpdate(ctx.db, { commitmentId: c.id, value: 9, asOf: "2024-07-31", actor: cixi, today: ASOF });
    await expect(correctProgressReport(ctx.db, { updateId, value: 8, reason: "x", actor: ningbo })).rejects.toBeInstanceOf(PermissionError);
    await expect(correctProgressReport(ctx.db, { updateId, value: 8, reason: "", actor: cixi })).rejects.toBeInstanceOf(ValidationError);
    await expect(correctProgressReport(ctx.db, { updateId, value: 9, reason: "x", actor: cixi })).rejects.toMatchObject({ fieldErrors: { value: ["没有改动"] } });
    const { updateId: corrected } = await correctProgressReport(ctx.db, { updateId, value: 8, reason: "有一家尚未验收", actor: cixi, today: ASOF });
    let detail = (await getTrackedCommitment(ctx.db, c.id, ASOF))!;
    expect(detail.updates.map((u) => [u.value, u.reviewState])).toEqual(expect.arrayContaining([[9, "replaced"], [8, "pending"]]));
    expect(detail.updates.find((u) => u.id === corrected)).toMatchObject({ replacesId: updateId });
    expect(detail.history.find((e) => e.action === "report_corrected")).toMatchObject({ actor: "慈溪填报员", reason: "有一家尚未验收" });

    await reviewProgressReport(ctx.db, { updateId: corrected, action: "confirm", actor: reviewer });
    await expect(withdrawProgressReport(ctx.db, { updateId: corrected, reason: " ", actor: cixi })).rejects.toBeInstanceOf(ValidationError);
    await withdrawProgressReport(ctx.db, { updateId: corrected, reason: "数据口径有误，重新统计", actor: cixi });
    detail = (await getTrackedCommitment(ctx.db, c.id, ASOF))!;
    expect(detail.updates.find((u) => u.id === corrected)).toMatchObject({ reviewState: "withdrawn", reviewReason: "数据口径有误，重新统计" });
    expect(detail.latest).toBeNull();
    expect(detail.status).toBe(c.status);
    expect(detail.history.map((e) => e.action)).toEqual(expect.arrayContaining(["report_withdrawn"]));
    // the agency concerned still sees the withdrawn and replaced reports; the public does not
    expect((await getTrackedCommitment(ctx.db, c.id, ASOF, scopeFor(cixi, {})))!.updates).toHaveLength(2);
    expect((await getTrackedCommitment(ctx.db, c.id, ASOF, scopeFor(null, {})))!.updates).toHaveLength(0);
  });
});
