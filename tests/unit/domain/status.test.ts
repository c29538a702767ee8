import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, formatDue, formatNumber, formatTarget } from "~/domain/format";
import {
  deriveStatus,
  groupOf,
  isKept,
  isMissed,
  isOverdue,
  isRateable,
  STATUS_LABELS,
  statusGroups,
  STATUSES,
} from "~/domain/status";
import type { ProgressUpdate, Status, StatusResult, TrackedCommitment } from "~/domain/types";

// 到2027年，培育80家养老领域领军企业 — stated in a reply dated 2025-06-30, no baseline.
function pledge(over: Partial<TrackedCommitment> = {}): TrackedCommitment {
  return {
    id: "c1",
    kind: "quantitative",
    indicator: "养老领域领军企业",
    target: { value: 80, unit: "家", comparator: ">=", mode: "level" },
    baseline: null,
    due: { date: "2027-12-31", precision: "year", text: "到2027年" },
    statedOn: "2025-06-30",
    ...over,
  };
}

const up = (value: number | null, asOf: string, extra: Partial<ProgressUpdate> = {}): ProgressUpdate => ({
  value,
  asOf,
  source: "test",
  ...extra,
});

// 下一步，力争康养联合体覆盖100%乡镇(街道) — 85.78% today.
const coverage = pledge({
  indicator: "康养联合体覆盖乡镇(街道)比例",
  target: { value: 100, unit: "%", comparator: ">=", mode: "level" },
  baseline: { value: 85.78, unit: "%", asOf: "2025-06-30" },
  due: { date: "2025-12-31", precision: "year", text: "今年" },
});

// 今年计划新建认知障碍照护专区床位169张 (reply of 2022-06-29).
const beds = pledge({
  indicator: "认知障碍照护专区床位",
  target: { value: 169, unit: "张", comparator: "=", mode: "increment" },
  statedOn: "2022-06-29",
  due: { date: "2022-12-31", precision: "year", text: "今年" },
});

// 每个设区市培育2—3个实现区域连锁运行的县(市、区)
const range = pledge({
  indicator: "实现区域连锁运行的县(市、区)",
  target: { value: 2, valueMax: 3, unit: "个", comparator: ">=", mode: "level" },
  due: { date: "2025-12-31", precision: "year", text: "到2025年" },
  statedOn: "2024-06-30",
});

// 养老机构空置率控制在5%以内 (a ceiling), 8% at the end of 2024.
const ceiling = pledge({
  indicator: "养老机构空置率",
  target: { value: 5, unit: "%", comparator: "<=", mode: "level" },
  baseline: { value: 8, unit: "%", asOf: "2024-12-31" },
  statedOn: "2025-03-01",
  due: { date: "2026-12-31", precision: "year", text: "到2026年底" },
});

// 建设省级认知障碍干预中心 (a milestone).
const centre = pledge({
  kind: "milestone",
  indicator: "省级认知障碍干预中心",
  target: null,
  due: { date: "2026-06-30", precision: "month", text: "2026年6月底前" },
});

const vague = pledge({ kind: "qualitative", indicator: "养老人才激励政策", target: null, due: null });

interface Case {
  name: string;
  commitment: TrackedCommitment;
  updates: ProgressUpdate[];
  asOf: string;
  status: Status;
  grade?: string;
  says?: string[];
  check?: (r: StatusResult) => void;
}

const cases: Case[] = [
  // Counts from zero: the path runs from 0 at the pledge date (2025-06-30) to 80 at 2027-12-31;
  // by 2026-12-31 that is 80 × 549/914 ≈ 48.
  {
    name: "培育80家没有基线时从0起算，52家高于应达的约48家，进度正常",
    commitment: pledge(),
    updates: [up(52, "2026-12-31")],
    asOf: "2027-01-15",
    status: "not_due_on_track",
    says: ["目标80家（2027年底前）", "2026年底报告52家", "按进度应达约48家", "进度正常", "按2025年6月30日为0计算"],
    check: (r) => {
      expect(r.baselineUsed).toEqual({ value: 0, asOf: "2025-06-30", source: "assumed_zero" });
      expect(r.expected).toBeCloseTo((80 * 549) / 914, 6);
      expect(r.progress).toBeCloseTo(52 / 80, 9);
    },
  },
  {
    name: "40家只有应达值的83%，略有落后（Open SDG 0.6–0.95）",
    commitment: pledge(),
    updates: [up(40, "2026-12-31")],
    asOf: "2027-01-15",
    status: "not_due_behind",
    grade: "moderate",
    says: ["按进度应达约48家，进度落后。"],
  },
  {
    name: "20家不到应达值的六成，明显落后",
    commitment: pledge(),
    updates: [up(20, "2026-12-31")],
    asOf: "2027-01-15",
    status: "not_due_behind",
    grade: "limited",
    says: ["进度明显落后"],
  },
  {
    name: "低于声明的基线即为不进反退",
    commitment: pledge({ baseline: { value: 30, unit: "家", asOf: "2025-06-30" } }),
    updates: [up(25, "2026-06-30")],
    asOf: "2026-07-01",
    status: "not_due_behind",
    grade: "deteriorating",
    says: ["低于起点30家，不进反退"],
  },
  {
    name: "未到期且没有任何数据是「暂无数据」，绝不是「进度落后」",
    commitment: pledge(),
    updates: [],
    asOf: "2026-12-31",
    status: "not_due_no_data",
    says: ["尚无进展数据", "不代表没有进展"],
    check: (r) => {
      expect(r.grade).toBeUndefined();
      expect(r.progress).toBeUndefined();
    },
  },
  {
    name: "查询日期之后的报告不计入",
    commitment: pledge(),
    updates: [up(90, "2027-06-30")],
    asOf: "2027-01-01",
    status: "not_due_no_data",
  },
  {
    name: "早于承诺日期的报告只作基线，不算进展",
    commitment: pledge({ target: { value: 60, unit: "%", comparator: ">=", mode: "level" } }),
    updates: [up(50, "2024-12-31")],
    asOf: "2026-01-01",
    status: "not_due_no_data",
  },
  {
    name: "早于承诺的报告作为比例指标的起点，之后的报告按它判断快慢",
    commitment: pledge({
      target: { value: 60, unit: "%", comparator: ">=", mode: "level" },
      statedOn: "2025-01-01",
      due: { date: "2026-12-31", precision: "year", text: "到2026年" },
    }),
    updates: [up(50, "2024-12-31"), up(55.2, "2025-12-31")],
    asOf: "2026-01-10",
    status: "not_due_on_track",
    check: (r) => expect(r.baselineUsed).toEqual({ value: 50, asOf: "2024-12-31", source: "observed" }),
  },
  {
    name: "比例指标没有基线又只有一次报告：推进中但无法判断快慢，不说落后",
    commitment: pledge({ target: { value: 60, unit: "%", comparator: ">=", mode: "level" } }),
    updates: [up(20, "2026-06-30")],
    asOf: "2026-07-01",
    status: "not_due_in_progress",
    says: ["暂无法判断快慢"],
  },
  // Coverage near 100%.
  {
    name: "覆盖率99.6%对「覆盖100%」不算完成，期限后的数据证明未完成",
    commitment: coverage,
    updates: [up(99.6, "2025-12-31")],
    asOf: "2026-03-01",
    status: "missed",
    says: ["目标100%（2025年底前）", "期限后2025年底报告99.6%", "完成进度97%", "未达到目标"],
  },
  {
    name: "覆盖率达到100%即按期完成",
    commitment: coverage,
    updates: [up(95, "2025-09-30"), up(100, "2025-12-31")],
    asOf: "2026-03-01",
    status: "achieved_on_time",
    check: (r) => expect(r.onTime).toBe(true),
  },
  {
    name: "存储误差（99.99999999999）不影响判定达到100%",
    commitment: coverage,
    updates: [up(99.99999999999, "2025-12-31")],
    asOf: "2026-01-05",
    status: "achieved_on_time",
  },
  {
    name: "只有期限前的数据且期限已过：逾期无证据，而不是未完成",
    commitment: coverage,
    updates: [up(97.2, "2025-11-30")],
    asOf: "2026-02-01",
    status: "overdue_no_evidence",
    says: ["已到期，尚无期限届满时的数据", "最近一次是2025年11月底报告97.2%（期限前）"],
  },
  {
    name: "期限已过且从无任何报告：逾期无证据",
    commitment: pledge(),
    updates: [],
    asOf: "2028-03-01",
    status: "overdue_no_evidence",
    says: ["也没有任何进展报告"],
  },
  {
    name: "期限后才出现达标报告：逾期完成",
    commitment: coverage,
    updates: [up(98, "2025-12-31"), up(100, "2026-06-30")],
    asOf: "2026-07-01",
    status: "achieved_late",
    says: ["2026年6月底报告100%", "逾期完成"],
    check: (r) => expect(r.onTime).toBe(false),
  },
  // Increments within a period.
  {
    name: "新增169张：年中后新增100张，高于按进度应达的约85张",
    commitment: beds,
    updates: [up(100, "2022-09-30")],
    asOf: "2022-10-08",
    status: "not_due_on_track",
    says: ["目标新增169张（2022年底前）", "2022年9月底报告已新增100张", "按进度应达约85张"],
    check: (r) => expect(r.baselineUsed?.source).toBe("period_start"),
  },
  {
    name: "新增169张在年底前报告已新增169张：提前达成（「=」按「至少」理解）",
    commitment: beds,
    updates: [up(100, "2022-09-30"), up(172, "2022-12-20")],
    asOf: "2023-01-10",
    status: "achieved_on_time",
    says: ["已提前达成"],
  },
  {
    name: "新增量的承诺不把承诺之前的新增数算进来",
    commitment: beds,
    updates: [up(200, "2022-03-31")],
    asOf: "2022-08-01",
    status: "not_due_no_data",
  },
  {
    name: "新增169张期限后报告150张：未完成",
    commitment: beds,
    updates: [up(150, "2023-01-10")],
    asOf: "2023-02-01",
    status: "missed",
  },
  // Ranges.
  {
    name: "2—3个的区间目标达到下限2个即为完成",
    commitment: range,
    updates: [up(2, "2025-10-31")],
    asOf: "2025-11-01",
    status: "achieved_on_time",
    says: ["目标2—3个（2025年底前）"],
  },
  {
    name: "2—3个只有1个，期限后：未完成",
    commitment: range,
    updates: [up(1, "2025-12-31")],
    asOf: "2026-01-20",
    status: "missed",
  },
  // Ceilings.
  {
    name: "上限目标：期限前已降到5%以内只算进度正常，不提前算完成",
    commitment: ceiling,
    updates: [up(4.8, "2025-12-31")],
    asOf: "2026-01-10",
    status: "not_due_on_track",
    says: ["目标不超过5%（2026年底前）"],
  },
  {
    name: "上限目标：从8%只降到7.9%，明显落后于应降到的6.5%",
    commitment: ceiling,
    updates: [up(7.9, "2025-12-31")],
    asOf: "2026-01-10",
    status: "not_due_behind",
    grade: "limited",
    says: ["按进度应达约6.5%"],
  },
  {
    name: "上限目标：反而升到8.5%，不进反退",
    commitment: ceiling,
    updates: [up(8.5, "2025-12-31")],
    asOf: "2026-01-10",
    status: "not_due_behind",
    grade: "deteriorating",
  },
  {
    name: "上限目标：期限时4.9%，按期完成",
    commitment: ceiling,
    updates: [up(4.9, "2026-12-31")],
    asOf: "2027-02-01",
    status: "achieved_on_time",
  },
  {
    name: "上限目标：期限时5.5%，之后再无数据：未完成",
    commitment: ceiling,
    updates: [up(4.5, "2025-12-31"), up(5.5, "2026-12-31")],
    asOf: "2027-02-01",
    status: "missed",
  },
  {
    name: "上限目标：期限时5.5%，半年后降到4.5%：逾期完成",
    commitment: ceiling,
    updates: [up(5.5, "2026-12-31"), up(4.5, "2027-06-30")],
    asOf: "2027-07-01",
    status: "achieved_late",
  },
  // Milestones.
  {
    name: "里程碑未到期且无报告：待完成",
    commitment: centre,
    updates: [],
    asOf: "2026-01-01",
    status: "milestone_pending",
    says: ["「省级认知障碍干预中心」（2026年6月底前）尚未到期，暂无进展报告"],
  },
  {
    name: "里程碑在期限前报告完成：已完成且按期",
    commitment: centre,
    updates: [up(null, "2026-05-20", { done: true })],
    asOf: "2026-07-01",
    status: "milestone_done",
    check: (r) => expect(r.onTime).toBe(true),
  },
  {
    name: "里程碑在期限后才报告完成：已完成但晚于期限",
    commitment: centre,
    updates: [up(null, "2026-09-01", { done: true })],
    asOf: "2026-10-01",
    status: "milestone_done",
    says: ["晚于期限"],
    check: (r) => expect(r.onTime).toBe(false),
  },
  {
    name: "里程碑到期后报告仍未完成：到期未完成",
    commitment: centre,
    updates: [up(null, "2026-07-15", { done: false })],
    asOf: "2026-08-01",
    status: "milestone_not_done",
  },
  {
    name: "里程碑只有期限前的「未完成」报告且已到期：逾期无证据",
    commitment: centre,
    updates: [up(null, "2026-03-31", { done: false })],
    asOf: "2026-08-01",
    status: "overdue_no_evidence",
  },
  {
    name: "里程碑的1/0报告按完成/未完成理解",
    commitment: centre,
    updates: [up(1, "2026-06-01")],
    asOf: "2026-06-02",
    status: "milestone_done",
  },
  {
    name: "未设期限的里程碑没有报告：未设期限·暂无数据",
    commitment: { ...centre, due: null },
    updates: [],
    asOf: "2030-01-01",
    status: "open_ended_no_data",
  },
  // Qualitative.
  {
    name: "笼统承诺始终是「无法评定」，即使有人报告已完成",
    commitment: vague,
    updates: [up(null, "2026-01-01", { done: true }), up(100, "2026-01-01")],
    asOf: "2026-06-01",
    status: "vague",
    says: ["无法评定是否兑现"],
  },
  {
    name: "定量承诺缺目标值也无法评定",
    commitment: pledge({ target: null }),
    updates: [up(5, "2026-01-01")],
    asOf: "2026-06-01",
    status: "vague",
  },
  // Open-ended (due null): never behind, never overdue.
  {
    name: "未设期限且无数据：未设期限·暂无数据",
    commitment: pledge({ due: null }),
    updates: [],
    asOf: "2035-01-01",
    status: "open_ended_no_data",
    says: ["未设期限", "不代表没有进展"],
  },
  {
    name: "未设期限且尚未达标：推进中，不判落后也不判逾期",
    commitment: pledge({ due: null }),
    updates: [up(10, "2030-12-31")],
    asOf: "2035-01-01",
    status: "open_ended_in_progress",
    says: ["完成进度13%"],
  },
  {
    name: "未设期限且已达标：未设期限·已达成",
    commitment: pledge({ due: null }),
    updates: [up(81, "2027-12-31")],
    asOf: "2028-01-01",
    status: "open_ended_achieved",
  },
  // Withdrawal.
  {
    name: "撤回之后的查询显示已撤回及理由",
    commitment: pledge({ withdrawn: { at: "2026-03-01", reason: "政策调整，并入新的三年行动" } }),
    updates: [up(52, "2026-01-01")],
    asOf: "2026-04-01",
    status: "withdrawn",
    says: ["已于2026年3月1日撤回", "政策调整"],
  },
  {
    name: "撤回之前的查询仍按数据推算",
    commitment: pledge({ withdrawn: { at: "2026-03-01", reason: "政策调整" } }),
    updates: [],
    asOf: "2026-01-01",
    status: "not_due_no_data",
  },
  {
    name: "无效日期和非有限数值的报告被跳过",
    commitment: pledge(),
    updates: [up(Number.NaN, "2026-01-01"), up(90, "2026-13-45"), up(Number.POSITIVE_INFINITY, "2026-02-01")],
    asOf: "2026-06-01",
    status: "not_due_no_data",
  },
];

describe("deriveStatus", () => {
  it.each(cases)("$name", ({ commitment, updates, asOf, status, grade, says, check }) => {
    const r = deriveStatus(commitment, updates, asOf);
    expect(r.status).toBe(status);
    expect(r.label).toBe(STATUS_LABELS[status]);
    expect(r.grade).toBe(grade);
    for (const s of says ?? []) expect(r.explanation).toContain(s);
    expect(r.explanation).not.toMatch(/undefined|NaN|Infinity|null/);
    check?.(r);
  });

  it("审核人员的调整显示为调整，并保留按规则推算的状态", () => {
    const override = { status: "achieved_on_time" as const, reason: "统计口径调整，经核实已完成", by: "王审核", at: "2027-02-01" };
    const r = deriveStatus(pledge(), [up(40, "2026-12-31")], "2027-03-01", override);
    expect(r.status).toBe("achieved_on_time");
    expect(r.label).toBe("按期完成");
    expect(r.grade).toBeUndefined();
    expect(r.overridden).toEqual({ by: "王审核", reason: "统计口径调整，经核实已完成", at: "2027-02-01", derived: "not_due_behind" });
    expect(r.explanation).toMatch(/^审核人员将状态调整为「按期完成」，理由：统计口径调整，经核实已完成（王审核，2027年2月1日）。按规则推算为「未到期·进度落后」/);
  });

  it("查询日期早于调整日期时，调整不生效", () => {
    const override = { status: "missed" as const, reason: "x", by: "王审核", at: "2027-02-01" };
    const r = deriveStatus(pledge(), [up(40, "2026-12-31")], "2027-01-15", override);
    expect(r.status).toBe("not_due_behind");
    expect(r.overridden).toBeUndefined();
  });

  it("asOf 不是日期时抛出 RangeError，而不是读取系统时钟", () => {
    expect(() => deriveStatus(pledge(), [], "today")).toThrow(RangeError);
  });

  it("同一天两条报告以后录入的为准", () => {
    const r = deriveStatus(pledge(), [up(30, "2026-12-31"), up(52, "2026-12-31")], "2027-01-15");
    expect(r.latest).toEqual({ value: 52, asOf: "2026-12-31" });
  });
});

describe("status groups", () => {
  it("每个状态都有中文标签，且恰好属于一个组", () => {
    for (const s of STATUSES) {
      expect(STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
      const groups = Object.values(statusGroups).filter((g) => (g as readonly Status[]).includes(s));
      expect(groups).toHaveLength(1);
    }
  });

  it.each<[Status, boolean, boolean, boolean, boolean]>([
    // status, kept, missed, overdue, rateable
    ["achieved_on_time", true, false, false, true],
    ["achieved_late", true, false, false, true],
    ["milestone_done", true, false, false, true],
    ["open_ended_achieved", true, false, false, true],
    ["missed", false, true, false, true],
    ["milestone_not_done", false, true, false, true],
    ["overdue_no_evidence", false, false, true, true],
    ["vague", false, false, false, false],
    ["withdrawn", false, false, false, false],
    ["not_due_no_data", false, false, false, true],
    ["not_due_behind", false, false, false, true],
  ])("%s: kept=%s missed=%s overdue=%s rateable=%s", (s, kept, missed, overdue, rateable) => {
    expect(isKept(s)).toBe(kept);
    expect(isMissed(s)).toBe(missed);
    expect(isOverdue(s)).toBe(overdue);
    expect(isRateable(s)).toBe(rateable);
  });

  it("「暂无数据」归入待评定组，不与落后或未完成同组", () => {
    expect(groupOf("not_due_no_data")).toBe("pending");
    expect(groupOf("open_ended_no_data")).toBe("pending");
  });
});

describe("formatting", () => {
  it.each([
    [85.78000000001, "85.78"],
    [0.1 + 0.2, "0.3"],
    [1221, "1221"],
    [58.9, "58.9"],
    [-0.0000001, "0"],
  ])("formatNumber(%s) → %s", (n, s) => expect(formatNumber(n)).toBe(s));

  it.each([
    ["2027-12-31", "2027年底"],
    ["2025-03-31", "2025年3月底"],
    ["2024-02-29", "2024年2月底"],
    ["2025-06-29", "2025年6月29日"],
  ])("formatDate(%s) → %s", (d, s) => expect(formatDate(d)).toBe(s));

  it("按精度写期限：年底前、月底前，按日的期限不加「前」", () => {
    expect(formatDue({ date: "2027-12-31", precision: "year", text: "到2027年" })).toBe("2027年底前");
    expect(formatDue({ date: "2025-11-30", precision: "month", text: "11月底前" })).toBe("2025年11月底前");
    expect(formatDue({ date: "2025-06-29", precision: "day", text: "6月30日前" })).toBe("期限2025年6月29日");
  });

  it("目标短语写出分母、新增、区间和上限", () => {
    expect(formatTarget({ value: 27, unit: "人", per: "每万老年人", comparator: ">=", mode: "level" })).toBe("每万老年人27人");
    expect(formatTarget({ value: 169, unit: "张", comparator: "=", mode: "increment" })).toBe("新增169张");
    expect(formatTarget({ value: 5, unit: "%", comparator: "<=", mode: "level" })).toBe("不超过5%");
  });
});

// --- properties ---------------------------------------------------------------------------------

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const anyNumber = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e300, -1e300, 100, 99.6),
);
const commitmentArb: fc.Arbitrary<TrackedCommitment> = fc.record({
  id: fc.constant("p"),
  kind: fc.constantFrom("quantitative", "milestone", "qualitative"),
  indicator: fc.constantFrom("养老领域领军企业", "护理型床位占比", "老年食堂"),
  target: fc.option(
    fc.record({
      value: anyNumber,
      valueMax: fc.option(anyNumber, { nil: undefined }),
      unit: fc.constantFrom("家", "%", "张", null, "元"),
      comparator: fc.constantFrom(">=", "<=", "="),
      mode: fc.constantFrom("level", "increment"),
    }),
    { nil: null },
  ),
  baseline: fc.option(fc.record({ value: anyNumber, unit: fc.constantFrom("家", "%"), asOf: fc.option(isoDate, { nil: null }) }), { nil: null }),
  due: fc.option(fc.record({ date: isoDate, precision: fc.constantFrom("year", "month", "day"), text: fc.constant("到X") }), { nil: null }),
  statedOn: isoDate,
}) as fc.Arbitrary<TrackedCommitment>;
const updatesArb = fc.array(
  fc.record({
    value: fc.option(anyNumber, { nil: null }),
    done: fc.option(fc.boolean(), { nil: undefined }),
    asOf: isoDate,
    source: fc.constant("p"),
  }),
  { maxLength: 6 },
);

describe("deriveStatus properties", () => {
  it("任意数值和日期都不抛错，总返回已知状态、对应标签和不含 NaN 的说明", () => {
    fc.assert(
      fc.property(commitmentArb, updatesArb, isoDate, (c, ups, asOf) => {
        const r = deriveStatus(c, ups, asOf);
        expect(STATUSES).toContain(r.status);
        expect(r.label).toBe(STATUS_LABELS[r.status]);
        expect(r.explanation.length).toBeGreaterThan(0);
        expect(r.explanation).not.toMatch(/undefined|NaN|Infinity/);
        if (r.grade !== undefined) expect(r.status).toBe("not_due_behind");
      }),
      { numRuns: 2000 },
    );
  });

  it("a share so large its percentage overflows (target −5.6e-9, report −1e300) gives no 完成进度 (seed −332048769)", () => {
    const c = { id: "p", kind: "quantitative", indicator: "养老领域领军企业", target: { value: -5.5626846462680046e-9, unit: "家", comparator: ">=", mode: "level" }, baseline: null, due: null, statedOn: "2000-01-01" } as TrackedCommitment;
    const r = deriveStatus(c, [{ value: -1e300, asOf: "2000-01-02", source: "p" }], "2000-01-02");
    expect(r.explanation).not.toMatch(/undefined|NaN|Infinity/);
  });

  it("没有任何报告时不会是落后、未完成或已完成", () => {
    fc.assert(
      fc.property(commitmentArb, isoDate, (c, asOf) => {
        const r = deriveStatus(c, [], asOf);
        expect(["not_due_behind", "missed", "milestone_not_done"]).not.toContain(r.status);
        expect(isKept(r.status)).toBe(false);
      }),
    );
  });

  it("笼统承诺无论报告如何都不会计为兑现", () => {
    fc.assert(
      fc.property(commitmentArb, updatesArb, isoDate, (c, ups, asOf) => {
        const r = deriveStatus({ ...c, kind: "qualitative" }, ups, asOf);
        expect(isKept(r.status)).toBe(false);
        expect(["vague", "withdrawn"]).toContain(r.status);
      }),
    );
  });
});

describe("the latest value (issue 9 §7)", () => {
  it("is the latest report by its as-of date, also when an earlier report already met the target", () => {
    const r = deriveStatus(pledge(), [up(82, "2026-06-30"), up(85, "2027-03-31"), up(84, "2026-12-31")], "2027-06-30");
    expect(r.status).toBe("achieved_on_time");
    expect(r.explanation).toContain("82");
    expect(r.latest).toEqual({ value: 85, asOf: "2027-03-31" });
  });

  it("ignores reports dated after the question's date", () => {
    const r = deriveStatus(pledge(), [up(30, "2026-06-30"), up(60, "2027-03-31")], "2026-12-31");
    expect(r.latest).toEqual({ value: 30, asOf: "2026-06-30" });
  });
});

describe("override choices (issue 9 §7)", () => {
  it("offers a pledge due years ago no 未到期 status, and one not yet due no 未完成 or 逾期", async () => {
    const { overrideChoices } = await import("~/domain/status");
    const pastDue = overrideChoices(pledge({ due: { date: "2020-12-31", precision: "year", text: "到2020年" } }), "2026-01-01");
    expect(pastDue).toEqual(expect.arrayContaining(["achieved_late", "missed", "overdue_no_evidence"]));
    expect(pastDue.some((s) => s.startsWith("not_due") || s.startsWith("open_ended"))).toBe(false);
    const notDue = overrideChoices(pledge(), "2026-01-01");
    expect(notDue).toContain("not_due_behind");
    expect(notDue).not.toContain("missed");
    expect(notDue).not.toContain("achieved_late");
    expect(overrideChoices(pledge({ due: null }), "2026-01-01").every((s) => s.startsWith("open_ended") || s === "vague")).toBe(true);
    const milestone = overrideChoices(pledge({ kind: "milestone", target: null }), "2028-06-30");
    expect(milestone).toEqual(["milestone_done", "milestone_not_done", "overdue_no_evidence", "vague"]);
    for (const choices of [pastDue, notDue, milestone]) expect(choices).not.toContain("withdrawn");
  });
});
