// Input as it arrives (GUIDE §3a) and the rules added for real documents: each with a case that
// must be found and one that must not.
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";
import { normaliseInput, originalEnd, originalStart } from "~/extraction/text/normalise";

const sign = (body: string, date = "2024年5月20日", agency = "某某县教育体育局") => `${body}\n${agency}\n${date}\n`;

describe("Traditional characters and pinyin readings", () => {
  it("leaves Simplified text as it is", () => {
    const text = "下一步，我局将新建普惠性幼儿园5所。";
    const n = normaliseInput(text);
    expect(n.changed).toBe(false);
    expect(n.text).toBe(text);
  });

  it("reads Traditional text as Simplified and drops inserted readings, mapping offsets back", () => {
    const text = "關(guān)于養(yǎng)老服務(wù)的建議";
    const n = normaliseInput(text);
    expect(n.text).toBe("关于养老服务的建议");
    const at = n.text.indexOf("服务");
    expect(text.slice(originalStart(n, at), originalEnd(n, at + 2))).toBe("服務");
  });

  it("keeps brackets that are not readings", () => {
    const n = normaliseInput("新增老年食堂(助餐点)15个，标准(a)条");
    expect(n.changed).toBe(false);
  });

  it("quotes a Traditional mirror page in its own characters, with offsets into it", () => {
    const text = sign("下一步，我局將(jiāng)新建普惠性幼兒(ér)園5所。", "2024年5月20日", "某某縣教育體育局");
    const r = extract(text);
    expect(r.commitments).toHaveLength(1);
    const c = r.commitments[0];
    expect(c.target?.value).toBe(5);
    expect(c.quote).toBe("下一步，我局將(jiāng)新建普惠性幼兒(ér)園5所。");
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(r.document.agency).toBe("某某县教育体育局");
  });
});

describe("plans without the usual cue words", () => {
  it("a date later in the document's own year pledges (2024年8月完成… in a May reply)", () => {
    const r = extract(sign("2023年7月已经启动了新长征小学的扩建工作，2024年8月完成所有扩建工作。"));
    expect(r.commitments.map((c) => c.due?.date)).toEqual(["2024-08-31"]);
  });

  it("a date before the document's does not", () => {
    const r = extract(sign("2024年3月完成所有扩建工作。"));
    expect(r.commitments).toEqual([]);
  });

  it("numbered paragraphs after a lead-in that ends in 。 are plans", () => {
    const body = "下一步，我们将从以下几个方面重点用力，不断提升服务保障能力。\n（一）加快推进设施建设。指导各地有序推进规划编制。坚持以节地为导向，严禁修建硬化大墓。\n（二）加强规范管理。";
    const quotes = extract(sign(body)).commitments.map((c) => c.quote);
    expect(quotes).toContain("指导各地有序推进规划编制。");
    expect(quotes).toContain("坚持以节地为导向，严禁修建硬化大墓。");
  });

  it("a report's 现将…答复如下： does not make the next paragraph a plan", () => {
    const body = "现将有关意见答复如下：\n为此，我们积极推进居家养老服务体系建设，加强从业人员培训。";
    expect(extract(sign(body)).commitments).toEqual([]);
  });

  it("正筹划建设 is a plan", () => {
    const r = extract(sign("目前正筹划建设5个市级社区养老服务综合体。"));
    expect(r.commitments.map((c) => c.target?.value)).toEqual([5]);
  });
});

describe("document fields as real pages write them (GUIDE §3)", () => {
  const meta = (text: string) => extract(text).document;

  it("several addressees joined with 、, and 等N位", () => {
    expect(meta("马青、周丽等委员:\n你们提出的《关于推进养老服务的建议》收悉。").addressee).toBe("马青、周丽");
    expect(meta("姜欣(等10位)代表:\n你们提出的议案收悉。").addressee).toBe("姜欣");
    expect(meta("易宁等十二位代表:\n你们提出的建议收悉。").addressee).toBe("易宁");
  });

  it("a group of members as the addressee", () => {
    const d = meta("驻温泉委员联络组:\n你们提出的《关于新建运动场的提案》收悉。");
    expect([d.addressee, d.addresseeRole, d.title]).toEqual(["驻温泉委员联络组", "委员", "关于新建运动场的提案"]);
  });

  it("the session keeps the place the text writes before it, and nothing else", () => {
    expect(meta("关于对平江县十七届人大四次会议第097号建议的答复\n李明代表:").session).toBe("平江县十七届人大四次会议");
    expect(meta("王芳代表:\n您在双柏县第十八届人民代表大会第五次会议上提出的建议收悉。").session).toBe("双柏县第十八届人民代表大会第五次会议");
    expect(meta("关于县政协十四届三次会议第49号提案的答复\n张三委员:").session).toBe("县政协十四届三次会议");
  });

  it("the region through the gazetteer at the agency's own level; central bodies are 全国", () => {
    expect(meta("衢州市衢江区教育局关于第88号建议的答复\n姜欣代表:").region).toBe("衢江区");
    const news = meta("2月28日，民政部副部长唐承沛表示，累计支持建成家庭养老床位36.6万张。");
    expect([news.agency, news.region]).toEqual(["民政部", "全国"]);
  });

  it("a wire service is not the agency; the body it quotes is", () => {
    const d = meta("重庆:今年底社区养老服务设施将达1000个\n2017-10-08 来源:新华社\n据来自重庆市民政局的消息,截至今年8月底,建设进度完成87%。");
    expect([d.agency, d.region]).toEqual(["重庆市民政局", "重庆市"]);
  });

  it("a phrase that is no place gives no region", () => {
    expect(meta("今年农村地区公益性安葬设施建设取得进展。").region).toBeNull();
  });
});

describe("tables flattened one cell per line", () => {
  const table = [
    "序号", "重点工作任务(民生实事项目)", "牵头单位", "负责科室", "负责人", "计划完成时间", "进展情况(一季度)",
    "1", "新增老年食堂(助餐点)15个", "区民政局", "养老服务科", "何滢", "11月底前", "其中3个点位已完成建设。",
    "2", "新增认知障碍照护专区床位100张", "10月底前", "目前已完成20张专区床位建设。",
    "3", "建成启用区级老年活动中心", "目前正在进行主体建筑装修阶段。",
  ].join("\n");

  it("each row's task is a commitment with its deadline cell, and its progress cell an observation", () => {
    const r = extract(`${table}\n`, { documentDate: "2024-04-22" });
    expect(r.commitments.map((c) => [c.kind, c.target?.value ?? null, c.due?.date ?? null])).toEqual([
      ["quantitative", 15, "2024-11-30"],
      ["quantitative", 100, "2024-10-31"],
      ["milestone", null, "2024-12-31"],
    ]);
    expect(r.observations.map((o) => o.value)).toEqual(expect.arrayContaining([3, 20]));
    expect(r.document.agency).toBe("区民政局");
  });

  it("figures in the progress columns after the lead unit are reports, not new targets", () => {
    const t = ["项目", "内容", "牵头单位", "进展情况", "(7月)", "进展情况", "(12月)", "养老服务项目", "新增15家居家养老服务照料中心。", "区民政局", "已完成8家居家养老服务照料中心。", "新增居家养老服务照料中心25家。"].join("\n");
    const r = extract(`${t}\n`, { documentDate: "2021-08-23" });
    expect(r.commitments.map((c) => c.target?.value)).toEqual([15]);
    expect(r.observations.map((o) => o.value)).toEqual([8, 25]);
  });

  it("a bare completed-count cell is an observation of the row's task; a share cell is not", () => {
    const t = ["考核指标 |", "计量单位 |", "工作目标 |", "已完成数 |", "占年度任务 |", "改扩建乡镇敬老院和农村五保户供养 |", "所 |", "改扩建乡镇敬老院18所 |", "18所 |", "100% |"].join("\n");
    const r = extract(`${t}\n`, { documentDate: "2015-12-08" });
    expect(r.commitments.map((c) => [c.target?.value, c.target?.unit, c.target?.mode])).toEqual([[18, "所", "increment"]]);
    expect(r.observations.map((o) => [o.value, o.unit])).toEqual([[18, "所"]]);
  });

  it("prose with a few short lines is not a table", () => {
    const r = extract("目标任务\n进展情况\n下一步，我局将新建普惠性幼儿园5所。\n某某县教育局\n2024年5月20日\n");
    expect(r.commitments.map((c) => [c.target?.value, c.rule.startsWith("table")])).toEqual([[5, false]]);
  });
});

describe("cues, refusals and progress clauses of real replies", () => {
  const targets = (body: string, date = "2020年5月20日") => extract(sign(body, date)).commitments.map((c) => [c.kind, c.target?.value ?? null, c.due?.date ?? null]);

  it("拟新增 pledges; 拟撤并学校的… names schools, it pledges nothing", () => {
    expect(targets("2020年重庆拟新增街道养老服务中心132个、乡镇养老服务中心224个。")).toEqual([
      ["quantitative", 132, "2020-12-31"], ["quantitative", 224, "2020-12-31"],
    ]);
  });

  it("a sentence that ends in a refusal pledges nothing", () => {
    expect(targets("未来十年内拟撤并学校的运动场均不纳入改造计划，月田镇其余五所完全小学属于拟撤并学校，暂无运动场建设计划。")).toEqual([]);
  });

  it("a refusal word in a framing clause does not veto the plan after it", () => {
    expect(targets("今年，从暂无项目建设用地的实际出发，县教体局筹措资金80万元，计划实施运动场提升改造项目。").map((x) => x[1])).toContain(80);
  });

  it("progress clauses (正在施工N个, 尚未开工N个) are observations, not targets", () => {
    const r = extract(sign("今年拟建132个街道养老服务中心，目前已验收合格4个，正在施工建设52个，完成选址尚未开工的有51个。"));
    expect(r.commitments.map((c) => c.target?.value)).toEqual([132]);
    expect(r.observations.map((o) => o.value)).toEqual(expect.arrayContaining([4, 52, 51]));
  });

  it("a deadline in a later clause with no target of its own applies to the targets before it", () => {
    expect(targets("计划建设乡镇养老服务中心800个，设立村级互助养老点5180个，到2022年全部完成。")).toEqual([
      ["quantitative", 800, "2022-12-31"], ["quantitative", 5180, "2022-12-31"],
    ]);
  });

  it("届时 takes the deadline of the sentence before", () => {
    const r = extract(sign("预计到11月全面投入运营。届时，城镇社区养老服务中心将达到1000个。", "2017年10月8日"));
    expect(r.commitments.map((c) => [c.target?.value ?? null, c.due?.date])).toEqual([[null, "2017-11-30"], [1000, "2017-11-30"]]);
  });

  it("a verbless clause of the same list goes on from the target before it", () => {
    const r = extract(sign("今年，县教体局计划实施运动场改造。主要建设内容为：改造塑胶跑道968平方米，足球场1043平方米。", "2024年6月20日"));
    expect(r.commitments.map((c) => c.target?.value).filter(Boolean)).toEqual([968, 1043]);
  });

  it("money raised is an increment; what is built to a size is a level", () => {
    const r = extract(sign("今年计划筹资180万元，将新长征小学改扩建成42个班。", "2024年4月26日"));
    expect(r.commitments.map((c) => [c.target?.value, c.target?.mode, c.target?.comparator])).toEqual([[180, "increment", "="], [42, "level", ">="]]);
  });
});

describe("ages and changes", () => {
  it("a life expectancy in 岁 is a level target; its change against a base year restates it", () => {
    const r = extract(sign("到2030年，人均预期寿命力争达到80岁左右，比2020年提高1.32岁。", "2025年10月24日"));
    expect(r.commitments.map((c) => [c.indicator, c.target?.value, c.target?.unit, c.target?.mode, c.due?.date, c.target?.change ?? false])).toEqual([
      ["人均预期寿命", 80, "岁", "level", "2030-12-31", false],
    ]);
  });

  it("60岁以上老人 is a qualifier, not an age target", () => {
    const r = extract(sign("今年将为60岁以上老人新建助餐点20个。"));
    expect(r.commitments.map((c) => [c.target?.value, c.target?.unit])).toEqual([[20, "个"]]);
  });

  it("a change is typed as a change, never as a level", () => {
    const r = extract(sign("2023年全市人均预期寿命达到79.25岁，较上年提高0.26岁，城镇化率较上年提高1.2个百分点。"));
    const byValue = new Map(r.observations.map((o) => [o.value, o.change ?? false]));
    expect([byValue.get(79.25), byValue.get(0.26), byValue.get(1.2)]).toEqual([false, true, true]);
  });

  it("a change pledged on its own keeps the measure as its indicator", () => {
    const c = extract(sign("到2025年，细颗粒物浓度比2020年下降10%。")).commitments;
    expect(c.map((x) => [x.indicator, x.target?.value, x.target?.change, x.due?.date])).toEqual([["细颗粒物浓度", 10, true, "2025-12-31"]]);
  });
});

describe("the reply's date in its real formats", () => {
  const date = (text: string) => extract(text).document.repliedOn;
  it("a dotted signature date", () => {
    expect(date("张三代表:\n您的建议收悉。\n某某县民政局\n2024.08.29\n")).toBe("2024-08-29");
  });
  it("a month and day under the signature, with the year from the page's publication line", () => {
    expect(date("发布日期:2024-09-02\n张三代表:\n您的建议收悉。\n某某县民政局\n8月29日\n")).toBe("2024-08-29");
  });
  it("a month and day in the body is no signature", () => {
    expect(date("张三代表:\n8月29日\n我局召开会议研究您的建议，下一步将新建公厕5座。\n感谢您的关心。\n联系人:李四\n电话:12345\n")).toBeNull();
  });
  it("计划 as the name of a programme is no cue", () => {
    expect(extract("深入实施九大先行计划，获得民政部重点工作综合评估优秀。\n某某省民政厅\n2022年9月19日\n").commitments).toEqual([]);
  });
});

describe("units and modes read around the number", () => {
  it("每立方米35微克 is 35 微克/立方米, a ceiling", () => {
    const [c] = extract(sign("今年全市细颗粒物平均浓度控制在每立方米35微克以下。")).commitments;
    expect([c.indicator, c.target?.value, c.target?.unit, c.target?.comparator]).toEqual(["细颗粒物平均浓度", 35, "微克/立方米", "<="]);
  });
  it("对12所学校进行改造 is work to do (increment), read from the verb after the number", () => {
    const [c] = extract(sign("今年将对12所学校进行改造。")).commitments;
    expect([c.target?.value, c.target?.mode, c.target?.comparator]).toEqual([12, "increment", "="]);
  });
  it("3岁以下 qualifies the measure; it is not a target", () => {
    const r = extract(sign("今年每千人口拥有3岁以下婴幼儿托位数达到4.5个。"));
    expect(r.commitments.map((c) => c.target?.value)).toEqual([4.5]);
  });
});

describe("figures as bulletins and replies write them", () => {
  it("money written without 元 keeps its 万 (申请40万福彩公益金)", () => {
    const [o] = extract(sign("2023年申请40万福彩公益金用于公墓道路建设。")).observations;
    expect([o.value, o.unit]).toEqual([40, "万元"]);
  });
  it("graves are counted in 穴", () => {
    const r = extract(sign("目前已建成双墓122穴、单墓20穴。"));
    expect(r.observations.map((o) => [o.value, o.unit])).toEqual([[122, "穴"], [20, "穴"]]);
  });
  it("40万人 is still a count of people", () => {
    const [o] = extract(sign("目前已服务40万人。")).observations;
    expect([o.value, o.unit]).toEqual([400000, "人"]);
  });
});

describe("courtesy vetoes only its own clause", () => {
  it("a plan after 感谢您… is still a plan", () => {
    const r = extract(sign("感谢您对教育工作的关心，下一步我局将新建普惠性幼儿园5所。"));
    expect(r.commitments.map((c) => c.target?.value)).toEqual([5]);
  });
  it("a sentence that ends in courtesy is a sign-off", () => {
    expect(extract(sign("我们将一如既往地做好相关工作，欢迎您继续提出宝贵意见。")).commitments).toEqual([]);
  });
  it("a plan in the courtesy clause itself is not read", () => {
    expect(extract(sign("您提出的新建5所幼儿园的建议很好，我们认真研究。")).commitments).toEqual([]);
  });
});

describe("steps, conditions, unit costs and lists", () => {
  const read = (body: string) => extract(sign(body)).commitments.map((c) => [c.kind, c.indicator, c.target?.value ?? null]);
  it("a step named by its date is a milestone (开工, 完工, 投入使用)", () => {
    expect(read("项目计划于2024年9月开工建设。")).toEqual([["milestone", "项目开工建设", null]]);
  });
  it("待…后即可 is a plan waiting on its condition", () => {
    expect(read("待资金到位后即可开工建设。").map((x) => x[0])).toEqual(["milestone"]);
  });
  it("a unit cost (每个床位投资15-20万元) is not a target", () => {
    expect(read("下一步将启动养老院改造工程，预计每个床位投资15-20万元。").map((x) => x[2])).toEqual([null]);
  });
  it("分别达到85%、95%和90% gives each value its own indicator", () => {
    expect(read("今年全市城镇、农村和贫困地区的覆盖率分别达到85%、95%和90%。")).toEqual([
      ["quantitative", "城镇覆盖率", 85], ["quantitative", "农村覆盖率", 95], ["quantitative", "贫困地区覆盖率", 90],
    ]);
  });
  it("分别 with a list that does not line up keeps the ordinary indicators", () => {
    expect(read("今年城镇和农村分别新增岗位120个、80个和60个。").length).toBe(3);
  });
});

describe("tables flattened with | on one line", () => {
  const pipe = [
    "| 序号 | 重点工作任务(民生实事项目) | 牵头单位 | 计划完成时间 | 进展情况(一季度) |",
    "|---|---|---|---|---|",
    "| 1 | 新增老年食堂(助餐点)15个 | 区民政局 | 11月底前 | 其中3个点位已完成建设。 |",
    "| 2 | 新增认知障碍照护专区床位100张 | 区民政局 | 10月底前 | 目前已完成20张专区床位建设。 |",
  ].join("\n");
  it("long bracketed headers name their columns; the rule line is no row; indicators name the thing", () => {
    const r = extract(pipe, { documentDate: "2024-04-22" });
    expect(r.commitments.map((c) => [c.indicator, c.target?.value, c.due?.date])).toEqual([
      ["老年食堂(助餐点)", 15, "2024-11-30"], ["认知障碍照护专区床位", 100, "2024-10-31"],
    ]);
    expect(r.observations.map((o) => [o.indicator, o.value])).toEqual([["老年食堂(助餐点)", 3], ["认知障碍照护专区床位", 20]]);
  });
});

describe("statistical bulletins", () => {
  const bulletin = [
    "2024年某市国民经济和社会发展统计公报", "某市统计局", "2025年3月20日",
    "初步核算，全年全市地区生产总值2345.6亿元，比上年增长5.8%。年末全市常住人口320.5万人，比上年末增加1.2万人。城镇化率为68.3%，比上年末提高0.9个百分点。到2025年，全市每千常住人口执业（助理）医师数达到3.8人。",
  ].join("\n");
  const r = extract(bulletin);

  it("a body after the dateline at the top is read, not taken for the page's tail", () => {
    expect(r.observations.length).toBeGreaterThanOrEqual(6);
  });
  it("年末 and 全年 are the bulletin's year, and they pledge nothing", () => {
    const pop = r.observations.find((o) => o.value === 3205000);
    expect([pop?.asOf, pop?.indicator]).toEqual(["2024-12-31", "常住人口"]);
    expect(r.commitments.map((c) => c.target?.value)).toEqual([3.8]);
  });
  it("a change with no noun of its own is the change of the figure just named", () => {
    const up = r.observations.find((o) => o.value === 0.9);
    expect([up?.indicator, up?.change]).toEqual(["城镇化率", true]);
  });
});

describe("plans that are past or put off", () => {
  const read = (body: string) => extract(sign(body)).commitments.map((c) => c.target?.value ?? c.kind);
  it("计划新建的5所学校已全部投入使用 reports a plan done", () => expect(read("2023年计划新建的5所学校已全部投入使用。")).toEqual([]));
  it("原计划…暂缓 is no plan", () => expect(read("原计划新建10个站点，因资金原因暂缓。")).toEqual([]));
  it("今年计划新建学校5所 still is", () => expect(read("今年计划新建学校5所。")).toEqual([5]));
});

describe("documents that are themselves plans", () => {
  const list = ["某县2024年十件民生实事项目", "发布日期：2024-03-01", "一、教育提质工程。新建改扩建幼儿园3所，新增学位900个。", "三、医疗服务提升。建成县域医共体信息平台，乡镇卫生院标准化率达到100%。"].join("\n");
  it("each task of a 民生实事 list is a commitment, cue word or not, due at the list's year end", () => {
    const r = extract(list);
    expect(r.commitments.map((c) => [c.kind, c.target?.value ?? null, c.due?.date])).toEqual([
      ["quantitative", 3, "2024-12-31"], ["quantitative", 900, "2024-12-31"],
      ["quantitative", 100, "2024-12-31"], ["milestone", null, "2024-12-31"],
    ]);
  });
  it("a completion notice of the same list is a report: its figures are observations", () => {
    const r = extract(["关于2023年民生实事项目完成情况的公示", "发布日期：2024-01-10", "1.新建改扩建幼儿园3所，已全部完成，新增学位960个。"].join("\n"));
    expect(r.commitments).toEqual([]);
    expect(r.observations.map((o) => o.value)).toContain(960);
  });
});

describe("news items", () => {
  const news = ["我市今年将新增公办学位1.2万个", "2025-03-12 08:30 来源：洛阳日报", "本报讯记者昨日从市教育局获悉，今年我市计划新增公办学位1.2万个，力争到2027年，全市公办幼儿园在园幼儿占比达到55%以上。"].join("\n");
  it("the headline restating the plan is neither a second pledge nor a reported figure", () => {
    const r = extract(news);
    expect(r.commitments.map((c) => c.target?.value)).toEqual([12000, 55]);
    expect(r.observations).toEqual([]);
    // (我市 on a page of 洛阳日报: the city written short is the page's, and its bureau's name carries it)
    expect([r.document.agency, r.document.region, r.document.repliedOn]).toEqual(["洛阳市教育局", "洛阳市", "2025-03-12"]);
  });
});

describe("more document fields", () => {
  const meta = (text: string) => extract(text).document;
  it("a signature with a second name in brackets and a table pipe after the date", () => {
    const d = meta("高华代表:\n您提出的建议收悉。\n宁陕县住房和城乡建设局(县城市执法管理局) 2024年7月12日 |\n");
    expect([d.agency, d.repliedOn]).toEqual(["宁陕县住房和城乡建设局", "2024-07-12"]);
  });
  it("co-handling agencies named as 与X、Y等有关部门", () => {
    expect(meta("易宁代表:\n你们提出的议案收悉,我局与县林业局、规划办等有关部门进行了认真对接和研究,现答复如下:").coAgencies).toEqual(["县林业局", "规划办"]);
  });
  it("a report names no session of its own, unless it was given at it", () => {
    expect(meta("国家发展改革委主任3月6日在十四届全国人大四次会议经济主题记者会上说，将支持养老机构设备更新。").session).toBeNull();
    expect(meta("政府工作报告\n——2026年1月20日在晋中市第五届人民代表大会第六次会议上\n").session).toBe("晋中市第五届人民代表大会第六次会议");
  });
});

describe("figures in brackets", () => {
  it("a share stated in brackets is read, named by the words inside them", () => {
    const r = extract("截至2023年底，全国共有养老机构床位520万张（其中护理型床位占比为58.9%）。\n民政部\n2024年5月20日\n");
    expect(r.observations.map((o) => [o.indicator, o.value, o.asOf])).toEqual([["养老机构床位", 5200000, "2023-12-31"], ["护理型床位占比", 58.9, "2023-12-31"]]);
  });
  it("a description in brackets (“十四五”, (2021-2023)) is still no figure", () => {
    const r = extract("我局编制了三年行动计划(2021-2023年)。\n某市民政局\n2024年5月20日\n");
    expect(r.observations).toEqual([]);
  });
});

describe("coverage figures name what covers", () => {
  it("覆盖95.2%的乡镇(街道) after 已建成康养联合体 meets the pledge 康养联合体覆盖100%乡镇(街道)", () => {
    const r = extract("下一步，力争康养联合体覆盖100%乡镇(街道)。目前已建成康养联合体1300家，覆盖95.2%的乡镇(街道)。\n浙江省民政厅\n2025年6月30日\n");
    expect(r.commitments[0].indicator).toBe("康养联合体覆盖乡镇(街道)比例");
    expect(r.observations.map((o) => o.indicator)).toEqual(["康养联合体", "康养联合体覆盖乡镇(街道)比例"]);
  });
});

describe("lists of works and documents to produce", () => {
  const read = (body: string) => extract(sign(body)).commitments.map((c) => [c.kind, c.indicator]);
  it("the next item of a list of works after ； goes on with the plan", () => {
    expect(read("下半年，我局还将实施健安桥廊桥改造；实施体育综合运动中心、环长安河步道等项目，为老年人配建休闲场所。").length).toBe(2);
  });
  it("a soft item after ； (鼓励…) does not", () => {
    expect(read("今年计划新增认知障碍照护专区床位169张；鼓励家院互融，开展家庭床位试点。").length).toBe(1);
  });
  it("two documents to produce in one sentence are two pledges", () => {
    expect(read("同时，市民政局将研究制定街道社区养老服务设施建设指南，完善街道社区养老服务设施装修设计大纲。").length).toBe(2);
  });
  it("a school merged into another beside the numbers is a milestone of its own", () => {
    const r = extract(sign("2024年将新长征小学改扩建成42个班，将文胜小学、大冲小学整合至新长征小学。", "2024年5月20日"));
    expect(r.commitments.map((c) => c.kind)).toEqual(["quantitative", "milestone"]);
  });
});

describe("publication dates without separators", () => {
  const date = (line: string) => extract(`${line}\n今年全市新建公园5个。\n`).document.repliedOn;
  it("20240829 and 2024829 are read", () => {
    expect(date("发布日期：20240829")).toBe("2024-08-29");
    expect(date("发布日期：2024829")).toBe("2024-08-29");
  });
  it("2024111 (1月11日 or 11月1日) is not guessed", () => expect(date("发布日期：2024111")).toBeNull());
});

describe("民生实事 lists announced in the text, and progress reports on them", () => {
  it("items after …民生实事。分别是: are tasks, each a commitment", () => {
    const r = extract("5月10日，县长向大会作《政府工作报告》。县政府将重点抓好15件大事和民生实事。分别是:\n(1)开工新建西环路。\n(2)新建改扩建幼儿园3所。\n某县人民政府\n2020年5月10日\n");
    expect(r.commitments.map((c) => [c.kind, c.target?.value ?? null])).toEqual([["milestone", null], ["quantitative", 3]]);
  });
  it("the numbered tasks of a progress report are commitments; the progress lines are observations", () => {
    const r = extract("2012年民政实事项目完成情况进度表(五月份)\n一、新建老年日间服务中心1所，社区老年人助餐服务点2个\n芝川路老年人日间服务中心已添置设备。\n三、居家养老服务老年人2万人\n已服务老人19772人。\n");
    expect(r.commitments.map((c) => c.target?.value)).toEqual([1, 2, 20000]);
    expect(r.observations.map((o) => o.value)).toContain(19772);
  });
});

describe("agencies and regions as the text names them", () => {
  const meta = (text: string) => extract(text).document;
  it("the region as written (文山州), not the gazetteer's full name", () => {
    expect(meta("文山州交通运输局关于州政协第172号提案的答复\n张三委员:").region).toBe("文山州");
  });
  it("a short name without its ending takes the gazetteer's (重庆 → 重庆市)", () => {
    expect(meta("据来自重庆市民政局的消息，重庆全市建设进度完成87%。").region).toBe("重庆市");
  });
  it("a reply's agency named in its body (盘山县水利局对…代表的提议…)", () => {
    expect(meta("任大超代表:\n您提出的建议已收悉，答复如下：盘山县水利局对任大超代表的提议高度重视。").agency).toBe("盘山县水利局");
  });
  it("a government work report is its government's", () => {
    expect(meta("浙江省十一届人大四次会议开幕，浙江省省长吕祖善作政府工作报告。今年主要预期目标是：生产总值增长8%。").agency).toBe("浙江省人民政府");
  });
});

describe("the year's main targets", () => {
  it("every item after 主要预期目标是： is a target, up to the paragraph's end", () => {
    const r = extract("今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上；居民消费价格涨幅3%左右；粮食产量保持在1.3万亿斤以上。\n国务院\n2021年3月5日\n");
    expect(r.commitments.map((c) => c.target?.value)).toEqual([6, 11000000, 3, 1.3]);
  });
  it("a bullet of targets is read; a bullet of links is not", () => {
    const r = extract("今年预期目标\n■全市生产总值增长6%-6.5%\n· 关于新建学校5所的通知（2024-05-01）\n上海市人民政府\n2019年1月28日\n");
    expect(r.commitments.map((c) => [c.target?.value, c.target?.valueMax])).toEqual([[6, 6.5]]);
  });
});

describe("pages without a date", () => {
  it("今年 with work to do is still a plan, due unknown", () => {
    const r = extract("记者了解到，今年全省将新建高标准农田557万亩。");
    expect(r.commitments.map((c) => [c.target?.value, c.due])).toEqual([[557, null]]);
  });
  it("今年以来 reports", () => expect(extract("今年以来，全省新建高标准农田557万亩。").commitments).toEqual([]));
});
