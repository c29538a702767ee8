import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { ingestFile } from "../../app/services/ingest.server";
import {
  addProgressUpdate,
  getEvidenceFile,
  getTrackedCommitment,
  importProgressSpreadsheet,
  listTrackedCommitments,
  PermissionError,
  reviewSummary,
  setOverride,
  ValidationError,
  withdrawCommitment,
  type User,
} from "../../app/services/tracking.server";
import { reviewProgressReport } from "../../app/services/progress-reviews.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };
const cixi: User = { id: "a1", name: "慈溪填报员", role: "agency", agency: "慈溪市民政局" };
const ningbo: User = { id: "a2", name: "宁波填报员", role: "agency", agency: "宁波市民政局" };

async function setup(db: Parameters<typeof ingestFile>[0]) {
  for (const rel of ["case3/2024-minsheng-shishi.txt", "case2/2017-report-zhandian.txt"]) await ingestFixture(db, rel);
  const { items } = await listTrackedCommitments(db, { limit: 10, offset: 0, asOf: "2024-04-10" });
  return {
    canteens: items.find((c) => c.agency === "慈溪市民政局")!,
    stations: items.find((c) => c.agency === "宁波市民政局")!,
  };
}

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("进展");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeEachDatabase("tracking: progress reports, permissions, overrides", (ctx) => {
  it("an agency reports on its own commitment and is refused on another agency's", async () => {
    const { canteens, stations } = await setup(ctx.db);
    const { updateId } = await addProgressUpdate(ctx.db, {
      commitmentId: canteens.id, value: "9", asOf: "2024-07-31", note: "二季度新建6家", evidenceUrl: "https://example.org/report", actor: cixi, today: "2024-08-01",
    });
    expect(updateId).toBeTruthy();
    await expect(
      addProgressUpdate(ctx.db, { commitmentId: stations.id, value: 5, asOf: "2017-06-30", actor: cixi, today: "2024-08-01" }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      addProgressUpdate(ctx.db, { commitmentId: canteens.id, value: 5, asOf: "2024-06-30", actor: { id: "p", name: "公众", role: "public" }, today: "2024-08-01" }),
    ).rejects.toBeInstanceOf(PermissionError);
    const detail = await getTrackedCommitment(ctx.db, canteens.id, "2024-08-01");
    expect(detail?.updates).toEqual([expect.objectContaining({ value: 9, source: "agency", reportedBy: "慈溪填报员", evidenceUrl: "https://example.org/report" })]);
    expect(detail?.history.at(-1)).toMatchObject({ action: "progress_reported", actor: "慈溪填报员", reason: "二季度新建6家" });
    // An agency's own report waits for a reviewer before it counts (issue 9 §6).
    expect(detail?.updates[0]?.reviewState).toBe("pending");
    expect(detail?.latest).toBeNull();
    await reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: reviewer });
    expect((await getTrackedCommitment(ctx.db, canteens.id, "2024-08-01"))?.latest).toEqual({ value: 9, asOf: "2024-07-31" });
  });

  it("bad progress input is refused with field errors", async () => {
    const { canteens } = await setup(ctx.db);
    const attempt = addProgressUpdate(ctx.db, {
      commitmentId: canteens.id, value: "很多", asOf: "2024-13-01", evidenceUrl: "ftp://x", actor: cixi, today: "2024-08-01",
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["asOf", "evidenceUrl", "value"]);
    const future = (await addProgressUpdate(ctx.db, { commitmentId: canteens.id, value: 3, asOf: "2024-09-01", actor: cixi, today: "2024-08-01" }).catch((e: unknown) => e)) as ValidationError;
    expect(future.fieldErrors.asOf).toEqual(["截至日期不能晚于今天"]);
  });

  it("imports a spreadsheet only when every row is good, unless asked to import the good rows", async () => {
    const { canteens, stations } = await setup(ctx.db);
    const bytes = await xlsx([
      ["承诺编号", "数值", "截至日期", "说明"],
      [canteens.id, 6, new Date(Date.UTC(2024, 5, 30)), "二季度"],
      ["nope", 1, "2024-06-30", ""],
      [stations.id, 900, "2017-10-31", "不是本单位"],
      [canteens.id, "abc", "2024-06-30", ""],
      [canteens.id, 7, "2024-02-30", ""],
      [canteens.id, 8, "2030-01-01", ""],
      [canteens.id, "", "2024-06-30", ""],
    ]);
    const refused = await importProgressSpreadsheet(ctx.db, { bytes, fileName: "进展.xlsx", actor: cixi, importGoodRows: false, today: "2024-08-01" });
    expect(refused).toMatchObject({ imported: 0, stored: false });
    expect(refused.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "commitmentId"], [4, "commitmentId"], [5, "value"], [6, "asOf"], [7, "asOf"], [8, "value"],
    ]);
    expect(refused.errors[1]!.reason).toBe("不是本单位的承诺");
    expect((await getTrackedCommitment(ctx.db, canteens.id, "2024-08-01"))?.updates).toHaveLength(0);

    const partial = await importProgressSpreadsheet(ctx.db, { bytes, fileName: "进展.xlsx", actor: cixi, importGoodRows: true, today: "2024-08-01" });
    expect(partial).toMatchObject({ imported: 1, stored: true });
    const detail = await getTrackedCommitment(ctx.db, canteens.id, "2024-08-01");
    expect(detail?.updates).toEqual([expect.objectContaining({ value: 6, asOf: "2024-06-30", note: "二季度", evidenceFileName: "进展.xlsx" })]);
    // an imported row names its spreadsheet; it carries no file of its own
    expect(await getEvidenceFile(ctx.db, detail!.updates[0]!.id)).toBeNull();
  });

  it("keeps an uploaded evidence file and gives it back byte for byte", async () => {
    const { canteens } = await setup(ctx.db);
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 1, 2]);
    const { updateId } = await addProgressUpdate(ctx.db, {
      commitmentId: canteens.id, value: 4, asOf: "2024-07-31", note: "附验收单", evidenceFile: { name: "验收单.pdf", bytes }, actor: cixi, today: "2024-08-01",
    });
    const evidence = await getEvidenceFile(ctx.db, updateId);
    expect(evidence?.fileName).toBe("验收单.pdf");
    expect(Buffer.from(evidence!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await getEvidenceFile(ctx.db, "no-such-update")).toBeNull();
  });

  it("imports a CSV with English headers", async () => {
    const { stations } = await setup(ctx.db);
    const csv = `commitment id,value,as-of date,note\n${stations.id},"1,050",2017/12/31,"年底统计"\n`;
    const result = await importProgressSpreadsheet(ctx.db, { bytes: new TextEncoder().encode(csv), fileName: "p.csv", actor: ningbo, importGoodRows: false, today: "2018-01-10" });
    expect(result).toEqual({ imported: 1, errors: [], stored: true });
    const pending = await getTrackedCommitment(ctx.db, stations.id, "2018-01-10");
    expect(pending?.status).not.toBe("achieved_on_time"); // an agency's report counts once verified (issue 9 §6)
    await reviewProgressReport(ctx.db, { updateId: pending!.updates[0]!.id, action: "confirm", actor: reviewer });
    const detail = await getTrackedCommitment(ctx.db, stations.id, "2018-01-10");
    expect(detail?.status).toBe("achieved_on_time");
  });

  it("an override and a withdrawal appear in the history with who and why", async () => {
    const { canteens, stations } = await setup(ctx.db);
    await expect(setOverride(ctx.db, { commitmentId: canteens.id, status: "missed", reason: "x", actor: cixi })).rejects.toBeInstanceOf(PermissionError);
    await setOverride(ctx.db, { commitmentId: canteens.id, status: "not_due_behind", reason: "实地核查仅建成1家", actor: reviewer, at: "2024-05-01T08:00:00.000Z" });
    const overridden = await getTrackedCommitment(ctx.db, canteens.id, "2024-06-01");
    expect(overridden?.status).toBe("not_due_behind");
    expect(overridden?.override).toMatchObject({ by: "审核员甲", reason: "实地核查仅建成1家", derived: "not_due_no_data" });
    expect(overridden?.explanation).toContain("审核人员将状态调整为");
    // Before the override was made, the derived status applies.
    expect((await getTrackedCommitment(ctx.db, canteens.id, "2024-04-10"))?.status).toBe("not_due_no_data");

    await withdrawCommitment(ctx.db, { commitmentId: stations.id, reason: "规划调整，改为建设综合服务中心", actor: reviewer, at: "2017-09-01T00:00:00.000Z" });
    const withdrawn = await getTrackedCommitment(ctx.db, stations.id, "2018-01-01");
    expect(withdrawn?.status).toBe("withdrawn");
    expect(withdrawn?.withdrawn).toMatchObject({ by: "审核员甲", reason: "规划调整，改为建设综合服务中心" });
    expect(withdrawn?.history.at(-1)).toMatchObject({ action: "withdrawn", actor: "审核员甲", reason: "规划调整，改为建设综合服务中心" });
    expect(overridden?.history.at(-1)).toMatchObject({ action: "status_overridden", actor: "审核员甲", after: { status: "not_due_behind" } });
    await expect(addProgressUpdate(ctx.db, { commitmentId: stations.id, value: 1, asOf: "2017-10-01", actor: reviewer, today: "2018-01-01" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("filters by status, region and person with pagination, and sums the annual review", async () => {
    const { canteens } = await setup(ctx.db);
    const noData = await listTrackedCommitments(ctx.db, { status: "not_due_no_data", limit: 1, offset: 0, asOf: "2024-04-10" });
    expect(noData.total).toBe(1);
    expect(noData.items[0]!.id).toBe(canteens.id);
    const { updateId } = await addProgressUpdate(ctx.db, { commitmentId: canteens.id, value: 3, asOf: "2024-03-31", actor: cixi, today: "2024-04-10" });
    await reviewProgressReport(ctx.db, { updateId, action: "confirm", actor: reviewer });
    expect((await listTrackedCommitments(ctx.db, { status: "not_due_no_data", limit: 1, offset: 0, asOf: "2024-04-10" })).total).toBe(0);
    expect((await listTrackedCommitments(ctx.db, { region: "宁波市", limit: 5, offset: 0, asOf: "2024-04-10" })).items.map((i) => i.agency)).toEqual(["宁波市民政局"]);
    expect((await listTrackedCommitments(ctx.db, { person: "王芳", limit: 5, offset: 0, asOf: "2024-04-10" })).items.map((i) => i.id)).toEqual([canteens.id]);
    const overdue = await listTrackedCommitments(ctx.db, { status: "overdue_no_evidence", limit: 5, offset: 0, asOf: "2024-04-10" });
    expect(overdue.items.map((i) => i.agency)).toEqual(["宁波市民政局"]);

    const review = await reviewSummary(ctx.db, { year: 2024, asOf: "2024-12-31", by: "agency" });
    expect(review.totals.total).toBe(1);
    expect(review.groups).toEqual([expect.objectContaining({ key: "慈溪市民政局", total: 1, overdue: 1 })]);
  });
});
