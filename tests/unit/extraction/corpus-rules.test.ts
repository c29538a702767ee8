// Rules read off the project's real corpus (tests/fixtures/real-corpus) on 2026-12-03: a period
// that is not a deadline, a task list whose lead-in shares a sentence with its first item, two
// tasks with the same number, works named one per clause, a headline under the site's section
// name, and a signature without a date. Each with a case it must leave alone.
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";
import { findTimes } from "~/extraction/time";

describe("a period of years", () => {
  it("2011年至2016年期间 frames what was done: no deadline, and a reply without a date pledges nothing by it", () => {
    const t = findTimes("2011年至2016年期间,我局实施了建制村通畅工程76个", { docDate: null });
    expect(t.map((x) => [x.text, x.role])).toEqual([["2011年至2016年期间", "point"]]);
    const r = extract("李茂春委员:\n\n  2011年至2016年期间,我局实施了建制村通畅工程76个,硬化乡村公路约800公里;\n");
    expect(r.commitments).toEqual([]);
  });
  it("a figure over a period that is over stands at the period's end", () => {
    const r = extract("住房和城乡建设部数据显示,2019年至2023年,全国累计新开工改造城镇老旧小区22万个。", { documentDate: "2024-01-30" });
    expect(r.observations.map((o) => [o.value, o.asOf])).toEqual([[220000, "2023-12-31"]]);
  });
  it("2021年至2025年 without 期间 is still a plan's period, due at its end", () => {
    const t = findTimes("2021年至2025年新建改建农村公路1000公里", { docDate: "2021-03-01" });
    expect(t.map((x) => [x.role, x.date])).toEqual([["due", "2025-12-31"]]);
  });
});

describe("a task list announced in the sentence before its first item", () => {
  const page = (lead: string) => `甘谷县政府2020年将为民办好15件大事\n\n时间:2020-05-11\n\n${lead} (1)开工新建西环路,改造提升新城路、像山路。 (2)“一事一议”硬化村内巷道37.5万平方米。 (3)建成农村生活垃圾处理站5个,农村生活污水处理站5个。 (4)为62户贫困残疾人家庭实施家居无障碍改造工程。\n`;
  it("…重点抓好15件大事和民生实事。分别是: (1)… — every item a pledge, the lead-in none", () => {
    const r = extract(page("《报告》指出,县政府将继续优先保障民生投入,重点抓好15件大事和民生实事。分别是:"), { documentDate: "2020-05-11" });
    const got = r.commitments.map((c) => [c.indicator, c.target?.value ?? null, c.target?.mode ?? null]);
    expect(got).toEqual([
      ["开工新建西环路", null, null],
      ["改造提升新城路、像山路", null, null],
      ["一事一议硬化村内巷道", 37.5, "increment"],
      ["农村生活垃圾处理站", 5, "increment"],
      ["农村生活污水处理站", 5, "increment"],
      ["贫困残疾人家庭实施家居无障碍改造工程", 62, "increment"],
    ]);
  });
  it("the same items after a sentence that announces no list are reports", () => {
    const r = extract(page("去年,县政府完成了以下工作。其中:"), { documentDate: "2020-05-11" });
    expect(r.commitments.filter((c) => c.target?.value === 37.5)).toEqual([]);
  });
});

describe("two works in one sentence", () => {
  it("开工新建西环路,改造提升新城路: one milestone each", () => {
    const r = extract("下一步工作\n\n  开工新建西环路,改造提升新城路、像山路。\n", { documentDate: "2020-05-11" });
    expect(r.commitments.map((c) => [c.kind, c.indicator])).toEqual([["milestone", "开工新建西环路"], ["milestone", "改造提升新城路、像山路"]]);
  });
  it("加强…,完善…: one programme, not two works", () => {
    const r = extract("下一步工作\n\n  加强农村公路养护,完善管护机制。\n", { documentDate: "2020-05-11" });
    expect(r.commitments).toHaveLength(1);
  });
});

describe("the page's headline", () => {
  it("a site's section name and a numbered row are not the title; a 【栏目】 tag is dropped", () => {
    const r = extract("政府信息公开\n\n【直击两会】甘谷县政府2020年将为民办好15件大事和民生实事\n\n时间:2020-05-11\n\n正文。\n");
    expect(r.document.title).toBe("甘谷县政府2020年将为民办好15件大事和民生实事");
    expect(extract("3、书苑”,开展文旅惠民活动等工作\n\n正文。\n").document.title).toBeNull();
  });
  it("a headline that merely contains 信息公开 is kept", () => {
    expect(extract("关于推进政务信息公开工作的通知\n\n正文。\n").document.title).toBe("关于推进政务信息公开工作的通知");
  });
});

describe("a signature", () => {
  const reply = (tail: string) => `李茂春委员:\n\n  你的提案收悉,现答复如下:我县将于2020年完成马街镇公路硬化。\n\n  感谢你对交通工作的关心和支持!\n\n${tail}`;
  it("with no date under it: the agency on the last line", () => {
    expect(extract(reply("                    南华县交通运输局\n")).document.agency).toBe("南华县交通运输局");
  });
  it("with a date whose separators were lost (2023531): that date", () => {
    const d = extract(reply("盘山县水利局\n\n2023531\n")).document;
    expect([d.agency, d.repliedOn]).toEqual(["盘山县水利局", "2023-05-31"]);
  });
  it("a contact line at the end is not the agency, and an ambiguous run of digits is no date", () => {
    const d = extract(reply("联系单位:南华县交通运输局\n\n2023111\n")).document;
    expect(d.agency).toBeNull();
    expect(d.repliedOn).toBeNull();
  });
});

describe("a progress report after a plan's sentence", () => {
  const report = "按照工作部署,大力推动民生实事各项目标任务。2015年25件重点民生实事计划总投资277亿元,上半年实际完成投资156.92亿元,占全年计划投资的56.6%。主要进度如下:\n解决人畜饮水最困难地区500万人饮水安全(2013—2017年)。上半年已建成工程1419处,解决了59.6万人的饮水安全问题。\n";
  it("主要进度如下: announces a report; 实际完成, 解决了 and 占全年计划 report too", () => {
    const r = extract(report);
    const pledged = r.commitments.map((c) => c.target?.value);
    expect(pledged).not.toContain(56.6);
    expect(pledged).not.toContain(596000);
    expect(r.observations.map((o) => o.value)).toEqual(expect.arrayContaining([156.92, 596000]));
  });
  it("the plan's own targets stay pledges: 计划总投资, 全年计划新增", () => {
    expect(extract(report).commitments.map((c) => c.target?.value)).toEqual(expect.arrayContaining([277, 5000000]));
    expect(extract("全年计划新增城镇就业1.5万人。", { documentDate: "2025-03-01" }).commitments.map((c) => c.target?.value)).toEqual([15000]);
  });
  it("we will do as follows: (我们将做好以下工作:) still opens a passage of plans", () => {
    const r = extract("我们将重点做好以下工作:\n新建中小学3所,新增学位2000个。\n", { documentDate: "2025-03-01" });
    expect(r.commitments.map((c) => c.target?.value)).toEqual([3, 2000]);
  });
});

describe("a year-end briefing on last year's figures", () => {
  const page = "2021年全国城镇新增就业1269万人 超额完成目标任务\n\n人社部就业促进司司长张莹表示,2021年全国城镇新增就业1269万人,超额完成1100万人的目标任务。12月份,全国城镇调查失业率为5.1%,比上年同期下降0.1个百分点。脱贫劳动力务工规模达到3145万人。100个城市公共就业服务机构市场求人倍率保持在1.5,四季度是1.56。\n";
  it("a title that reports a target met is no plan; last year's December and fourth quarter are reports", () => {
    const r = extract(page, { documentDate: "2022-02-22" });
    expect(r.commitments).toEqual([]);
    expect(r.observations.map((o) => o.value)).toEqual(expect.arrayContaining([12690000, 5.1, 31450000]));
  });
  it("a month ahead with no value stated for it stays a deadline", () => {
    const r = extract("12月份完成全部改造任务,新增停车位500个。", { documentDate: "2022-02-22" });
    expect(r.commitments.map((c) => [c.target?.value, c.due?.date])).toContainEqual([500, "2022-12-31"]);
  });
});

describe("a heading's year", () => {
  it("2021任务清单: the items under it are due at 2021's end; the next heading ends it", () => {
    const r = extract("划重点\n■实施就业优先战略,扩大就业容量\n2021任务清单\n●国内生产总值增长6%以上\n●城镇新增就业1100万人以上\n", { documentDate: "2021-03-05" });
    expect(r.commitments.map((c) => [c.indicator, c.due?.date])).toEqual([["国内生产总值增长", "2021-12-31"], ["城镇新增就业", "2021-12-31"]]);
  });
  it("二○二五年上海市为民办实事项目: a year in Chinese digits dates the list; category lines (老有所享) do not end it", () => {
    const r = extract("2024年为民办实事任务完成满意度达96.11分\n\n二○二五年上海市为民办实事项目\n\n老有所享\n\n1.新增3000张养老床位\n\n儿童友好\n\n2.新增50个托育点\n", { documentDate: "2025-01-23" });
    expect(r.commitments.map((c) => [c.indicator, c.due?.date])).toEqual([["养老床位", "2025-12-31"], ["托育点", "2025-12-31"]]);
  });
  it("…a numbered section heading still ends it", () => {
    const r = extract("2024年为民办实事任务完成满意度达96.11分\n\n二○二五年上海市为民办实事项目\n\n1.新增3000张养老床位\n\n二、下一步工作\n\n将新增50个托育点。\n", { documentDate: "2025-01-23" });
    expect(r.commitments.find((c) => c.indicator === "养老床位")?.due?.text).toBe("二○二五年上海市为民办实事项目");
    expect(r.commitments.find((c) => c.indicator === "托育点")?.due?.text ?? "").not.toContain("二○二五年");
  });
  it("a heading for a year that is over dates nothing", () => {
    const r = extract("2020任务清单\n●城镇新增就业900万人以上\n", { documentDate: "2021-03-05" });
    expect(r.commitments.every((c) => c.due?.date !== "2020-12-31" || c.due?.certainty !== "inferred")).toBe(true);
  });
});

describe("a verb before the number names nothing", () => {
  it("改建3000张认知障碍照护床位 / 开办150个小学生爱心暑托班: the thing after the number", () => {
    const r = extract("2025年为民办实事项目\n1.改建3000张认知障碍照护床位。\n2.开办150个小学生爱心暑托班。\n", { documentDate: "2025-01-23" });
    expect(r.commitments.map((c) => c.indicator)).toEqual(["认知障碍照护床位", "小学生爱心暑托班"]);
  });
  it("…a stage that qualifies the thing stays (新开工改造城镇老旧小区)", () => {
    const r = extract("今年计划新开工改造城镇老旧小区5.4万个。\n", { documentDate: "2024-03-05" });
    expect(r.commitments[0]?.indicator).toBe("新开工改造城镇老旧小区");
  });
});

describe("the measure a progress clause names", () => {
  it("全国城镇新增就业完成情况快于时序进度,1-9月达到1045万人: 城镇新增就业", () => {
    const r = extract("全国城镇新增就业完成情况快于时序进度,1-9月达到1045万人,完成目标任务的95%。", { documentDate: "2021-10-27" });
    expect(r.observations.find((o) => o.value === 10450000)?.indicator).toBe("城镇新增就业");
  });
});

describe("a short place name inside running words", () => {
  it("城乡和县域 is no 和县, 建成县 no 成县, 要会同县督查 no 会同县", () => {
    expect(extract("广东省人力资源和社会保障厅\n\n推进城乡和县域就业服务均等化。\n").document.region).toBe("广东省");
    expect(extract("县发改委要会同县督查落实办对相关工作进行督导。\n").document.region).toBeNull();
  });
  it("a short name at a line's start or after 在/对 is the place", () => {
    expect(extract("关于对和县人大代表建议的答复\n\n正文。\n").document.region).toBe("和县");
  });
});

describe("words of time and units as pages write them", () => {
  it("2020年內将新建5G基站4.8万个: 年内 is one time word, left out of the name", () => {
    const r = extract("广东省工业和信息化厅\n\n2020年內將新建5G基站4.8萬個。\n", { documentDate: "2020-01-14" });
    expect(r.commitments.map((c) => [c.indicator, c.target?.value, c.due?.date])).toEqual([["5G基站", 48000, "2020-12-31"]]);
  });
  it("2.6方米 and 2.6平米 are 平方米; 2.6立方米 stays", () => {
    const unit = (t: string) => extract(`到2025年,人均体育场地面积达${t}以上。`, { documentDate: "2021-08-16" }).commitments[0]?.target?.unit;
    expect([unit("2.6方米"), unit("2.6平米"), unit("2.6立方米")]).toEqual(["平方米", "平方米", "立方米"]);
  });
  it("a headline that opens with a province's short name gives the region; one that names none gives none", () => {
    expect(extract("广西到2025年建成城镇社区“15分钟健身圈”\n\n自治区人民政府办公厅印发实施意见。\n").document.region).toBe("广西壮族自治区");
    expect(extract("到2025年建成城镇社区“15分钟健身圈”\n\n自治区人民政府办公厅印发实施意见。\n").document.region).toBeNull();
  });
});

describe("a progress report on a province's plan", () => {
  const page = "经省政府常务会议研究审定,省委农办等五部门联合印发《2019年全省农村户用卫生厕所改(新)建工作方案》,确定到县市区的共101.5万户改厕任务。\n今年,省委、省政府将100万户以上农村户用厕所改(新)建任务纳入重点民生实事。根据各市州上报情况,截至8月20日,全省共完成农村改厕任务491441户,完成率为48.39%。各市州完成率分别为:长沙市76.43%、衡阳市28.85%、株洲市58.84%、湘潭市58.86%。\n";
  it("a first sentence citing a plan by its title does not make the page a plan; 截至8月20日 dates a figure, not a pledge", () => {
    const r = extract(page, { documentDate: "2019-09-04" });
    expect(r.commitments.map((c) => c.target?.value)).not.toContain(491441);
    expect(r.observations.find((o) => o.value === 491441)?.asOf).toBe("2019-08-20");
  });
  it("全省 and three of its cities each listed with a figure: the province, not the first city", () => {
    expect(extract(page, { documentDate: "2019-09-04" }).document.region).toBe("湖南省");
  });
  it("a news line announcing the year's list still opens a plan", () => {
    const r = extract("近日,经过精心筹备与广泛调研,鲤城区公布2025年34件为民办实事项目清单,涵盖教育、医疗等领域。\n新建改造城市生活污水管网5公里。\n", { documentDate: "2025-03-01" });
    expect(r.commitments.map((c) => c.target?.value)).toContain(5);
  });
});

describe("a province's page that never writes its full name", () => {
  it("省政府…在广东就业…广东技工: 广东省", () => {
    const r = extract("倾情倾力实施民生十大工程\n\n省政府承诺的十件民生实事全部兑现。“广东技工”工程培训134万人次,在广东就业的农民工新增117万人,城镇新增就业139.3万人。\n");
    expect(r.document.region).toBe("广东省");
  });
  it("a district's page naming its city is not the city's; two provinces named give none", () => {
    expect(extract("普陀区2023年为民办实事项目完成情况\n\n全区完成上海下达的任务,在上海居住的老人满意。\n").document.region).not.toBe("上海市");
    expect(extract("民生实事\n\n省政府与广东、广西两地签约,广东方面表示支持。\n").document.region).toBeNull();
  });
});

describe("the subject of a listed figure", () => {
  it("新能源装机在全国率先破亿、达到1.35亿千瓦: 新能源装机", () => {
    const r = extract("内蒙古自治区人民政府\n\n新能源装机在全国率先破亿、达到1.35亿千瓦,超过火电装机。\n", { documentDate: "2025-01-14" });
    expect(r.observations.find((o) => o.value === 1.35)?.indicator).toBe("新能源装机");
  });
});

describe("a list of projects by name", () => {
  const page = (list: string) => `近日,经过精心筹备与广泛调研,鲤城区公布2025年34件为民办实事项目清单,涵盖教育、医疗等领域。\n2025年鲤城区为民办实事项目清单包括:${list}\n`;
  it("清单包括:A项目、B项目、…: one milestone per project, a project with a number a quantitative target", () => {
    const r = extract(page("5G+同步课堂项目、长者食堂建设项目、公厕改建改造工程项目、新建改造城市生活污水管网5公里项目、消防器材便民取用点建设项目。"), { documentDate: "2025-03-01" });
    expect(r.commitments.map((c) => [c.kind, c.indicator])).toEqual([
      ["quantitative", "城市生活污水管网"],
      ["milestone", "5G+同步课堂项目"],
      ["milestone", "长者食堂建设项目"],
      ["milestone", "公厕改建改造工程项目"],
      ["milestone", "消防器材便民取用点建设项目"],
    ]);
    // the first quotes the sentence, each later one its own item
    expect(r.commitments[2]?.quote).toBe("长者食堂建设项目");
  });
  it("a list of fields (教育、医疗、文旅) is no list of projects", () => {
    const r = extract("下一步工作\n\n我们将继续加大教育、医疗、文旅、住房投入。\n", { documentDate: "2025-03-01" });
    expect(r.commitments).toHaveLength(1);
  });
  it("a news line whose first sentence announces 十件民生实事项目 opens a plan, though 代表 and 表决 hold 表", () => {
    const r = extract("(涉县融媒体中心)在涉县第十八届人民代表大会第五次会议闭幕式上通过县人大代表票选表决县政府2025年度十件民生实事项目 正式出炉!\n一、2025年村内基础设施提升工程\n在17个乡镇(街道办)硬化道路10万平方米并安装太阳能路灯1000盏。\n", { documentDate: "2025-01-20" });
    expect(r.commitments.map((c) => c.target?.value)).toEqual(expect.arrayContaining([10, 1000]));
  });
  it("在17个乡镇 says where the work is done: no target, no part of a name; 并安装 opens the next item", () => {
    const r = extract("2025年民生实事项目\n\n在17个乡镇(街道办)硬化道路10万平方米并安装太阳能路灯1000盏。\n", { documentDate: "2025-01-20" });
    expect(r.commitments.map((c) => [c.indicator, c.target?.value, c.target?.unit])).toEqual([["硬化道路", 10, "万平方米"], ["安装太阳能路灯", 1000, "盏"]]);
  });
});

describe("a reply about this autumn's kindergartens", () => {
  const reply = "五家渠市教育局\n\n五家渠城区目前除3所公办园之外,还有配套幼儿园。今年9月将恒大小区配套幼儿园,民办转为公办。拟定为第四幼儿园,该幼儿园能开设12个教学班,容纳360名幼儿。同时,今年9月位于贝鸟逸轩小区配套幼儿园,作为第二幼儿园分园,将开园招生。\n";
  it("五家渠 is a place, not five 家; 9月将…转为公办 and ,将开园招生 are this September's milestones", () => {
    const r = extract(reply, { documentDate: "2023-09-22" });
    expect(r.observations.map((o) => o.value)).not.toContain(5);
    expect(r.commitments.filter((c) => c.kind === "milestone").map((c) => [c.indicator, c.due?.date])).toEqual([["民办转为公办", "2023-09-30"], ["开园招生", "2023-09-30"]]);
  });
  it("能开设12个教学班,容纳360名幼儿: what is opened and held is named after the number", () => {
    const r = extract(reply, { documentDate: "2023-09-22" });
    expect(r.commitments.filter((c) => c.kind === "quantitative").map((c) => c.indicator)).toEqual(["教学班", "幼儿"]);
  });
  it("a numeral that counts (五家养老机构) is still read", () => {
    expect(extract("下一步工作\n\n今年将新建五家养老机构。\n", { documentDate: "2023-09-22" }).commitments.map((c) => c.target?.value)).toEqual([5]);
  });
});

describe("a plan's programmes in one sentence", () => {
  const news = "新华社北京8月19日电 国家林草局近日印发规划纲要。\n\n纲要显示,“十三五”期间我国生态状况明显改善。\n\n纲要提出,面向“十四五”,我国将科学开展大规模国土绿化行动,构建以国家公园为主体的自然保护地体系,加强草原保护修复,强化湿地保护修复,加强野生动植物保护,推动林草高质量发展。\n";
  it("four or more programmes, each opened by its verb: one pledge each, the later ones quoting their own clause", () => {
    const r = extract(news);
    expect(r.commitments.map((c) => c.indicator)).toEqual(expect.arrayContaining(["构建以国家公园为主体的自然保护地体系", "加强草原保护修复", "强化湿地保护修复", "加强野生动植物保护"]));
    expect(r.commitments.find((c) => c.indicator === "加强草原保护修复")?.quote).toBe("加强草原保护修复");
  });
  it("a plan's period looked back on (“十三五”期间…明显改善) pledges nothing", () => {
    expect(extract(news).commitments.some((c) => c.quote.includes("十三五"))).toBe(false);
  });
  it("three steps of one programme stay one pledge", () => {
    const r = extract("下一步工作\n\n加快推进职业院校开设康复护理类专业,扩大招生规模,做强一批康复护理学科与专业。\n", { documentDate: "2024-06-30" });
    expect(r.commitments).toHaveLength(1);
  });
});

describe("a work plan's task table written out", () => {
  const plan = "各县、区人民政府:\n《临沧市2020年殡葬改革工作推进方案》已经市人民政府同意,现印发给你们,请认真抓好贯彻落实。\n2020年3月25日\n临沧市2020年殡葬改革工作推进方案\n根据省里文件要求,结合实际,特制定本方案。\n一、工作目标\n2020年,实现火化区火化率达100%,节地生态安葬比例达42%以上。\n二、重点任务\n1.完成全市农村公益性公墓建设工作。\n责任单位:各县(区)人民政府\n市级配合单位:市民政局、市财政局\n完成时限:2020年6月底前。\n";
  it("推进方案 is a plan, 工作目标 heads targets; the notice and the preamble pledge nothing", () => {
    const r = extract(plan);
    expect(r.commitments.map((c) => c.target?.value ?? c.indicator)).toEqual([100, 42, "完成全市农村公益性公墓建设工作"]);
  });
  it("the field lines pledge nothing; 完成时限 dates the task above", () => {
    const r = extract(plan);
    expect(r.commitments.some((c) => /责任单位|配合单位|完成时限/.test(c.quote))).toBe(false);
    expect(r.commitments.find((c) => c.indicator === "完成全市农村公益性公墓建设工作")?.due?.date).toBe("2020-06-30");
  });
});

describe("targets written as states", () => {
  it("目标到2025年,A稳步提高,B明显提高,C差距明显缩小: a target each", () => {
    const r = extract("国家发展改革委印发实施方案\n\n目标到2025年,全国常住人口城镇化率稳步提高,户籍人口城镇化率明显提高,户籍人口城镇化率与常住人口城镇化率差距明显缩小。\n", { documentDate: "2022-07-12" });
    expect(r.commitments).toHaveLength(3);
    expect(r.commitments.every((c) => c.due?.date === "2025-12-31")).toBe(true);
  });
  it("beside a number: 能力明显增强,边界全面划定,规模控制在2950万亩以内,内涝治理取得明显成效 — the number and three states", () => {
    const r = extract("国家发展改革委印发实施方案\n\n目标到2025年,城市可持续发展能力明显增强,城镇开发边界全面划定,新增建设用地规模控制在2950万亩以内,城市内涝治理取得明显成效。\n", { documentDate: "2022-07-12" });
    expect(r.commitments.map((c) => [c.kind, c.target?.value ?? null])).toEqual([["quantitative", 2950], ["qualitative", null], ["milestone", null], ["qualitative", null]]);
    expect(r.commitments[2]?.quote).toBe("城镇开发边界全面划定");
  });
  it("one state beside a number adds no pledge of its own", () => {
    const r = extract("下一步工作\n\n到2025年,新增养老床位500张,服务能力明显增强。\n", { documentDate: "2022-07-12" });
    expect(r.commitments.map((c) => c.kind)).toEqual(["quantitative"]);
  });
});

describe("a headline that is the only place a pledge is stated", () => {
  const page = (body: string) => `河北今年將建城市公共停車設(shè)施7.7萬個(gè)\n\n2020-03-26 10:04:33 來源: 河北新聞網(wǎng)\n\n${body}\n`;
  it("over a body of the year's tasks (建设任务…共计7.7万个) the headline's pledge stays, quoted with its last reading", () => {
    const r = extract(page("從河北省住建廳獲悉,2020年,全省設(shè)區(qū)市確定城市公共停車位建設(shè)任務(wù)3.8萬個(gè),共計(jì)7.7萬個(gè)。"), { documentDate: "2020-03-26" });
    const c = r.commitments.find((x) => x.target?.value === 77000);
    expect([c?.indicator, c?.target?.mode, c?.due?.date]).toEqual(["城市公共停车设施", "increment", "2020-12-31"]);
    expect(c?.quote).toBe("河北今年將建城市公共停車設(shè)施7.7萬個(gè)");
  });
  it("over a body that pledges the same number, the body's sentence is the pledge", () => {
    const r = extract(page("河北省住建厅表示,今年将建城市公共停车设施7.7万个,缓解停车难。"), { documentDate: "2020-03-26" });
    expect(r.commitments.filter((x) => x.target?.value === 77000).map((x) => x.quote)).toEqual(["河北省住建厅表示,今年将建城市公共停车设施7.7万个,缓解停车难。"]);
  });
  it("2020年之前全省存量公共停车位只有59.1万个: 存量公共停车位", () => {
    const r = extract("据统计,2020年之前全省存量公共停车位只有59.1万个,缺口较大。", { documentDate: "2022-07-28" });
    expect(r.observations.map((o) => o.indicator)).toEqual(["存量公共停车位"]);
  });
});

describe("the same thing at another stage", () => {
  it("开工建设“口袋公园”88个,目前已建成64个: the 64 are 口袋公园, not 开工建设口袋公园", () => {
    const r = extract("截至6月底,重庆市今年开工建设“口袋公园”88个,目前已建成64个。", { documentDate: "2025-07-24" });
    expect(r.observations.map((o) => [o.indicator, o.value])).toEqual([["开工建设口袋公园", 88], ["口袋公园", 64]]);
  });
});

describe("the body that speaks in a news item", () => {
  const agencyOf = (t: string) => extract(`标题\n\n${t}\n`).document;
  it("国家林草局、国家发展改革委近日联合印发 / 水利部等9部门联合印发: the first one named, of 全国", () => {
    expect(agencyOf("新华社北京8月19日电 国家林草局、国家发展改革委近日联合印发《规划纲要》。")).toMatchObject({ agency: "国家林草局", region: "全国" });
    expect(agencyOf("日前,水利部、国家发展改革委、财政部等9部门联合印发《指导意见》。").agency).toBe("水利部");
  });
  it("国家统计局公告 / 国务院新闻办公室29日发表 / 文化和旅游部正式发布 / 记者从生态环境部举行的新闻发布会上获悉", () => {
    expect(agencyOf("国家统计局公告,根据对全国31个省(区、市)的调查,全国粮食总产量69541万吨。").agency).toBe("国家统计局");
    expect(agencyOf("国务院新闻办公室29日发表的《中国交通运输发展》白皮书说,高速铁路营业里程达到3万公里。").agency).toBe("国务院新闻办公室");
    expect(agencyOf("近日,文化和旅游部正式发布《2019年文化和旅游发展统计公报》。").agency).toBe("文化和旅游部");
    expect(agencyOf("记者2月27日从生态环境部举行的新闻发布会上获悉,全国环境空气质量历史最优。").agency).toBe("生态环境部");
  });
  it("a wire service that publishes is still not the agency (新华社发布)", () => {
    expect(agencyOf("新华社发布消息称,全国粮食总产量69541万吨。").agency).toBeNull();
  });
});

describe("a place inside a place", () => {
  it("在日照市五莲县第十七届人民代表大会…作政府工作报告: the county's government, of 五莲县", () => {
    const d = extract("五莲县政府工作报告\n\n近日,在日照市五莲县第十七届人民代表大会第二次会议上,五莲县县长作政府工作报告。\n").document;
    expect(d).toMatchObject({ region: "五莲县" });
  });
  it("…but a city's bureau (市民政局) stays at the city even where the text goes on to a county", () => {
    const d = extract("市民政局关于养老工作的通知\n\n岳阳市平江县养老服务中心建成。\n").document;
    expect(d.region).toBe("岳阳市");
  });
  it("唐山市丰南区农业农村局 on its own line, then 对…第20号建议的答复: that agency, of 丰南区", () => {
    const d = extract("唐山市丰南区农业农村局\n对丰南区第七届人民代表大会\n第三次会议第20号建议的答复\n李任忠代表:\n您提出的建议收悉,现答复如下:\n").document;
    expect(d).toMatchObject({ agency: "唐山市丰南区农业农村局", region: "丰南区" });
  });
});

describe("a year's targets under a marked heading or after 即", () => {
  const page = "政府工作报告摘要与导读\n\n■ 2024年成绩单\n\n●粮食总产达到557亿斤\n\n■ 2025年经济社会发展的主要预期目标\n\n●经济增长6%左右\n\n●居民收入增长与经济增长同步\n\n●粮食产量继续保持500亿斤以上\n";
  it("■ 2025年…主要预期目标: each ● item below is a target due at 2025's end; the ● line without a figure is an item, not a heading", () => {
    const r = extract(page, { documentDate: "2025-01-17" });
    expect(r.commitments.filter((c) => c.target).map((c) => [c.indicator, c.target?.value, c.due?.date])).toEqual([["经济增长比例", 6, "2025-12-31"], ["粮食产量", 500, "2025-12-31"]]);
  });
  it("…the 成绩单 above it stays a report", () => {
    const r = extract(page, { documentDate: "2025-01-17" });
    expect(r.observations.map((o) => o.value)).toContain(557);
    expect(r.commitments.some((c) => c.target?.value === 557)).toBe(false);
  });
  it("提出了2018年的主要目标,即A,B: the items after 即 are targets; 即 is no part of the name", () => {
    const r = extract("西藏自治区政府工作报告\n\n主席在报告中同时提出了2018年的主要目标,即地区生产总值增长10%左右,城镇登记失业率控制在3%以内。\n", { documentDate: "2018-01-24" });
    expect(r.commitments.map((c) => [c.indicator, c.target?.value, c.due?.date])).toEqual([["地区生产总值增长", 10, "2018-12-31"], ["城镇登记失业率", 3, "2018-12-31"]]);
  });
  it("…a 主要目标 mentioned without its items (今后五年的目标任务、2018年工作安排) opens nothing", () => {
    const r = extract("标题\n\n报告从过去五年工作回顾、今后五年的目标任务等部分进行了阐述。地区生产总值增长了9.1%。\n", { documentDate: "2018-01-24" });
    expect(r.commitments.some((c) => c.target?.value === 9.1)).toBe(false);
  });
});

describe("民生实事 lists as pages announce them", () => {
  it("2015年,…将集中力量办好十件民生实事。这十件民生实事分别是:A;B: each item a pledge due at that year's end", () => {
    const r = extract("秦安县民生实事\n\n2月11日,记者了解到,2015年,秦安县将集中力量办好十件民生实事。\n这十件民生实事分别是:完成秦南路3.4公里道路拓宽改造工程;改造农村危旧房2000户;\n");
    expect(r.commitments.map((c) => [c.target?.value, c.due?.date])).toEqual([[3.4, "2015-12-31"], [2000, "2015-12-31"]]);
  });
  it("…a list of a year that is over dates nothing", () => {
    const r = extract("标题\n\n2015年,秦安县将集中力量办好十件民生实事。\n这十件民生实事分别是:改造农村危旧房2000户;\n", { documentDate: "2016-03-01" });
    expect(r.commitments.every((c) => c.due?.date !== "2015-12-31" || c.due?.certainty !== "inferred")).toBe(true);
  });
  it("洋政发〔2024〕8号 is the document's number, not its title", () => {
    const d = extract("洋政发〔2024〕8号\n洋县人民政府\n关于印发洋县2024年十大民生实事项目的通知\n各镇人民政府:\n现印发给你们。\n").document;
    expect(d.title).toBe("关于印发洋县2024年十大民生实事项目的通知");
  });
  it("a table cell naming a project or a column (洋县2024年老旧小区改造项目 |) pledges nothing; the content cell does", () => {
    const r = extract("关于印发洋县2024年十大民生实事项目的通知\n\n序号 |\n项目名称 |\n2024年建设内容 |\n1 |\n洋县2024年老旧小区改造项目 |\n实施西苑小区等三所老旧小区房屋功能改善。 |\n", { documentDate: "2024-04-02" });
    expect(r.commitments.map((c) => c.quote)).toEqual([expect.stringContaining("实施西苑小区")]);
  });
});

describe("a city page that writes its name short", () => {
  const page = "加装电梯进展\n\n记者昨日从市既有住宅加装电梯工作领导小组办公室了解到,今年前两个月,全市加装电梯126部。\n从2018年底,郑州出台既有住宅加装电梯工作的实施意见。\n据介绍,今年全市计划既有住宅加装电梯200部。\n";
  it("郑州出台… with 全市: the page is 郑州市's", () => {
    expect(extract(page, { documentDate: "2021-03-01" }).document.region).toBe("郑州市");
  });
  it("…two cities named short: no guess", () => {
    expect(extract("标题\n\n全市学习外地经验,郑州、洛阳两地做法值得借鉴。\n", { documentDate: "2021-03-01" }).document.region).toBeNull();
  });
  it("今年前两个月…126部 reports the months so far; 今年计划加装200部 is an increment due at the year's end", () => {
    const r = extract(page, { documentDate: "2021-03-01" });
    expect(r.commitments.map((c) => [c.target?.value, c.target?.mode, c.due?.date])).toEqual([[200, "increment", "2021-12-31"]]);
    expect(r.observations.find((o) => o.value === 126)?.asOf).toBe("2021-02-28");
  });
});

describe("a result set against its target", () => {
  it("上半年,城镇新增就业2.9万人,完成年度目标任务的68.9%: a figure of the half year, no pledge", () => {
    const r = extract("宣城市上半年经济运行\n\n上半年,城镇新增就业2.9万人,完成年度目标任务的68.9%。\n", { documentDate: "2024-06-30" });
    expect(r.commitments).toEqual([]);
    expect(r.observations.map((o) => o.value)).toContain(29000);
  });
  it("…a word of intent still pledges (力争下半年完成年度目标任务的100%)", () => {
    const r = extract("标题\n\n力争下半年城镇新增就业完成年度目标任务的100%。\n", { documentDate: "2024-07-20" });
    expect(r.commitments.length).toBe(1);
  });
});

describe("a plan's sentence carried on", () => {
  it("到2017年,…翻一番以上。公共财政收入年均增长12%以上; — the next sentence's bound figure is a target too", () => {
    const r = extract("黑龙江政府工作报告\n\n到2017年,预期全省地区生产总值比2010年翻一番以上。公共财政收入年均增长12%以上;全社会固定资产投资年均增长25%以上。\n");
    expect(r.commitments.map((c) => c.target?.value)).toEqual(expect.arrayContaining([12, 25]));
  });
  it("…a figure without a bound word after a plan's sentence stays a report (城镇化率为68.3%)", () => {
    const r = extract("标题\n\n到2017年,全省地区生产总值翻一番。去年城镇化率为68.3%。\n");
    expect(r.commitments.some((c) => c.target?.value === 68.3)).toBe(false);
  });
});
