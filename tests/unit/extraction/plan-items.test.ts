// Rules read off the project's real follow-up chains (tests/fixtures/real-chains): a plan named in a
// headline's subtitle, numbered list items, verbs and dates that are no part of a name, and a place
// listed among others that is not the page's own. Each with a case it must leave alone.
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";
import { indicatorSimilarity, normalizeIndicator } from "~/domain/matching";

describe("a plan named in the headline", () => {
  const body = "\n\n  6 城乡宜居\n\n  新开工改造城镇老旧小区450个、4200栋。\n";
  it("——2024年省政府十方面民生实事 under a headline: each item is a pledge due at the year's end", () => {
    const r = extract(`真正把实事办实好事办好难事办妥\n\n——2024年省政府十方面民生实事\n\n2024-01-24 07:49:15 来源:浙江日报${body}`, { documentDate: "2024-01-24" });
    expect(r.commitments.map((c) => [c.indicator, c.target?.value, c.due?.date])).toContainEqual(["新开工改造城镇老旧小区", 450, "2024-12-31"]);
  });
  it("the same lines under a headline that names no plan are figures, not pledges", () => {
    const r = extract(`真正把实事办实好事办好难事办妥\n\n——记者手记\n\n2024-01-24 07:49:15 来源:浙江日报${body}`, { documentDate: "2024-01-24" });
    expect(r.commitments).toEqual([]);
  });
  it("2023年重点民生事项 in a title is a plan; its numbered items' names lose their numbers", () => {
    const r = extract("30件!2023年聊城重点民生事项出炉\n\n  09 新改建养老机构护理型床位600张以上\n\n  26 新建20个城市书房\n", { documentDate: "2022-12-29" });
    expect(r.commitments.map((c) => [c.indicator, c.target?.value])).toEqual([["新改建养老机构护理型床位", 600], ["城市书房", 20]]);
  });
});

describe("what is no part of an indicator's name", () => {
  const one = (text: string, date = "2024-03-09") => extract(text, { documentDate: date }).commitments.map((c) => c.indicator);
  it("a verb alone before the number: the thing after it is named", () => {
    expect(one("今年全国将再改造5万个城镇老旧小区,建设一批完整社区。")).toEqual(["城镇老旧小区"]);
    expect(one("国务院已经批复实施《全国高标准农田建设规划(2021-2030年)》,明确到2030年累计建成12亿亩高标准农田。", "2021-09-16")).toEqual(["高标准农田"]);
  });
  it("a date or a verb of movement at the end of the name", () => {
    expect(one("全国农村自来水普及率2025年达到88%。", "2021-09-16")).toEqual(["农村自来水普及率"]);
    expect(one("到2035年,全国细颗粒物浓度下降到25微克/立方米以下。", "2024-01-20")).toEqual(["细颗粒物浓度"]);
  });
  it("a name that is a noun phrase is kept whole", () => {
    expect(one("到2025年,养老机构护理型床位占比达到55%。", "2022-02-21")).toEqual(["养老机构护理型床位占比"]);
  });
});

describe("one pledge said twice", () => {
  it("提升1岁,达到80岁: the level only; 提高1岁 alone stays a change", () => {
    const both = extract("希望通过5年的努力,使人均预期寿命从现在的79岁再提升1岁,达到80岁左右。", { documentDate: "2025-10-24" }).commitments;
    expect(both.map((c) => c.target?.value)).toEqual([80]);
    const apart = extract("“十四五”时期,人均预期寿命提高1岁,劳动年龄人口平均受教育年限提高到11.3年。", { documentDate: "2021-03-05" }).commitments;
    expect(apart.map((c) => c.target?.value)).toEqual([1, 11.3]);
  });
});

describe("years of schooling", () => {
  it("受教育年限达10.9年 is a figure in years; 服务年限满5年以上 is a condition, not a figure", () => {
    const r = extract("2021年,劳动年龄人口平均受教育年限达10.9年。", { documentDate: "2022-09-27" });
    expect(r.observations.map((o) => [o.value, o.unit])).toEqual([[10.9, "年"]]);
    expect(extract("服务年限满5年以上的给予补贴。", { documentDate: "2022-09-27" }).observations).toEqual([]);
  });
});

describe("the page's region", () => {
  it("a county listed among others (主城区、茌平、莘县) is not the page's region; one named alone is", () => {
    const listed = extract("全市新改建道路59条。主城区、茌平、莘县成功创建省四星级智慧城市。下一步,力争新建城市书房20个。", { documentDate: "2023-12-31" });
    expect(listed.document.region).not.toBe("莘县");
    const alone = extract("莘县民政局关于第12号建议的答复\n下一步,力争新建城市书房20个。", { documentDate: "2023-12-31" });
    expect(alone.document.region).toMatch(/莘县$/);
  });
});

describe("the page's region from what it names", () => {
  const region = (text: string) => extract(text, { documentDate: "2023-12-31" }).document.region;
  it("a city's report that lists two of its counties is that city's; counties of two cities say nothing", () => {
    expect(region("功能品质持续提升。主城区、茌平、莘县成功创建省四星级智慧城市,东阿获评国家水土保持示范县。")).toBe("聊城市");
    expect(region("功能品质持续提升。茌平、余杭成功创建省四星级智慧城市。")).toBeNull();
  });
  it("示范县 is a title, not the county 范县", () => {
    expect(region("东阿获评国家水土保持示范县,生态持续向好。")).toBeNull();
  });
  it("a ministry's department speaks for the country", () => {
    const r = extract("记者14日从中国水利部获悉,在国新办新闻发布会上,中国水利部农村水利水电司司长陈明忠表示,到2023年底农村自来水普及率达到90%。", { documentDate: "2024-03-14" });
    expect(r.document.region).toBe("全国");
  });
});

describe("matching names", () => {
  it("老旧小区改造 and 改造老旧小区 count the same thing; 细颗粒物浓度 is PM2.5平均浓度", () => {
    expect(normalizeIndicator("老旧小区改造").head).toBe(normalizeIndicator("改造老旧小区").head);
    expect(indicatorSimilarity("老旧小区改造", "改造老旧小区")).toBeGreaterThan(0.8);
    expect(indicatorSimilarity("细颗粒物浓度", "PM2.5年均浓度")).toBe(1);
    expect(indicatorSimilarity("细颗粒物浓度", "臭氧浓度")).toBeLessThan(0.6);
  });
});

describe("a completion table of bare counts", () => {
  const table = [
    "2024年上海市为民办实事项目完成情况",
    "序号 | 实事项目名称 | 完成情况 | 占全年计划 |",
    "1 | 新增4000张养老床位 | 4385 | 110% |",
    "新增800张困难重度残疾人养护床位 | 810 | 101% | |",
    "2 | 新增30个社区长者食堂 | 39 | 130% |",
  ].join("\n");
  it("each count is the row's figure, in its target's unit, quoted with its row", () => {
    const r = extract(table, { documentDate: "2024-11-06" });
    expect(r.observations.map((o) => [o.indicator, o.value, o.unit])).toEqual([["养老床位", 4385, "张"], ["困难重度残疾人养护床位", 810, "张"], ["社区长者食堂", 39, "个"]]);
    expect(r.observations[0]!.quote).toBe("1 | 新增4000张养老床位 | 4385 | 110% |");
  });
  it("a count in a cell with words is read as before, and a row whose task has no unit gives no bare figure", () => {
    const r = extract(table.replace("| 4385 |", "| 已新增4385张 |").replace("新增30个社区长者食堂", "推进社区长者食堂建设"), { documentDate: "2024-11-06" });
    expect(r.observations.map((o) => o.value)).toEqual([4385, 810]);
  });
});

describe("several pledges listed with 、", () => {
  it("the first quotes the sentence; the next its own item", () => {
    const r = extract("2024年上海市为民办实事项目\n一、新增4000张养老床位、800张困难重度残疾人养护床位,改建3000张认知障碍照护床位;", { documentDate: "2024-01-31" });
    expect(r.commitments.map((c) => c.quote)).toEqual([
      "一、新增4000张养老床位、800张困难重度残疾人养护床位,改建3000张认知障碍照护床位;",
      "800张困难重度残疾人养护床位,",
      "改建3000张认知障碍照护床位;",
    ]);
  });
});

describe("a sentence after a pledge", () => {
  it("that dates its figure (1-8月份) or cites data (最新数据显示) reports; one that goes on with the plan pledges", () => {
    const r = extract("2024年,全国计划新开工改造城镇老旧小区5.4万个。住房城乡建设部最新数据显示,1-8月份,全国新开工改造城镇老旧小区4.2万个。", { documentDate: "2024-09-19" });
    expect(r.commitments.map((c) => c.target?.value)).toEqual([54000]);
    expect(r.observations.map((o) => [o.value, o.asOf])).toContainEqual([42000, "2024-08-31"]);
    const goesOn = extract("2024年,全国计划新开工改造城镇老旧小区5.4万个;加快改造城市燃气管道2万公里。", { documentDate: "2024-01-09" });
    expect(goesOn.commitments.map((c) => c.target?.value)).toEqual([54000, 20000]);
  });
});

describe("a ministry named by its short form", () => {
  it("住建部近日披露 makes the page the country's; a city bureau that 公布 stays the city's", () => {
    expect(extract("中房网讯 住建部近日披露的数据显示,2023年全国计划新开工改造城镇老旧小区5.3万个。", { documentDate: "2023-08-28" }).document.region).toBe("全国");
    expect(extract("杭州市民政局近日公布,今年将新增养老床位2000张。", { documentDate: "2023-08-28" }).document.region).toBe("杭州市");
  });
});

describe("a task list heading", () => {
  it("2021任务清单 makes its bullets pledges; 2020年目标任务完成情况 does not", () => {
    const list = (heading: string) =>
      extract(`2021年政府工作报告解读\n${heading}\n●城镇新增就业1100万人以上,城镇调查失业率5.5%左右\n●居民消费价格涨幅3%左右\n`, { documentDate: "2021-03-05" }).commitments.map((c) => c.target?.value);
    expect(list("2021任务清单")).toEqual([11000000, 5.5, 3]);
    expect(list("2020年目标任务完成情况")).toEqual([]);
  });
});

describe("an announcement of the year's tasks", () => {
  it("…将继续推出10件惠民实事: the sentences after it pledge; …推出了10件民生实事,目前进展顺利 reports", () => {
    const plan = extract("2023年,云南将继续推出10件惠民实事。稳定和扩大就业。农村劳动力转移就业保持在1500万人以上。", { documentDate: "2023-01-11" });
    expect(plan.commitments.filter((c) => c.target).map((c) => c.target?.value)).toEqual([15000000]);
    const report = extract("2023年,我市推出了10件民生实事,目前进展顺利。已建成普惠托位300个。", { documentDate: "2023-07-20" });
    expect(report.commitments).toEqual([]);
  });
});

describe("今年 after a date the figures stand at", () => {
  it("截至6月底,…今年开工建设88个 reports the year so far; 目前已建有565个,今年…补充180册 still plans", () => {
    const r = extract("截至6月底,重庆市今年开工建设“口袋公园”88个,目前已建成64个。", { documentDate: "2025-07-24" });
    expect(r.commitments).toEqual([]);
    expect(r.observations.map((o) => [o.indicator, o.value])).toEqual([["开工建设口袋公园", 88], ["口袋公园", 64]]);
    const plan = extract("目前,我县已建设有565个村(社区)农家书屋,今年按照省里的统一安排,每个农家书屋补充配送书籍180册,将于11月底完成。", { documentDate: "2017-06-01" });
    expect(plan.commitments.map((c) => c.target?.value)).toContain(180);
  });
});

describe("a period or 已经 before the number", () => {
  it("1-9月达到1045万人 is named by the figure before it; 全国已经建成了10亿亩高标准农田 by the thing", () => {
    const r = extract("一季度,城镇新增就业297万人。1-9月达到1045万人,完成目标任务的95%。", { documentDate: "2021-10-27" });
    expect(r.observations.filter((o) => o.unit === "人").map((o) => o.indicator)).toEqual(["城镇新增就业", "城镇新增就业"]);
    expect(extract("截至去年年底,全国已经建成了10亿亩高标准农田。", { documentDate: "2023-04-19" }).observations.map((o) => o.indicator)).toEqual(["高标准农田"]);
  });
});
