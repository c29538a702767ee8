// A figure reports on a pledge and on the pledges that one revised (issue 8 §6: the lineage shows
// both). Texts in the shape of the real chain tests/fixtures/real-chains/38_quanguo_laojiu2024.
import { expect, it } from "vitest";
import { ingestFile } from "../../app/services/ingest.server";
import { describeEachDatabase } from "./databases";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

async function ingestText(db: Kysely<Database>, name: string, text: string, documentDate: string) {
  const r = await ingestFile(db, { bytes: new TextEncoder().encode(text), fileName: name, source: "test", actor: "tester", documentDate });
  if (r.status !== "created") throw new Error(`${name}: ${JSON.stringify(r)}`);
  return r;
}

/** The target of the pledge each open link of `kind` points at, in ascending order. */
async function linkedTargets(db: Kysely<Database>, kind: "observation" | "revision"): Promise<number[]> {
  const rows = await db
    .selectFrom("links")
    .innerJoin("commitments", "commitments.id", "links.commitment_id")
    .select(["commitments.target_value"])
    .where("links.kind", "=", kind)
    .where("links.state", "!=", "rejected")
    .execute();
  return rows.map((r) => Number(r.target_value)).sort((a, b) => a - b);
}

const MARCH = "国务院总理作政府工作报告\n\n今年全国将再改造5万个城镇老旧小区,建设一批完整社区。\n";
const JULY = "全国老旧小区改造进展\n\n中新网 7月31日电 据住房和城乡建设部网站消息,2024年,全国计划新开工改造城镇老旧小区5.4万个。\n";
const DECEMBER = "老旧小区改造\n\n本报北京11月30日电 记者从住房城乡建设部获悉:1至10月份,全国新开工改造城镇老旧小区5.3万个。\n";

describeEachDatabase("links: a revised pledge's lineage", (ctx) => {
  it("5万个 raised to 5.4万个: the year's later figure is proposed for both", async () => {
    await ingestText(ctx.db, "march.txt", MARCH, "2024-03-05");
    await ingestText(ctx.db, "july.txt", JULY, "2024-07-31");
    await ingestText(ctx.db, "dec.txt", DECEMBER, "2024-12-01");
    expect(await linkedTargets(ctx.db, "revision")).toEqual([50000]);
    expect(await linkedTargets(ctx.db, "observation")).toEqual([50000, 54000]);
  });

  it("…also when a later page restated the revised pledge before the figure came", async () => {
    await ingestText(ctx.db, "march.txt", MARCH, "2024-03-05");
    await ingestText(ctx.db, "july.txt", JULY, "2024-07-31");
    await ingestText(ctx.db, "oct.txt", "老旧小区改造进展\n\n本报北京10月27日电 记者从住房城乡建设部获悉,2024年,全国计划新开工改造城镇老旧小区5.4万个。\n", "2024-10-27");
    await ingestText(ctx.db, "dec.txt", DECEMBER, "2024-12-01");
    expect(await linkedTargets(ctx.db, "observation")).toContain(50000);
  });

  it("without a revision between them, a figure goes to its best pledge only", async () => {
    await ingestText(ctx.db, "a.txt", "杭州市民政局\n\n下一步,我市将新增养老床位3000张。\n", "2024-03-05");
    await ingestText(ctx.db, "b.txt", "杭州市民政局\n\n下一步,我市将新增认知障碍照护床位500张。\n", "2024-04-05");
    await ingestText(ctx.db, "c.txt", "杭州市民政局\n\n截至10月底,全市新增养老床位2800张。\n", "2024-11-05");
    expect(await linkedTargets(ctx.db, "observation")).toEqual([3000]);
  });
});

describeEachDatabase("links: next year's pledge is not a revision", (ctx) => {
  it("2024年新增4000张 and 2025年新增3000张 (each due in the year stated): no revision link", async () => {
    await ingestText(ctx.db, "2024.txt", "2024年上海市为民办实事项目\n\n1.新增4000张养老床位。\n", "2024-01-31");
    await ingestText(ctx.db, "2025.txt", "2025年上海市为民办实事项目\n\n1.新增3000张养老床位。\n", "2025-01-23");
    expect(await linkedTargets(ctx.db, "revision")).toEqual([]);
  });

  it("…but a target changed within its year is a revision (5万个 raised to 5.4万个 in July)", async () => {
    await ingestText(ctx.db, "march.txt", MARCH, "2024-03-05");
    await ingestText(ctx.db, "july.txt", JULY, "2024-07-31");
    expect(await linkedTargets(ctx.db, "revision")).toEqual([50000]);
  });

  it("…and a plan's deadline pushed to a later year is one (到2025年 becomes 到2027年)", async () => {
    await ingestText(ctx.db, "a.txt", "杭州市民政局\n\n下一步,力争到2025年全市养老床位达到6万张。\n", "2023-03-05");
    await ingestText(ctx.db, "b.txt", "杭州市民政局\n\n下一步,力争到2027年全市养老床位达到6万张。\n", "2024-04-05");
    expect(await linkedTargets(ctx.db, "revision")).toEqual([60000]);
  });
});
