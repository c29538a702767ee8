import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyRevision,
  commitmentCandidate,
  findDropped,
  mentionOf,
  indicatorSimilarity,
  normalizeIndicator,
  observationCandidate,
  PROPOSE_THRESHOLD,
  scoreMatch,
  type MatchCandidate,
  type MatchContext,
} from "~/domain/matching";
import { relateRegions } from "~/domain/regions";
import { deriveStatus } from "~/domain/status";
import type { TrackedCommitment } from "~/domain/types";
import { compareUnits } from "~/domain/units";

function pledge(over: Partial<TrackedCommitment> = {}): TrackedCommitment {
  return {
    id: "c1",
    kind: "quantitative",
    indicator: "每万老年人拥有持证养老护理员",
    target: { value: 27, unit: "人", per: "每万老年人", comparator: ">=", mode: "level" },
    baseline: null,
    due: { date: "2027-12-31", precision: "year", text: "到2027年" },
    statedOn: "2025-06-30",
    ...over,
  };
}

const obs = (over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  kind: "observation",
  indicator: "每万名老年人拥有持证养老护理员",
  unit: "人",
  per: null,
  value: 31.6,
  asOf: "2026-12-31",
  ...over,
});

const zhejiang: MatchContext = {
  commitment: { region: "浙江省", agency: "浙江省民政厅" },
  candidate: { region: "浙江省", agency: "浙江省统计局" },
};

describe("three cases from issue 3 §3", () => {
  it("2022年规划「到2025年护理型床位占比55%」与2024年公报「2023年底58.9%」高分匹配，确认后提前达成", () => {
    const plan = pledge({
      id: "plan",
      indicator: "护理型床位占比",
      target: { value: 55, unit: "%", comparator: ">=", mode: "level" },
      due: { date: "2025-12-31", precision: "year", text: "到2025年" },
      statedOn: "2022-02-21",
    });
    const bulletin = obs({ indicator: "护理型床位比例", unit: "%", value: 58.9, asOf: "2023-12-31" });
    const m = scoreMatch(plan, bulletin, {
      commitment: { region: "全国", agency: "国务院" },
      candidate: { region: "全国", agency: "民政部" },
    });
    expect(m.compatible).toBe(true);
    expect(m.score).toBeGreaterThanOrEqual(0.9);
    expect(m.reasons).toContain("指标同义：护理型床位占比 ≈ 护理型床位比例");
    expect(m.reasons).toContain("单位一致：%");
    expect(m.reasons).toContain("同一地区：全国");

    const s = deriveStatus(plan, [{ value: 58.9, asOf: "2023-12-31", source: "2023年民政事业发展统计公报" }], "2024-08-30");
    expect(s.status).toBe("achieved_on_time");
    expect(s.onTime).toBe(true);
    expect(s.explanation).toBe("目标55%（2025年底前），2023年底报告58.9%，已提前达成。");
  });

  // The 2019 report counts 1,221 "截至2018年底". The first evidence of meeting the target is dated
  // after the 2017 deadline, so the rule says achieved_late: the tracker cannot know the count on
  // 2017-12-31, and a reviewer who can show it may override with that evidence.
  const stations = pledge({
    id: "stations",
    indicator: "社区居家养老服务站",
    target: { value: 1000, unit: "个", comparator: ">=", mode: "level" },
    due: { date: "2017-12-31", precision: "year", text: "年底前" },
    statedOn: "2017-01-16",
  });
  const count2019 = obs({ indicator: "社区养老服务站点", unit: "个", value: 1221, asOf: "2018-12-31" });
  const city: MatchContext = {
    commitment: { region: "杭州市", agency: "杭州市人民政府" },
    candidate: { region: "杭州市", agency: "杭州市人民政府" },
  };

  it("2017年承诺1000个社区养老服务站，2019年报告1221个站点：高分匹配", () => {
    const m = scoreMatch(stations, count2019, city);
    expect(m.compatible).toBe(true);
    expect(m.score).toBeGreaterThanOrEqual(0.9);
    expect(m.reasons).toEqual(
      expect.arrayContaining([
        "指标同义：社区居家养老服务站 ≈ 社区养老服务站点",
        "同一地区：杭州市",
        "同一单位：杭州市人民政府",
        "数据截至2018年底，晚于期限，可用于判定是否完成",
      ]),
    );
  });

  it("首次达标的数据是2018年底（期限之后），按规则计为逾期完成", () => {
    const s = deriveStatus(stations, [{ value: 1221, asOf: "2018-12-31", source: "2019年政府工作报告" }], "2019-03-01");
    expect(s.status).toBe("achieved_late");
    expect(s.explanation).toContain("首次达标的报告晚于期限");
  });

  it("若报告的是2017年底的数字，则为按期完成", () => {
    const s = deriveStatus(stations, [{ value: 1221, asOf: "2017-12-31", source: "2019年政府工作报告" }], "2019-03-01");
    expect(s.status).toBe("achieved_on_time");
  });

  // 民生实事: 新建15个老年食堂, 11月底前; announced at the people's congress on 2025-01-20.
  const canteens = pledge({
    id: "canteens",
    indicator: "新建老年食堂",
    target: { value: 15, unit: "个", comparator: "=", mode: "increment" },
    due: { date: "2025-11-30", precision: "month", text: "11月底前" },
    statedOn: "2025-01-20",
  });
  const q1 = obs({ indicator: "老年人食堂", unit: "个", value: 3, asOf: "2025-03-31" });
  const county: MatchContext = {
    commitment: { region: "慈溪市", agency: "慈溪市民政局" },
    candidate: { region: "慈溪市", agency: "慈溪市民政局" },
  };

  it("民生实事进度表「一季度建成3个老年人食堂」匹配「11月底前新建15个老年食堂」", () => {
    const m = scoreMatch(canteens, q1, county);
    expect(m.compatible).toBe(true);
    expect(m.score).toBeGreaterThanOrEqual(0.9);
  });

  it("从1月20日到11月30日的直线路径上，3月底应建约3.3个；建成3个为略有落后", () => {
    // 15 × 70/314 = 3.34; 3 / 3.34 = 0.90 < 0.95 (Open SDG's "moderate progress").
    const s = deriveStatus(canteens, [{ value: 3, asOf: "2025-03-31", source: "民生实事进度表" }], "2025-04-10");
    expect(s.status).toBe("not_due_behind");
    expect(s.grade).toBe("moderate");
    expect(s.expected).toBeCloseTo((15 * 70) / 314, 6);
    expect(s.explanation).toBe("目标新增15个（2025年11月底前），2025年3月底报告已新增3个；按进度应达约3个，进度落后。");
  });

  it("同样的3个，若承诺在2月10日才提出，则进度正常：路径从承诺日期算起", () => {
    const s = deriveStatus({ ...canteens, statedOn: "2025-02-10" }, [{ value: 3, asOf: "2025-03-31", source: "表" }], "2025-04-10");
    expect(s.status).toBe("not_due_on_track");
  });
});

describe("scoreMatch", () => {
  const cases: {
    name: string;
    commitment?: TrackedCommitment;
    candidate: MatchCandidate;
    context?: MatchContext;
    compatible: boolean;
    min?: number;
    max?: number;
    reason?: string;
  }[] = [
    {
      name: "每万名老年人 与 每万老年人 是同一分母，持证护理员指标相同",
      candidate: obs(),
      compatible: true,
      min: 0.9,
      reason: "单位一致：人/每万老年人",
    },
    {
      name: "分母写在 per 字段或写在指标里都能识别",
      candidate: obs({ indicator: "持证养老护理员", per: "每万名老年人" }),
      compatible: true,
      min: 0.9,
    },
    {
      name: "每万老年人的比率与持证护理员总人数分母不一致，不可比",
      candidate: obs({ indicator: "持证养老护理员", value: 886 }),
      compatible: false,
      max: 0.4,
      reason: "分母不一致：每万老年人/无",
    },
    {
      name: "人与名可比",
      commitment: pledge({ indicator: "持证养老护理员", target: { value: 1200, unit: "人", comparator: ">=", mode: "increment" } }),
      candidate: obs({ indicator: "持证养老护理员", unit: "名", value: 886 }),
      compatible: true,
      min: 0.85,
    },
    {
      name: "人次不是人：培训人次不能更新培训人数",
      commitment: pledge({ indicator: "家庭照护者培训", target: { value: 1500, unit: "名", comparator: "=", mode: "increment" } }),
      candidate: obs({ indicator: "家庭照护者培训", unit: "人次", value: 1800 }),
      compatible: false,
      max: 0.45,
      reason: "单位不可比：名/人次",
    },
    {
      name: "百分比与张不可比：护理型床位占比不能由床位张数更新",
      commitment: pledge({ indicator: "护理型床位占比", target: { value: 55, unit: "%", comparator: ">=", mode: "level" } }),
      candidate: obs({ indicator: "护理型床位", unit: "张", value: 12000 }),
      compatible: false,
      max: 0.3,
      reason: "单位不可比：%/张",
    },
    {
      name: "个与家都是计数量词，可比但不算完全一致",
      commitment: pledge({ indicator: "社区医养中心", target: { value: 100, unit: "家", comparator: "=", mode: "level" } }),
      candidate: obs({ indicator: "社区医养中心", unit: "个", value: 20 }),
      compatible: true,
      min: 0.8,
      max: 0.97,
      reason: "量词不同但均为计数：家/个",
    },
    {
      name: "不同省份的同名指标不可比",
      candidate: obs(),
      context: { commitment: { region: "浙江省" }, candidate: { region: "湖北省" } },
      compatible: false,
      max: 0.4,
      reason: "不同省份：浙江省/湖北省",
    },
    {
      name: "下级地区的数据不是本地区的进展：不提议，说明原因",
      candidate: obs(),
      context: { commitment: { region: "浙江省" }, candidate: { region: "浙江省杭州市" } },
      compatible: true,
      max: PROPOSE_THRESHOLD - 0.01,
      reason: "下级地区：浙江省杭州市属于浙江省，不是浙江省的数据",
    },
    {
      name: "上级地区的数据也不是（宁波市的承诺，浙江省的数据）",
      candidate: obs(),
      context: { commitment: { region: "慈溪市" }, candidate: { region: "宁波市" } },
      compatible: true,
      max: PROPOSE_THRESHOLD - 0.01,
      reason: "上级地区：宁波市包含慈溪市，不是慈溪市的数据",
    },
    {
      name: "同省两个不同城市：指标完全一致也不提议（不是同一地方的进展）",
      candidate: obs(),
      context: { commitment: { region: "杭州市" }, candidate: { region: "慈溪市" } },
      compatible: true,
      max: PROPOSE_THRESHOLD - 0.01,
      reason: "地区不同：杭州市/慈溪市",
    },
    {
      name: "指标不同（持证护理员对养老床位）分数低于提议阈值",
      candidate: obs({ indicator: "养老床位", unit: "人", per: "每万老年人" }),
      compatible: true,
      max: PROPOSE_THRESHOLD - 0.1,
    },
    {
      name: "床位利用率不是床位数",
      commitment: pledge({ indicator: "养老床位", target: { value: 240000, unit: "张", comparator: ">=", mode: "level" } }),
      candidate: obs({ indicator: "养老床位利用率", unit: "张", value: 55 }),
      compatible: true,
      max: PROPOSE_THRESHOLD,
    },
    {
      name: "承诺之前的数据只能作基线：说明原因并降分",
      candidate: obs({ asOf: "2024-12-31" }),
      compatible: true,
      max: 0.65,
      reason: "数据截至2024年底，早于承诺（2025年6月30日），只能作基线，不是进展",
    },
    {
      name: "与承诺同日的数据可能是同一份答复里的基线",
      candidate: obs({ asOf: "2025-06-30" }),
      compatible: true,
      max: 0.9,
      reason: "数据与承诺同日（2025年6月30日），可能是基线",
    },
  ];

  it.each(cases)("$name", ({ commitment, candidate, context, compatible, min, max, reason }) => {
    const m = scoreMatch(commitment ?? pledge(), candidate, context ?? zhejiang);
    expect(m.compatible).toBe(compatible);
    if (min !== undefined) expect(m.score).toBeGreaterThanOrEqual(min);
    if (max !== undefined) expect(m.score).toBeLessThanOrEqual(max);
    if (reason) expect(m.reasons).toContain(reason);
  });

  it("承诺之后的数据比承诺之前的同一数据得分更高", () => {
    const after = scoreMatch(pledge(), obs({ asOf: "2026-12-31" }), zhejiang).score;
    const before = scoreMatch(pledge(), obs({ asOf: "2024-12-31" }), zhejiang).score;
    expect(after).toBeGreaterThan(before);
  });

  it("量级相差数十倍的计数提示可能不是同一口径", () => {
    const c = pledge({ indicator: "养老床位", target: { value: 2000, unit: "张", comparator: ">=", mode: "level" } });
    const m = scoreMatch(c, obs({ indicator: "养老床位", unit: "张", value: 237000 }), zhejiang);
    expect(m.reasons).toContain("数值量级相差较大：237000 / 目标2000");
    expect(m.score).toBeLessThan(scoreMatch(c, obs({ indicator: "养老床位", unit: "张", value: 2400 }), zhejiang).score);
  });

  it("后续承诺也能作为候选，并注明是后续承诺", () => {
    const later = pledge({ id: "later", statedOn: "2026-07-01", target: { value: 30, unit: "人", per: "每万名老年人", comparator: ">=", mode: "level" } });
    const m = scoreMatch(pledge(), commitmentCandidate(later), zhejiang);
    expect(m.compatible).toBe(true);
    expect(m.reasons).toContain("后续承诺（2026年7月1日）");
  });

  it("抽取器的观测值可直接转为候选", () => {
    const c = observationCandidate({ indicator: "持证养老护理员", value: 886, unit: "人", per: "每万名老年人", asOf: "2026-06-29" });
    expect(c).toEqual({ kind: "observation", indicator: "持证养老护理员", unit: "人", per: "每万名老年人", value: 886, asOf: "2026-06-29" });
  });
});

describe("indicator similarity", () => {
  it.each([
    ["持证养老护理员", "持养老护理员职业技能证书的护理员"],
    ["持证养老护理员", "持证护理员"],
    ["养老机构", "养老服务机构"],
    ["护理型床位占比", "护理型床位比例"],
    ["社区养老服务站点", "社区居家养老服务站"],
    ["老年食堂", "老年人食堂"],
    ["新增持证养老护理员", "持证养老护理员"],
    ["全省养老机构数量", "养老机构"],
    ["康养联合体覆盖乡镇（街道）比例", "康养联合体覆盖乡镇(街道)的比例"],
  ])("%s ≈ %s 视为同一指标", (a, b) => {
    expect(indicatorSimilarity(a, b)).toBe(1);
  });

  it.each([
    ["持证养老护理员", "养老床位", 0.2],
    ["护理型床位占比", "护理型床位数", 0.75],
    ["养老床位", "养老床位利用率", 0.5],
    ["家庭养老床位", "认知障碍照护专区床位", 0.5],
    ["街镇养老服务中心", "城市社区养老服务站", 0.5],
  ])("%s 与 %s 不是同一指标（相似度 < %s）", (a, b, max) => {
    expect(indicatorSimilarity(a, b)).toBeLessThan(max);
  });

  it("语序不同仍然相近", () => {
    expect(indicatorSimilarity("养老机构护理型床位占比", "护理型床位占养老机构床位比例")).toBeGreaterThan(0.6);
  });

  it("归一化：全角转半角、去掉的/括号、提取分母、识别比例与计数", () => {
    expect(normalizeIndicator("每万名老年人拥有持证养老护理员")).toEqual({
      core: "持证护理员",
      measure: null,
      per: "每万老年人",
      head: "持证护理员",
    });
    expect(normalizeIndicator("护理型床位占比").measure).toBe("share");
    expect(normalizeIndicator("康养联合体覆盖率")).toMatchObject({ measure: "share", head: "覆盖率" });
    expect(normalizeIndicator("养老机构数量")).toMatchObject({ core: "养老机构", measure: "count" });
    expect(normalizeIndicator("ＡＢＣ的养老机构")).toMatchObject({ core: "ABC养老机构" });
  });

  it("空指标相似度为0", () => {
    expect(indicatorSimilarity("", "养老机构")).toBe(0);
    expect(indicatorSimilarity("的了", "的了")).toBe(0);
  });
});

describe("units and regions", () => {
  it.each([
    ["人", "名", true],
    ["人", "人次", false],
    ["%", "张", false],
    ["个", "家", true],
    ["张", "个", false],
    ["万元", "亿元", true],
    ["％", "%", true],
    [null, "个", true],
  ] as const)("%s 与 %s 可比：%s", (a, b, ok) => {
    expect(compareUnits(a, b).compatible).toBe(ok);
  });

  it.each([
    ["浙江省", "浙江", "same"],
    ["全国", "浙江省", "contains"],
    ["浙江省杭州市", "浙江省", "within"],
    ["浙江省", "湖北省", "different_province"],
    ["重庆市", "浙江省", "different_province"],
    ["杭州市", "宁波市", "different"],
    ["杭州市", null, "unknown"],
  ] as const)("%s 与 %s：%s", (a, b, rel) => {
    expect(relateRegions(a, b)).toBe(rel);
  });
});

describe("classifyRevision", () => {
  const base = pledge({ target: { value: 27, unit: "人", per: "每万老年人", comparator: ">=", mode: "level" } });
  const withTarget = (value: number, date = "2027-12-31") =>
    pledge({ target: { value, unit: "人", per: "每万名老年人", comparator: ">=", mode: "level" }, due: { date, precision: "year", text: "" } });

  it.each([
    ["目标提高", withTarget(30), "target_raised", "stricter", "目标由每万老年人27人提高到每万名老年人30人。"],
    ["目标降低", withTarget(25), "target_lowered", "looser", "目标由每万老年人27人降低到每万名老年人25人。"],
    ["期限推迟", withTarget(27, "2028-12-31"), "date_moved_later", "looser", "期限由2027年底推迟到2028年底。"],
    ["期限提前", withTarget(27, "2026-12-31"), "date_moved_earlier", "stricter", "期限由2027年底提前到2026年底。"],
    ["重申", withTarget(27), "restated", "same", "重申原承诺，目标和期限未变。"],
  ] as const)("%s", (_name, later, kind, ambition, description) => {
    const r = classifyRevision(base, later);
    expect(r.kind).toBe(kind);
    expect(r.ambition).toBe(ambition);
    expect(r.description).toBe(description);
  });

  it("目标提高但期限推迟：两项都记下，主类别取推迟（对代表更要紧），整体为有升有降", () => {
    const r = classifyRevision(base, withTarget(30, "2029-12-31"));
    expect(r.changes).toEqual(["target_raised", "date_moved_later"]);
    expect(r.kind).toBe("date_moved_later");
    expect(r.ambition).toBe("mixed");
  });

  it("上限目标数值降低是要求更严", () => {
    const e = pledge({ target: { value: 5, unit: "%", comparator: "<=", mode: "level" } });
    const l = pledge({ target: { value: 4, unit: "%", comparator: "<=", mode: "level" } });
    const r = classifyRevision(e, l);
    expect(r.kind).toBe("target_lowered");
    expect(r.ambition).toBe("stricter");
    expect(r.description).toContain("（要求更严）");
  });

  it("单位或分母改变时不比较数值，记为口径改变", () => {
    const l = pledge({ target: { value: 900, unit: "人", comparator: ">=", mode: "level" } });
    expect(classifyRevision(base, l).kind).toBe("measure_changed");
  });

  it("后续承诺不再给出期限，视为推迟", () => {
    const r = classifyRevision(base, pledge({ due: null }));
    expect(r.kind).toBe("date_moved_later");
    expect(r.description).toBe("不再给出期限（原为2027年底）。");
  });
});

describe("findDropped", () => {
  it("后续答复没有再提到的定量承诺列为可能被放弃，笼统承诺不列", () => {
    const earlier = [
      pledge({ id: "a" }),
      pledge({ id: "b", indicator: "家庭养老床位", target: { value: 50, unit: "张", comparator: "=", mode: "increment" } }),
      pledge({ id: "c", kind: "qualitative", indicator: "养老人才激励政策", target: null }),
    ];
    const later = [mentionOf(pledge({ id: "a2", indicator: "每万名老年人拥有持证护理员" }))];
    expect(findDropped(earlier, later).map((c) => c.id)).toEqual(["b"]);
  });

  it("后续文件报告了同一指标的数据，不算放弃；单位不相容的同名指标不算提及", () => {
    const earlier = [pledge({ id: "b", indicator: "家庭养老床位", target: { value: 50, unit: "张", comparator: "=", mode: "increment" } })];
    expect(findDropped(earlier, [{ indicator: "家庭养老床位", unit: "张" }])).toEqual([]);
    expect(findDropped(earlier, [{ indicator: "家庭养老床位", unit: "%" }]).map((c) => c.id)).toEqual(["b"]);
    expect(findDropped(earlier, []).map((c) => c.id)).toEqual(["b"]);
  });
});

// --- properties ---------------------------------------------------------------------------------

const zh = fc.string({
  unit: fc.constantFrom(..."养老护理员床位持证机构社区服务站点占比例率的了（）()每万名老年人数量新增食堂覆盖乡镇街道ＡB1 ".split("")),
  maxLength: 16,
});

describe("matching properties", () => {
  it("相似度在[0,1]内且对称", () => {
    fc.assert(
      fc.property(zh, zh, (a, b) => {
        const s = indicatorSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(indicatorSimilarity(b, a)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it("scoreMatch 的分数在[0,1]内，交换两边的指标名称分数不变", () => {
    const unit = fc.constantFrom("人", "名", "%", "张", "个", "家", null);
    const region = fc.constantFrom("浙江省", "湖北省", "浙江省杭州市", "全国", null);
    const date = fc.constantFrom("2020-12-31", "2025-06-30", "2026-12-31", null, "bad");
    fc.assert(
      fc.property(zh, zh, unit, unit, region, region, date, fc.double({ noNaN: false }), (a, b, u1, u2, r1, r2, d, v) => {
        const make = (ind: string) =>
          pledge({ indicator: ind, target: { value: 100, unit: u1, comparator: ">=", mode: "level" } });
        const cand = (ind: string): MatchCandidate => ({ kind: "observation", indicator: ind, unit: u2, value: v, asOf: d });
        const ctx: MatchContext = { commitment: { region: r1 }, candidate: { region: r2 } };
        const x = scoreMatch(make(a), cand(b), ctx);
        const y = scoreMatch(make(b), cand(a), ctx);
        expect(x.score).toBeGreaterThanOrEqual(0);
        expect(x.score).toBeLessThanOrEqual(1);
        expect(y.score).toBeCloseTo(x.score, 12);
        expect(y.compatible).toBe(x.compatible);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a qualifier that names a kind of the thing", () => {
  it("标准化康养联合体 counts a part of 康养联合体, 示范型 and 农村 likewise; 婴幼儿照护服务托位 is still 托位", async () => {
    const { indicatorSimilarity } = await import("~/domain/matching");
    expect(indicatorSimilarity("康养联合体", "标准化康养联合体")).toBeLessThan(0.75);
    expect(indicatorSimilarity("居家养老服务照料中心", "示范型居家养老服务照料中心")).toBeLessThan(0.75);
    expect(indicatorSimilarity("养老机构", "农村养老机构")).toBeLessThan(0.75);
    expect(indicatorSimilarity("托位", "婴幼儿照护服务托位")).toBeGreaterThanOrEqual(0.75);
  });
  it("农村社区养老服务站 keeps its words (村社区 is no spelling of 社区村 inside 农村社区)", async () => {
    const { normalizeIndicator } = await import("~/domain/matching");
    expect(normalizeIndicator("农村社区养老服务站").core).toContain("农村");
  });
});

describe("a total over several years against a one-year increment", () => {
  const yearPlan = pledge({
    indicator: "新开工改造城镇老旧小区",
    target: { value: 53000, unit: "个", comparator: "=", mode: "increment" },
    due: { date: "2023-12-31", precision: "year", text: "2023年" },
    statedOn: "2023-08-28",
  });
  const national: MatchContext = { commitment: { region: "全国" }, candidate: { region: "全国" } };
  const figure = (value: number, sentence: string) =>
    observationCandidate({ indicator: "新开工改造城镇老旧小区", value, unit: "个", asOf: "2023-12-31", quote: sentence });
  it("2019年至2023年累计22万个 falls under the threshold; the year's 5.37万个 does not", () => {
    const total = scoreMatch(yearPlan, figure(220000, "2019年至2023年,全国累计新开工改造城镇老旧小区22万个。"), national);
    const year = scoreMatch(yearPlan, figure(53700, "2023年,全国新开工改造城镇老旧小区5.37万个。"), national);
    expect(total.score).toBeLessThan(PROPOSE_THRESHOLD);
    expect(total.reasons.join("")).toContain("多年累计");
    expect(year.score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
  it("a five-year plan's progress since its first year is not a total of earlier years", () => {
    const plan = pledge({ ...yearPlan, due: { date: "2025-12-31", precision: "year", text: "十四五" }, statedOn: "2021-03-01", target: { value: 200000, unit: "个", comparator: "=", mode: "increment" } });
    const m = scoreMatch(plan, figure(390000, "2021年至2023年,全国累计新开工改造城镇老旧小区39万个。"), national);
    expect(m.score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
  });
});

describe("a district's page that names only its city (区民政局, 杭州市)", () => {
  const p = pledge({ indicator: "婴幼儿照护服务托位", target: { value: 180, unit: "个", comparator: ">=", mode: "increment" }, due: { date: "2021-12-31", precision: "year", text: "今年" }, statedOn: "2021-07-28" });
  const o = obs({ indicator: "婴幼儿照护服务托位", unit: "个", value: 202, asOf: "2021-10-31" });
  it("may be a district's figure (余杭区's pledge): above the threshold, with the reason", () => {
    const m = scoreMatch(p, o, { commitment: { region: "余杭区" }, candidate: { region: "杭州市", agency: "区民政局" } });
    expect(m.score).toBeGreaterThanOrEqual(PROPOSE_THRESHOLD);
    expect(m.reasons.join(";")).toContain("未写明哪个区");
  });
  it("…is not the city's own figure (杭州市's pledge)", () => {
    const m = scoreMatch(p, o, { commitment: { region: "杭州市", agency: "杭州市民政局" }, candidate: { region: "杭州市", agency: "区民政局" } });
    expect(m.score).toBeLessThan(PROPOSE_THRESHOLD);
  });
  it("…and a city bureau's figure is still not a district's", () => {
    const m = scoreMatch(p, o, { commitment: { region: "余杭区" }, candidate: { region: "杭州市", agency: "杭州市民政局" } });
    expect(m.score).toBeLessThan(PROPOSE_THRESHOLD);
  });
});
