// Pledge or report? Small documents in the shapes agencies write, each asserting what is found
// and what is not. The document date comes from the signature line.
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";

const sign = (body: string, date = "2025年6月30日", agency = "某某市教育局") => `${body}\n${agency}\n${date}\n`;
const kinds = (body: string) => extract(sign(body)).commitments.map((c) => [c.kind, c.target?.value ?? null, c.due?.date ?? null]);

describe("what is a pledge", () => {
  it.each([
    ["下一步，我局将新建普惠性幼儿园5所。", [["quantitative", 5, null]]],
    ["今年计划新增公办学位1.2万个。", [["quantitative", 12000, "2025-12-31"]]],
    ["力争到2027年，全市家庭医生签约率达到75%以上。", [["quantitative", 75, "2027-12-31"]]],
    ["我们将于2026年6月底前完成全部改造任务。", [["qualitative", null, "2026-06-30"]]],
    ["确保年底前实现行政村通客车全覆盖。", [["quantitative", 100, "2025-12-31"]]],
    ["拟于明年出台《公益性公墓管理办法》。", [["milestone", null, "2026-12-31"]]],
    ["“十五五”期间，计划新建急救站12个。", [["quantitative", 12, "2030-12-31"]]],
    ["预计到2026年底，保障性租赁住房累计筹集3万套。", [["quantitative", 30000, "2026-12-31"]]],
    ["区政府将新增停车泊位800个。", [["quantitative", 800, null]]],
    ["各街道将在年底前完成微改造12处。", [["quantitative", 12, "2025-12-31"]]],
  ])("%s", (body, expected) => {
    expect(kinds(body)).toEqual(expected);
  });

  it("reads every target of a list in one sentence, each with its own deadline", () => {
    const r = extract(sign("全年计划新增城镇就业1.5万人，预计到2027年每千人口拥有执业医师达3.5人。"));
    expect(r.commitments.map((c) => [c.target?.value, c.target?.unit, c.target?.mode, c.target?.per ?? null, c.due?.date])).toEqual([
      [15000, "人", "increment", null, "2025-12-31"],
      [3.5, "人", "level", "每千人口", "2027-12-31"],
    ]);
  });

  it("keeps the items of a plan that follows 下一步 on lines of their own", () => {
    const r = extract(sign("下一步，我们将重点做好以下工作：\n一是加快学校建设，新建中小学3所；\n二是加强教师队伍建设。\n三、其他事项"));
    expect(r.commitments.map((c) => c.kind)).toEqual(["quantitative", "qualitative"]);
  });

  it("takes every sentence of a 下一步工作 section, but not its headings or sign-off", () => {
    const body = "一、基本情况\n全市共有公办幼儿园120所。\n二、下一步工作\n（一）扩大学位供给。新建、改扩建幼儿园8所，新增学位2400个。\n（二）提升保教质量。深化集团化办园改革，推动优质资源共享。\n感谢您对教育工作的关心。";
    const r = extract(sign(body));
    expect(r.commitments.map((c) => [c.kind, c.target?.value ?? null])).toEqual([
      ["quantitative", 8],
      ["quantitative", 2400],
      ["qualitative", null],
    ]);
    expect(r.observations.map((o) => o.value)).toContain(120);
  });
});

describe("what is not a pledge", () => {
  it.each([
    ["2024年，全市新增公办学位8000个。"],
    ["截至2024年底，全省共有公益性公墓312个。"],
    ["目前，已建成社区卫生服务站45个，覆盖率达到92%。"],
    ["我局将认真研究您的建议，在今后工作中积极吸纳。"],
    ["感谢您对我市交通工作的关心和支持！"],
    ["2021-2023年，省财政安排资金2.6亿元，支持建设260个综合体。"],
    ["市委深改委将老年食堂运营机制纳入重大改革项目。"],
    ["按照“每百户30平方米”的标准配建养老服务用房。"],
    ["今年以来，已完成改造老旧小区46个。"],
    ["今年1-5月，全市新增就业2.1万人。"],
    ["为下阶段推广积累经验。"],
    ["原有政策调整为补贴，既确保了机构持续发展。"],
  ])("%s", (body) => {
    expect(extract(sign(body)).commitments).toEqual([]);
  });

  it("does not take the deputy's requests in a list-style reply for the agency's pledges", () => {
    const body = "序号\n\n具体诉求\n\n答复内容\n\n1\n\n建议新建停车位500个，力争缓解停车难。\n\n目前已建成公共停车位1200个。下一步，计划新增停车泊位800个。";
    const r = extract(sign(body));
    expect(r.commitments.map((c) => c.target?.value)).toEqual([800]);
  });

  it("takes a page that holds the reply twice only once", () => {
    const body = "下一步，力争新建口袋公园20个。欢迎您继续关注。\n\n下一步，力争新建口袋公园20个。\n欢迎您继续关注。";
    expect(extract(sign(body)).commitments).toHaveLength(1);
  });
});

describe("baselines and observations", () => {
  it("gives a level target the latest value of its indicator stated in the same reply", () => {
    const r = extract(sign("目前，全市家庭医生签约率为68.5%。下一步，力争家庭医生签约率达到75%。"));
    expect(r.commitments[0].baseline?.value).toBe(68.5);
    expect(r.commitments[0].baseline?.asOf).toBe("2025-06-30");
  });

  it("does not give an increment a level as its baseline", () => {
    const r = extract(sign("全市共有普惠性托位5000个。今年计划新增普惠性托位2000个。"));
    expect(r.commitments[0].target?.mode).toBe("increment");
    expect(r.commitments[0].baseline).toBeNull();
  });

  it("dates an observation by the time words before it", () => {
    const r = extract(sign("截至2024年底，全市共有养老机构86家。去年底，床位数达到1.2万张。"));
    expect(r.observations.map((o) => [o.value, o.asOf])).toEqual([[86, "2024-12-31"], [12000, "2024-12-31"]]);
  });
});

describe("more shapes agencies write", () => {
  it("takes a sentence that goes on from a pledge (同时，…) and the numbers of the next one, but not a report", () => {
    const body = "今年将新建社区食堂10个。同时，推动二级以上医院预留不少于30%的专家号源。县财政每年安排奖补资金不低于八百万元。目前已建成食堂25个。";
    const r = extract(sign(body));
    expect(r.commitments.map((c) => [c.target?.value ?? null, c.target?.unit ?? null])).toEqual([[10, "个"], [30, "%"], [800, "万元"]]);
  });

  it("does not take 满意度 for courtesy", () => {
    expect(extract(sign("到2027年，群众满意度保持在98%以上。")).commitments.map((c) => c.target?.value)).toEqual([98]);
  });

  it("keeps a step with its own deadline beside a numeric target", () => {
    const r = extract(sign("明年上半年完成全省社区矫正中心标准化建设，继续将再犯罪率控制在0.2%以下。"));
    expect(r.commitments.map((c) => [c.kind, c.target?.value ?? null, c.due?.date ?? null])).toEqual([
      ["quantitative", 0.2, "2026-06-30"],
      ["milestone", null, "2026-06-30"],
    ]);
  });

  it("reads a bounded duration as a target with its baseline", () => {
    const r = extract(sign("2024年，城区急救平均反应时间为13.2分钟。力争到2027年，城区急救平均反应时间控制在12分钟以内。"));
    const c = r.commitments[0];
    expect([c.target?.value, c.target?.unit, c.target?.comparator, c.due?.date, c.baseline?.value]).toEqual([12, "分钟", "<=", "2027-12-31", 13.2]);
  });

  it("gives each step with its own deadline its own milestone", () => {
    const r = extract(sign("县殡仪馆迁建工程已完成立项，计划2026年6月前开工建设，2027年底前建成投入使用。"));
    expect(r.commitments.map((c) => [c.kind, c.due?.date])).toEqual([["milestone", "2026-05-31"], ["milestone", "2027-12-31"]]);
  });

  it("does not take 全年 or 年度 in a report of the year for a pledge", () => {
    const r = extract(sign("全年改造城镇老旧小区412个，完成年度任务的107.2%。", "2025年1月20日"));
    expect(r.commitments).toEqual([]);
  });

  it("resolves a deadline set by an event: 9月1日秋季开学前", () => {
    const r = extract(sign("确保今年9月1日秋季开学前新增学位5000个。", "2024年6月20日"));
    expect(r.commitments[0].due?.date).toBe("2024-08-31");
  });

  it("reads 每个乡镇至少办好1所 as full coverage, not as one", () => {
    const r = extract(sign("到2028年，每个乡镇至少办好1所公办中心幼儿园。"));
    expect(r.commitments.map((c) => [c.target?.value, c.target?.unit])).toEqual([[100, "%"]]);
  });

  it("doubles the stated base for 翻一番", () => {
    const r = extract(sign("全市公共场所已配置AED1860台。到2027年，公共场所AED配置数量在2024年底基础上翻一番。"));
    expect([r.commitments[0].target?.value, r.commitments[0].target?.unit, r.commitments[0].baseline?.value]).toEqual([3720, "台", 1860]);
  });

  it("reads a news item's date, agency, place and headline", () => {
    const news = "洛阳市人民政府 > 新闻中心\n\n洛阳今年将新增公办幼儿园学位1.2万个\n\n2026-02-26 08:35　来源：洛阳日报\n\n记者从市教育局获悉，今年我市将新建公办幼儿园30所。\n";
    const r = extract(news);
    expect(r.document).toMatchObject({ repliedOn: "2026-02-26", agency: "洛阳市教育局", region: "洛阳市", title: "洛阳今年将新增公办幼儿园学位1.2万个", kind: "report" });
    expect(r.commitments[0].due?.date).toBe("2026-12-31");
  });

  it("reads suggestion numbers with a district prefix or a year bracket", () => {
    expect(extract("关于区十七届人大一次会议朝人大建议第17号的答复\n").document.ref).toBe("朝人大建议第17号");
    expect(extract("于都县水利局关于县政协十六届三次会议〔2024〕第23号提案的答复\n").document.ref).toBe("〔2024〕第23号");
  });

  it("keeps 和 inside the names of co-handling agencies", () => {
    const r = extract("张三代表：\n您提出的《关于学位的建议》收悉。经商市规划和自然资源局、市财政局，现答复如下：\n");
    expect(r.document.coAgencies).toEqual(["市规划和自然资源局", "市财政局"]);
  });
});

describe("progress tables", () => {
  it("reads one row per project, with its lead unit, deadline and progress", () => {
    const table = "序号\t项目名称\t牵头单位\t目标任务\t完成时限\t进展情况\n1\t老年食堂\t市民政局\t新建老年食堂15家\t11月底前\t一季度已建成3家\n";
    const r = extract(sign(table, "2025年4月10日", "市政府办公室"));
    expect(r.commitments.map((c) => [c.quote, c.agency, c.target?.value, c.target?.mode, c.due?.date])).toEqual([["新建老年食堂15家", "市民政局", 15, "increment", "2025-11-30"]]);
    expect(r.observations.map((o) => [o.value, o.asOf])).toEqual([[3, "2025-03-31"]]);
  });

  it("reads a header on one line with rows one cell per line", () => {
    const table = "序号\t项目名称\t牵头单位\t目标任务\t完成时限\t进展情况\n1\n普惠托育\n市卫生健康委\n新增普惠性托位2000个，新建托育点20个\n2025年12月底前\n已新增托位1180个\n2\n公共厕所\n市城管局\n实现主城区公厕全覆盖\n10月底前\n已完成80%\n";
    const r = extract(sign(table, "2025年7月10日", "市政府办公厅"));
    expect(r.commitments.map((c) => [c.agency, c.target?.value, c.target?.unit, c.due?.date])).toEqual([
      ["市卫生健康委", 2000, "个", "2025-12-31"],
      ["市卫生健康委", 20, "个", "2025-12-31"],
      ["市城管局", 100, "%", "2025-10-31"],
    ]);
  });
});
