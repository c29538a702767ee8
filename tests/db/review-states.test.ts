// Issue 9: every commitment and figure is 未核对, 已核对 or 已排除, in the lists, the API shapes and
// the export, and the lists filter by it.
import { expect, it } from "vitest";
import { confirmCommitment, editCommitment } from "../../app/services/commitment-edits.server";
import { exportRecords, type ExportRecord } from "../../app/services/export.server";
import { getTrackedCommitment, listTrackedCommitments, type User } from "../../app/services/tracking.server";
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
    await editCommitment(ctx.db, { commitmentId: second!.id, changes: { agency: "鹿城区民政局" }, reason: "落款为区民政局", actor: reviewer });

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
});
