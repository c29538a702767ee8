// Follow-up on real documents (issue 8): which later figure answers which pledge. Each case is the
// shape of a real page (chains in tests/fixtures/real-chains); the quality figures come from the
// chains themselves (tests/db/real-chains.test.ts), not from these sentences.
import { describe, expect, it } from "vitest";
import { contextualSimilarity, indicatorSimilarity, PROPOSE_THRESHOLD, scoreMatch } from "../../../app/domain/matching";
import { INDICATOR_SYNONYMS } from "../../../app/domain/indicator-synonyms";
import { figurePlace } from "../../../app/domain/region-keys";
import { matchKeys } from "../../../app/models/tracking.server";
import { extract } from "../../../app/extraction/index";
import type { TrackedCommitment } from "../../../app/domain/types";

describe("indicator synonyms: one measure, many names", () => {
  const pairs = INDICATOR_SYNONYMS.flatMap((e) => e.variants.map((v) => [e.canonical, v] as const));
  it.each(pairs)("%s = %s", (canonical, variant) => {
    expect(indicatorSimilarity(canonical, variant)).toBe(1);
  });
  it("the issue's pairs meet", () => {
    expect(indicatorSimilarity("人均预期寿命", "期望寿命")).toBeGreaterThan(0.9);
    expect(indicatorSimilarity("持证养老护理员", "持养老护理员职业技能证书的护理员")).toBe(1);
    expect(indicatorSimilarity("托位", "托育位")).toBe(1);
    expect(indicatorSimilarity("城市轨道交通运营里程", "轨道交通运营总里程")).toBe(1);
  });
});

describe("a shortened name matches; a different qualifier does not", () => {
  it.each([
    ["婴幼儿照护服务托位", "托位"],
    ["城市轨道交通运营总里程", "运营里程"],
    ["城镇新增就业", "我国城镇新增就业"],
    ["城镇调查失业率", "各月全国城镇调查失业率"],
  ])("%s ≈ %s", (a, b) => expect(indicatorSimilarity(a, b)).toBeGreaterThanOrEqual(0.75));
  it.each([
    ["城镇登记失业率", "城镇调查失业率"],
    ["城市轨道交通运营总里程", "市郊铁路运营里程"],
    ["养老床位", "认知障碍照护床位"],
    ["婴幼儿照护服务托位", "婴幼儿照护服务社区成长驿站"],
  ])("%s ≠ %s", (a, b) => expect(indicatorSimilarity(a, b)).toBeLessThan(PROPOSE_THRESHOLD));
  it("the figure's sentence says which of two pledges a short name means", () => {
    const sentence = "北京的轨道交通运营线路增加到30条,运营里程为909公里,位居第一。";
    expect(contextualSimilarity("城市轨道交通运营总里程", "运营里程", sentence)).toBeGreaterThan(contextualSimilarity("市郊铁路运营里程", "运营里程", sentence));
  });
});

const pledge = (over: Partial<TrackedCommitment> = {}): TrackedCommitment => ({
  id: "c1", kind: "quantitative", indicator: "婴幼儿照护服务托位", statedOn: "2021-07-28",
  target: { value: 180, unit: "个", comparator: ">=", mode: "increment" }, baseline: null, due: { date: "2021-12-31", precision: "year" },
  ...over,
} as TrackedCommitment);
const figure = { kind: "observation" as const, indicator: "婴幼儿照护服务托位", unit: "个", value: 202, asOf: "2021-12-31" };

describe("places", () => {
  it("a figure of no known place is not proposed for a known place's pledge", () => {
    const r = scoreMatch(pledge(), figure, { commitment: { region: "杭州市余杭区" }, candidate: { region: null } });
    expect(r.score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(r.reasons.join("")).toContain("数据地区不明");
  });
  it("a pledge whose page names no place still meets a named place's figure of the same name", () => {
    expect(scoreMatch(pledge(), figure, { commitment: { region: null }, candidate: { region: "杭州市临安区" } }).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("a figure many times a number to deliver is a stock or a longer total, not its progress", () => {
    const ctx = { commitment: { region: "聊城市" }, candidate: { region: "聊城市" } };
    const beds = pledge({ indicator: "护理型床位", target: { value: 600, unit: "张", comparator: ">=", mode: "increment" } as TrackedCommitment["target"] });
    const stock = { kind: "observation" as const, indicator: "护理型床位", unit: "张", value: 16500, asOf: "2021-11-30" };
    expect(scoreMatch(beds, stock, ctx).score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(scoreMatch(beds, { ...stock, value: 1500 }, ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
    const level = pledge({ indicator: "护理型床位", target: { value: 600, unit: "张", comparator: ">=", mode: "level" } as TrackedCommitment["target"] });
    expect(scoreMatch(level, { ...stock, value: 4000 }, ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("…but not one of a near name, unless the figure is national or the pledge's own agency's", () => {
    const near = { ...figure, indicator: "社区婴幼儿照护驿站托位" };
    expect(scoreMatch(pledge(), near, { commitment: { region: null }, candidate: { region: "杭州市" } }).score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(scoreMatch(pledge(), near, { commitment: { region: null }, candidate: { region: "全国" } }).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
    expect(scoreMatch(pledge(), near, { commitment: { region: null, agency: "区卫健局" }, candidate: { region: "杭州市", agency: "区卫健局" } }).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("a national figure is not a province's, a district's is not its city's", () => {
    expect(scoreMatch(pledge(), figure, { commitment: { region: "浙江省" }, candidate: { region: "全国" } }).score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(scoreMatch(pledge(), figure, { commitment: { region: "上海市" }, candidate: { region: "上海市普陀区" } }).score).toBeLessThan(PROPOSE_THRESHOLD);
  });
  it("a sentence that opens with a place is that place's figure", () => {
    expect(figurePlace("北京的轨道交通运营线路增加到30条,运营里程为909公里。", "全国")).toBe("北京市");
    expect(figurePlace("2025年,南京开通了地铁5号线北段。", "全国")).toBe("南京市");
    expect(figurePlace("其中,43个城市开通运营地铁。", "全国")).toBe("全国");
    expect(figurePlace("普陀区新增养老床位378张。", "上海市")).toBe("上海市普陀区");
    expect(figurePlace("新增养老床位378张。", "上海市")).toBe("上海市");
  });
});

describe("changes are not levels", () => {
  it("a change has its own matching key", () => {
    expect(matchKeys("人均预期寿命", "岁", true).head).not.toBe(matchKeys("人均预期寿命", "岁").head);
  });
  it("再提升1岁,达到80岁 is one pledge, the level, quoting the whole sentence; 从现在的79岁 is where it starts", () => {
    const text = "国家卫生健康委主任表示,希望通过5年的努力,使中国人口的人均预期寿命从现在的79岁再提升1岁,达到80岁左右。";
    const r = extract(text, { documentDate: "2025-10-24" });
    expect(r.commitments.map((c) => [c.target?.value, c.indicator, c.quote])).toEqual([[80, "中国人口的人均预期寿命", text]]);
    expect(r.observations.map((o) => o.value)).toContain(79);
  });
  it("a change said alone is still a change pledge (提高1岁)", () => {
    const r = extract("“十四五”时期,人均预期寿命提高1岁。", { documentDate: "2021-03-05" });
    expect(r.commitments.map((c) => [c.target?.value, c.target?.change])).toEqual([[1, true]]);
  });
});

describe("what a later document reports", () => {
  it("several pledges in one sentence: the first quotes the sentence, the others their own clauses", () => {
    const r = extract("今年城镇新增就业1100万人以上,城镇调查失业率5.5%左右,城镇登记失业率4.5%以内。", { documentDate: "2019-03-05" });
    expect(r.commitments.map((c) => c.quote)).toEqual([
      "今年城镇新增就业1100万人以上,城镇调查失业率5.5%左右,城镇登记失业率4.5%以内。",
      "城镇调查失业率5.5%左右,",
      "城镇登记失业率4.5%以内。",
    ]);
  });
  it("a result set against its target pledges nothing, and the restated target is no figure", () => {
    const r = extract("2019年末,城镇登记失业率为3.62%,比上年末降低0.18个百分点,符合4.5%以内的预期目标。", { documentDate: "2020-01-29" });
    expect(r.commitments).toEqual([]);
    expect(r.observations.map((o) => o.value).sort()).toEqual([0.18, 3.62]);
  });
  it("1—7月 is as of the end of July, never the 7th of January", () => {
    const r = extract("2023年1—7月，全国新开工改造城镇老旧小区4.2万个。", { documentDate: "2023-08-20" });
    expect(r.document.repliedOn).toBe("2023-08-20");
    expect(r.observations[0]?.asOf).toBe("2023-07-31");
  });
  it("“十三五”时期 dates a past result at the period's end", () => {
    const r = extract("“十三五”时期,我国居民人均预期寿命达到77.3岁。", { documentDate: "2022-07-06" });
    expect(r.observations.map((o) => [o.value, o.asOf])).toEqual([[77.3, "2020-12-31"]]);
  });
  it("a progress table's figures are named by the task they report on and dated by their column", () => {
    const text = [
      "项目 名称 |", "内容 |", "牵头单位 |", "进展情况 (7月) |", "进展情况 (12月) |",
      "婴幼儿童照护服务项目 |",
      "新增示范型儿童之家12家,新增婴幼儿照护服务托位180个以上。 |",
      "区民政局、区卫生健康局 |",
      "区民政局:已新增示范型儿童之家10家; 区卫健局:新增婴幼儿照护服务托位176个。 |",
      "新增示范型儿童之家建设12家。 新增婴幼儿照护服务托位202个。 |",
    ].join("\n");
    const r = extract(text, { documentDate: "2021-12-31" });
    expect(r.observations.map((o) => [o.indicator, o.value, o.asOf])).toEqual([
      ["示范型儿童之家", 10, "2021-07-31"],
      ["婴幼儿照护服务托位", 176, "2021-07-31"],
      ["示范型儿童之家", 12, "2021-12-31"],
      ["婴幼儿照护服务托位", 202, "2021-12-31"],
    ]);
  });
  it("a report table's title dates its figures (截至9月底)", () => {
    const text = "2022年区政府民生实事项目进展情况表(截至9月底)\n序号 | 项目内容 | 进展情况 | 责任单位 |\n3 | 实施农村公路大中修100公里。 | 完成农村公路大中修50公里,剩余预计11月底前完成。 | 交通运输局 |";
    const r = extract(text, { documentDate: "2022-11-03" });
    expect(r.observations.find((o) => o.value === 50)?.asOf).toBe("2022-09-30");
  });
});

describe("a year's additions", () => {
  const jobs = pledge({ indicator: "城镇新增就业", statedOn: "2024-03-28", target: { value: 27000, unit: "人", comparator: "=", mode: "increment" } as TrackedCommitment["target"], due: { date: "2024-12-31", precision: "year" } as TrackedCommitment["due"] });
  const ctx = { commitment: { region: "淮南市" }, candidate: { region: "淮南市" } };
  const added = (value: number, asOf: string) => ({ kind: "observation" as const, indicator: "城镇新增就业", unit: "人", value, asOf });
  it("a figure of the next year's first half is another year's additions", () => {
    const r = scoreMatch(jobs, added(13400, "2025-06-30"), ctx);
    expect(r.score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(r.reasons.join("")).toContain("另一年度");
  });
  it("the year's own total, even published in the next January, is its progress", () => {
    expect(scoreMatch(jobs, added(28000, "2024-12-31"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
    expect(scoreMatch(jobs, added(28000, "2025-01-20"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("a pledge to have built 1000 stations is judged by a later total (已建成1221个), which counts no year's additions", () => {
    const built = pledge({ indicator: "社区居家养老服务站", statedOn: "2017-04-10", target: { value: 1000, unit: "个", comparator: "=", mode: "increment" } as TrackedCommitment["target"], due: { date: "2017-12-31", precision: "year" } as TrackedCommitment["due"] });
    const r = scoreMatch(built, { kind: "observation", indicator: "社区居家养老服务站", unit: "个", value: 1221, asOf: "2019-12-31", sentence: "截至2019年底,全市已建成社区居家养老服务站1221个。" }, { commitment: { region: "宁波市" }, candidate: { region: "宁波市" } });
    expect(r.score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("a level target is still judged by a later figure", () => {
    const level = pledge({ ...jobs, target: { value: 27000, unit: "人", comparator: ">=", mode: "level" } as TrackedCommitment["target"] });
    expect(scoreMatch(level, added(30000, "2025-06-30"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
});

describe("a stock against an increment", () => {
  const build = pledge({ indicator: "5G基站", statedOn: "2020-01-14", target: { value: 48000, unit: "个", comparator: "=", mode: "increment" } as TrackedCommitment["target"], due: { date: "2020-12-31", precision: "year" } as TrackedCommitment["due"] });
  const ctx = { commitment: { region: "广东省" }, candidate: { region: "广东省" } };
  const fig = (value: number, sentence: string) => ({ kind: "observation" as const, indicator: "5G基站", unit: "座", value, asOf: "2020-08-31", sentence });
  it("累计建成5G基站98613座 is everything ever built: not proposed, even counted in 座 against 个", () => {
    const r = scoreMatch(build, fig(98613, "全省5G套餐用户数达到2074万户,累计建成5G基站98613座。"), ctx);
    expect(r.score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(r.reasons.join("")).toContain("累计存量");
  });
  it("新建5G基站61625座 is the year's additions, and 累计新增 is progress too", () => {
    expect(scoreMatch(build, fig(61625, "今年1—8月,广东省新建5G基站61625座。"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
    expect(scoreMatch(build, fig(61625, "今年以来累计新增5G基站61625座。"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("2024年累计完成 counts one year: still progress on that year's pledge", () => {
    const trees = pledge({ indicator: "营造林", statedOn: "2024-02-01", target: { value: 300, unit: "万亩", comparator: "=", mode: "increment" } as TrackedCommitment["target"], due: { date: "2024-12-31", precision: "year" } as TrackedCommitment["due"] });
    const r = scoreMatch(trees, { kind: "observation", indicator: "营造林", unit: "万亩", value: 319.03, asOf: "2024-12-31", sentence: "2024年山西累计完成营造林319.03万亩,超额完成300万亩的目标任务。" }, { commitment: { region: "山西省" }, candidate: { region: "山西省" } });
    expect(r.score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("已累计加装 is a stock (any verb after 累计); 1-8月累计 counts the year so far", () => {
    expect(scoreMatch(build, fig(98613, "截至今年8月底,全省已累计安装5G基站98613座。"), ctx).score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(scoreMatch(build, fig(61625, "1-8月,全省累计安装5G基站61625座。"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
});

describe("works begun and works done", () => {
  const parks = pledge({ indicator: "口袋公园", statedOn: "2025-01-19", target: { value: 100, unit: "个", comparator: "=", mode: "increment" } as TrackedCommitment["target"], due: { date: "2025-12-31", precision: "year" } as TrackedCommitment["due"] });
  const ctx = { commitment: { region: "重庆市" }, candidate: { region: "重庆市" } };
  const sentence = "截至6月底,重庆市今年开工建设“口袋公园”88个,目前已建成64个。";
  it("where a sentence gives both, the count begun is not the pledge's progress; the count built is", () => {
    const begun = scoreMatch(parks, { kind: "observation", indicator: "开工建设口袋公园", unit: "个", value: 88, asOf: "2025-06-30", sentence }, ctx);
    expect(begun.score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(begun.reasons.join("")).toContain("开工数");
    expect(scoreMatch(parks, { kind: "observation", indicator: "口袋公园", unit: "个", value: 64, asOf: "2025-06-30", sentence }, ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("starts alone (新开工改造城镇老旧小区5.3万个) are the progress a page gives on a year's 改造 pledge", () => {
    const renew = pledge({ ...parks, indicator: "城镇老旧小区", target: { value: 50000, unit: "个", comparator: "=", mode: "increment" } as TrackedCommitment["target"] });
    expect(scoreMatch(renew, { kind: "observation", indicator: "新开工改造城镇老旧小区", unit: "个", value: 53000, asOf: "2025-10-31", sentence: "1至10月份,全国新开工改造城镇老旧小区5.3万个。" }, { commitment: { region: "全国" }, candidate: { region: "全国" } }).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
});

describe("a pledge over several years against one later year's count", () => {
  const plan = pledge({ indicator: "职业技能培训", statedOn: "2022-01-25", target: { value: 15000000, unit: "人次", comparator: "=", mode: "increment" } as TrackedCommitment["target"], due: { date: "2025-12-31", precision: "year" } as TrackedCommitment["due"] });
  const ctx = { commitment: { region: "河南省" }, candidate: { region: "河南省" } };
  const fig = (value: number, asOf: string, sentence: string) => ({ kind: "observation" as const, indicator: "职业技能培训", unit: "人次", value, asOf, sentence });
  it("截至6月底已完成163.45万人次,完成年度目标的… (2024) is that year's, not the 2022–2025 total", () => {
    const r = scoreMatch(plan, fig(1634500, "2024-06-30", "截至6月底,已完成职业技能培训163.45万人次,分别完成年度目标的65%。"), ctx);
    expect(r.score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(r.reasons.join("")).toContain("当年");
  });
  it("…a total over the period (2021-2025年7月完成1810多万人次) is its progress", () => {
    expect(scoreMatch(plan, fig(18100000, "2025-07-31", "2021-2025年7月完成职业技能培训1810多万人次。"), ctx).score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
});
