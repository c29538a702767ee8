// The status of a commitment, derived at read time from the commitment, its confirmed updates and
// an explicit date `asOf` (Alaveteli: store what was asserted, derive what depends on time). Pure:
// no clock, no I/O. The rules and thresholds are recorded in docs/decisions/0005-status-rules.md.
import { differenceInCalendarDays, isValid, parseISO } from "date-fns";
import { formatDate, formatDay, formatDue, formatExpected, formatNumber, formatTarget, formatValue } from "./format";
import type {
  BaselineSource,
  BehindGrade,
  ProgressUpdate,
  Status,
  StatusOverride,
  StatusResult,
  TrackedCommitment,
  TrackedTarget,
} from "./types";
import { STATUSES } from "./types";
import { isCountUnit } from "./units";

export { STATUSES };
export type { Status, StatusResult, StatusOverride, ProgressUpdate, TrackedCommitment };

// Progress-ratio thresholds from Open SDG's progress measure (open-sdg/sdg-build,
// sdg/ProgressMeasure.py, get_progress_thresholds, "method 2": a quantitative target):
// observed growth / required growth ≥ 0.95 → substantial progress, ≥ 0.6 → moderate, ≥ 0 →
// limited, < 0 → deterioration. Open SDG computes the ratio from compound annual growth rates,
// which divide by the base value and so fail for targets counted from zero (培育80家); we keep its
// thresholds but measure both sides along the straight line from the baseline to the target.
export const ON_TRACK_RATIO = 0.95;
export const MODERATE_RATIO = 0.6;
export const LIMITED_RATIO = 0;

// No tolerance on achievement: 99.6% against 覆盖100% is not achieved (the last few 乡镇 are the
// hard part, and a deputy asked for all of them). The epsilon only absorbs floating-point noise
// from stored values (85.78000000001), never a real shortfall.
const RELATIVE_EPSILON = 1e-9;

export const STATUS_LABELS: Record<Status, string> = {
  not_due_on_track: "未到期·进度正常",
  not_due_behind: "未到期·进度落后",
  not_due_no_data: "未到期·暂无数据",
  not_due_in_progress: "未到期·推进中（无法判断快慢）",
  achieved_on_time: "按期完成",
  achieved_late: "逾期完成",
  missed: "未完成",
  overdue_no_evidence: "已到期·无完成证据",
  milestone_done: "已完成",
  milestone_not_done: "到期未完成",
  milestone_pending: "未到期·待完成",
  vague: "笼统表述·无法评定",
  withdrawn: "已撤回",
  open_ended_no_data: "未设期限·暂无数据",
  open_ended_achieved: "未设期限·已达成",
  open_ended_in_progress: "未设期限·推进中",
};

export const GRADE_LABELS: Record<BehindGrade, string> = {
  moderate: "略有落后",
  limited: "明显落后",
  deteriorating: "不进反退",
};

/** Groups for the annual review (回头看). Every status belongs to exactly one group. */
export const statusGroups = {
  kept: ["achieved_on_time", "achieved_late", "milestone_done", "open_ended_achieved"],
  missed: ["missed", "milestone_not_done"],
  overdue: ["overdue_no_evidence"],
  onTrack: ["not_due_on_track"],
  behind: ["not_due_behind"],
  // "Not yet rated" is its own group so that it never reads as "no action" (PolitiFact).
  pending: ["not_due_no_data", "not_due_in_progress", "milestone_pending", "open_ended_no_data", "open_ended_in_progress"],
  unrateable: ["vague"],
  withdrawn: ["withdrawn"],
} as const satisfies Record<string, readonly Status[]>;

export type StatusGroup = keyof typeof statusGroups;

export function groupOf(status: Status): StatusGroup {
  for (const [group, members] of Object.entries(statusGroups) as [StatusGroup, readonly Status[]][]) {
    if (members.includes(status)) return group;
  }
  /* c8 ignore next */
  throw new Error(`unknown status ${status}`);
}

export function isKnownStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** Delivered, on time or late. Qualitative pledges are never kept: they are `vague`. */
export function isKept(status: Status): boolean {
  return groupOf(status) === "kept";
}

/** Due date passed and the evidence says it was not met. */
export function isMissed(status: Status): boolean {
  return groupOf(status) === "missed";
}

/** Due date passed with no evidence either way. */
export function isOverdue(status: Status): boolean {
  return groupOf(status) === "overdue";
}

/** Could in principle be rated kept or not: everything except vague and withdrawn pledges. */
export function isRateable(status: Status): boolean {
  const g = groupOf(status);
  return g !== "unrateable" && g !== "withdrawn";
}

// ---------------------------------------------------------------------------------------------

interface Point {
  value: number;
  asOf: string;
}

function isoDay(s: string | null | undefined): string | null {
  if (typeof s !== "string") return null;
  const day = s.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return isValid(parseISO(day)) ? day : null;
}

function daysBetween(later: string, earlier: string): number {
  return differenceInCalendarDays(parseISO(later), parseISO(earlier));
}

function epsilonFor(x: number): number {
  return RELATIVE_EPSILON * Math.max(1, Math.abs(x));
}

/**
 * Derives the status of `commitment` on the date `asOf` from its confirmed `updates`. Updates
 * dated after `asOf` are ignored, and so is an override or withdrawal made after it, so asking
 * about a past date gives the answer that was true then.
 *
 * @throws RangeError when `asOf` is not an ISO date — the one input that is the caller's bug
 *   rather than bad data. Bad data (invalid dates or non-finite values in updates) is skipped.
 */
export function deriveStatus(
  commitment: TrackedCommitment,
  updates: readonly ProgressUpdate[],
  asOf: string,
  override?: StatusOverride | null,
): StatusResult {
  const day = isoDay(asOf);
  if (day === null) throw new RangeError(`asOf must be an ISO date, got ${JSON.stringify(asOf)}`);
  const derived = deriveUnlessOverridden(commitment, updates, day);
  const overrideAt = override ? isoDay(override.at) : null;
  if (!override || overrideAt === null || overrideAt > day || !isKnownStatus(override.status)) return derived;
  const label = STATUS_LABELS[override.status];
  return {
    ...derived,
    status: override.status,
    grade: undefined,
    label,
    explanation:
      `审核人员将状态调整为「${label}」，理由：${override.reason}（${override.by}，${formatDay(overrideAt)}）。` +
      `按规则推算为「${derived.label}」：${derived.explanation}`,
    overridden: { by: override.by, reason: override.reason, at: overrideAt, derived: derived.status },
  };
}

function deriveUnlessOverridden(c: TrackedCommitment, updates: readonly ProgressUpdate[], asOf: string): StatusResult {
  const withdrawnAt = c.withdrawn ? isoDay(c.withdrawn.at) : null;
  if (c.withdrawn && withdrawnAt !== null && withdrawnAt <= asOf) {
    return result("withdrawn", `已于${formatDay(withdrawnAt)}撤回，理由：${c.withdrawn.reason}。`);
  }
  if (c.kind === "qualitative") {
    return result("vague", `「${c.indicator}」是笼统表述，没有可核对的完成标准，无法评定是否兑现，单独计为笼统承诺。`);
  }
  const known = updates
    .map((u, i) => ({ u, i, day: isoDay(u.asOf) }))
    .filter((x): x is { u: ProgressUpdate; i: number; day: string } => x.day !== null && x.day <= asOf)
    // Stable by date, then by input order, so the later-entered of two same-day reports is latest.
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i))
    .map((x) => ({ ...x.u, asOf: x.day }));
  const statedOn = isoDay(c.statedOn) ?? known[0]?.asOf ?? asOf;
  const due = c.due && isoDay(c.due.date) !== null ? { ...c.due, date: isoDay(c.due.date) as string } : null;

  if (c.kind === "milestone") return milestoneStatus(c, known, asOf, due);
  if (!c.target || !Number.isFinite(c.target.value)) {
    return result("vague", `「${c.indicator}」没有可核对的目标值，无法评定是否兑现。`);
  }
  return quantitativeStatus(c, c.target, known, asOf, statedOn, due);
}

function result(status: Status, explanation: string, extra: Partial<StatusResult> = {}): StatusResult {
  return { status, label: STATUS_LABELS[status], explanation, ...extra };
}

// --- milestones ------------------------------------------------------------------------------

function milestoneStatus(
  c: TrackedCommitment,
  updates: readonly ProgressUpdate[],
  asOf: string,
  due: TrackedCommitment["due"],
): StatusResult {
  // A milestone report is `done`; a numeric value without it counts as done when positive
  // (a spreadsheet column of 1/0), so agencies' imports need no special column.
  const reports = updates
    .map((u) => ({ asOf: u.asOf, done: u.done ?? (u.value !== null && Number.isFinite(u.value) ? u.value > 0 : undefined) }))
    .filter((r): r is { asOf: string; done: boolean } => r.done !== undefined);
  const head = `「${c.indicator}」（${due ? formatDue(due) : "未设期限"}）`;
  const firstDone = reports.find((r) => r.done);
  if (firstDone) {
    const onTime = due === null || firstDone.asOf <= due.date;
    return result(
      "milestone_done",
      `${head}${formatDate(firstDone.asOf)}报告已完成${onTime ? "" : "，晚于期限"}。`,
      { onTime },
    );
  }
  const latest = reports.at(-1);
  if (due === null) {
    return latest
      ? result("open_ended_in_progress", `${head}${formatDate(latest.asOf)}报告尚未完成，未设期限。`)
      : result("open_ended_no_data", `${head}尚无进展报告（不代表没有进展）。`);
  }
  if (asOf <= due.date) {
    return result(
      "milestone_pending",
      latest ? `${head}尚未到期，${formatDate(latest.asOf)}报告仍在推进。` : `${head}尚未到期，暂无进展报告。`,
    );
  }
  const atOrAfterDue = reports.filter((r) => r.asOf >= due.date).at(-1);
  if (atOrAfterDue) {
    return result("milestone_not_done", `${head}已到期，${formatDate(atOrAfterDue.asOf)}报告仍未完成。`);
  }
  return result(
    "overdue_no_evidence",
    `${head}已到期，尚无完成的证据${latest ? `；最近一次是${formatDate(latest.asOf)}（期限前）报告尚未完成` : ""}。`,
  );
}

// --- quantitative ----------------------------------------------------------------------------

function quantitativeStatus(
  c: TrackedCommitment,
  t: TrackedTarget,
  updates: readonly ProgressUpdate[],
  asOf: string,
  statedOn: string,
  due: TrackedCommitment["due"],
): StatusResult {
  // A range (2—3个) is met at its lower end; `=` is read as "at least" (建成15个 is kept by 16),
  // so only `<=` is a ceiling to stay under.
  const threshold = t.value;
  const ceiling = t.comparator === "<=";
  const eps = epsilonFor(threshold);
  const meets = (v: number) => (ceiling ? v <= threshold + eps : v >= threshold - eps);

  const values: Point[] = updates
    .filter((u): u is ProgressUpdate & { value: number } => u.value !== null && Number.isFinite(u.value))
    .map((u) => ({ value: u.value, asOf: u.asOf }));
  // Reports dated on or before the pledge describe where things stood: they can be a baseline,
  // never progress. An increment (新增…) counts additions since the pledge, so earlier ones are
  // from another period and are ignored altogether.
  const progress = values.filter((p) => p.asOf > statedOn || (t.mode === "increment" && p.asOf === statedOn));
  const before = t.mode === "increment" ? [] : values.filter((p) => p.asOf <= statedOn);
  const baseline = chooseBaseline(c, t, statedOn, before, progress);
  const latest = progress.at(-1);
  const unit = t.unit;
  const per = t.per;
  const v = (x: number) => formatValue(x, unit, per);
  const reported = (p: Point) => `${formatDate(p.asOf)}报告${t.mode === "increment" ? "已新增" : ""}${v(p.value)}`;
  const head = `目标${formatTarget(t)}（${due ? formatDue(due) : "未设期限"}）`;
  const share = (p: Point): number | undefined => {
    if (!baseline) return undefined;
    const span = threshold - baseline.value;
    if (Math.abs(span) <= eps) return meets(p.value) ? 1 : 0;
    const s = (p.value - baseline.value) / span;
    return Number.isFinite(s) ? s : undefined;
  };
  // "最新数值" is the latest report by its as-of date, whichever report the status rests on (issue 9
  // §7: an achieved pledge showed the first report that met the target, not a later one).
  const newest = values.at(-1);
  const common = (p: Point | undefined): Partial<StatusResult> => ({
    latest: newest ? { value: newest.value, asOf: newest.asOf } : undefined,
    progress: p ? share(p) : undefined,
    baselineUsed: baseline ?? undefined,
  });
  const shareText = (p: Point) => {
    const s = share(p);
    // (a share near the largest double is finite, its percentage is not)
    return s === undefined || !Number.isFinite(s * 100) ? "" : `，完成进度${formatNumber(Math.max(0, s) * 100, 0)}%`;
  };

  // Achieved: a floor is kept by the first report that meets it; a ceiling must hold at the due
  // date, so before the due date meeting it only means "on track".
  if (!ceiling || due === null) {
    const first = progress.find((p) => meets(p.value));
    if (first) {
      if (due === null) return result("open_ended_achieved", `${head}，${reported(first)}，已达成。`, { ...common(first), onTime: true });
      const onTime = first.asOf <= due.date;
      if (onTime) {
        const early = first.asOf < due.date;
        return result("achieved_on_time", `${head}，${reported(first)}，已${early ? "提前" : "按期"}达成。`, { ...common(first), onTime });
      }
      return result(
        "achieved_late",
        `${head}，${reported(first)}，已达成；首次达标的报告晚于期限，计为逾期完成。`,
        { ...common(first), onTime },
      );
    }
  }

  if (due === null) {
    if (!latest) return result("open_ended_no_data", `${head}，尚无进展数据（不代表没有进展）。`, common(undefined));
    return result("open_ended_in_progress", `${head}，${reported(latest)}${shareText(latest)}，尚未达成。`, common(latest));
  }

  if (asOf > due.date) {
    const atOrAfter = progress.filter((p) => p.asOf >= due.date);
    if (ceiling) {
      const atDue = atOrAfter[0];
      if (atDue && meets(atDue.value)) {
        return result("achieved_on_time", `${head}，${reported(atDue)}，已按期达成。`, { ...common(atDue), onTime: true });
      }
      const later = atOrAfter.find((p) => meets(p.value));
      if (later) {
        return result("achieved_late", `${head}，${reported(later)}，已达成；期限届满时未达标，计为逾期完成。`, { ...common(later), onTime: false });
      }
    }
    const lastAfter = atOrAfter.at(-1);
    if (lastAfter) {
      return result("missed", `${head}，期限后${reported(lastAfter)}${shareText(lastAfter)}，未达到目标。`, common(lastAfter));
    }
    return result(
      "overdue_no_evidence",
      `${head}已到期，尚无期限届满时的数据${latest ? `；最近一次是${reported(latest)}（期限前）${shareText(latest)}` : "，也没有任何进展报告"}。`,
      common(latest),
    );
  }

  // Not yet due.
  if (!latest) {
    return result("not_due_no_data", `${head}，尚无进展数据，暂无法判断进度（不代表没有进展）。`, common(undefined));
  }
  if (ceiling && meets(latest.value)) {
    return result("not_due_on_track", `${head}，${reported(latest)}，目前在目标以内。`, common(latest));
  }
  const path = requiredPath(baseline, threshold, ceiling, due.date, latest);
  if (!baseline || !path || !Number.isFinite(path.expected) || (path.ratio !== undefined && !Number.isFinite(path.ratio))) {
    return result(
      "not_due_in_progress",
      `${head}，${reported(latest)}；缺少可比的起点，暂无法判断快慢。`,
      common(latest),
    );
  }
  const note = baselineNote(baseline.source, statedOn, v(baseline.value), baseline.asOf);
  const expectedText = `按进度应达约${t.per ?? ""}${formatExpected(path.expected, unit)}${unit ?? ""}`;
  const extra = { ...common(latest), expected: path.expected, ratio: path.ratio };
  if (path.ratio !== undefined && path.ratio >= ON_TRACK_RATIO) {
    return result("not_due_on_track", `${head}，${reported(latest)}；${expectedText}，进度正常。${note}`, extra);
  }
  const grade: BehindGrade =
    path.ratio === undefined || path.ratio < LIMITED_RATIO ? "deteriorating" : path.ratio < MODERATE_RATIO ? "limited" : "moderate";
  const verdict =
    grade === "deteriorating"
      ? `低于起点${v(baseline.value)}，不进反退。`
      : grade === "limited"
        ? "进度明显落后。"
        : "进度落后。";
  return result("not_due_behind", `${head}，${reported(latest)}；${expectedText}，${verdict}${note}`, { ...extra, grade });
}

function chooseBaseline(
  c: TrackedCommitment,
  t: TrackedTarget,
  statedOn: string,
  before: readonly Point[],
  progress: readonly Point[],
): { value: number; asOf: string; source: BaselineSource } | null {
  if (t.mode === "increment") return { value: 0, asOf: statedOn, source: "period_start" };
  if (c.baseline && Number.isFinite(c.baseline.value)) {
    return { value: c.baseline.value, asOf: isoDay(c.baseline.asOf) ?? statedOn, source: "stated" };
  }
  const lastBefore = before.at(-1);
  if (lastBefore) return { ...lastBefore, source: "observed" };
  // 培育80家 with no baseline: growth ratios fail at zero, a straight line from 0 does not. Only
  // for counts, and only for floors: a rate or a ceiling has no natural zero.
  if (isCountUnit(t.unit) && t.comparator !== "<=") return { value: 0, asOf: statedOn, source: "assumed_zero" };
  const first = progress[0];
  if (first && progress.length >= 2) return { ...first, source: "first_report" };
  return null;
}

/**
 * The straight line from the baseline (its date, its value) to the target at the due date,
 * evaluated at the latest report's date: `expected` is where the pledge should stand by then and
 * `ratio` is observed progress over required progress (Open SDG's "observed / required").
 */
function requiredPath(
  baseline: { value: number; asOf: string } | null,
  threshold: number,
  ceiling: boolean,
  dueDate: string,
  latest: Point,
): { expected: number; ratio: number | undefined } | null {
  if (!baseline) return null;
  // The baseline already met the target, yet the latest report (which the caller has checked)
  // does not: it has gone backwards, whatever the line would say.
  const gap = (threshold - baseline.value) * (ceiling ? -1 : 1);
  if (gap <= epsilonFor(threshold)) return { expected: threshold, ratio: undefined };
  const total = daysBetween(dueDate, baseline.asOf);
  const elapsed = daysBetween(latest.asOf, baseline.asOf);
  if (total <= 0 || elapsed <= 0) return null;
  const fraction = Math.min(1, elapsed / total);
  const expected = baseline.value + (threshold - baseline.value) * fraction;
  const needed = expected - baseline.value;
  const observed = latest.value - baseline.value;
  return { expected, ratio: observed / needed };
}

function baselineNote(source: BaselineSource, statedOn: string, value: string, asOf: string): string {
  switch (source) {
    case "assumed_zero":
      return `（未给出基线，按${formatDay(statedOn)}为0计算。）`;
    case "first_report":
      return `（未给出基线，以${formatDate(asOf)}的${value}为起点。）`;
    case "observed":
      return `（起点取${formatDate(asOf)}的${value}。）`;
    default:
      return "";
  }
}

/**
 * The statuses a reviewer may set by hand on `asOf` (issue 9 §7): only those the dates allow — no
 * 未到期 for a pledge due years ago, no 未完成 or 逾期 before its due date, no 未设期限 for one with a
 * deadline — and those of its kind (a milestone is done or not, a number met or not). 笼统表述 is
 * always a choice; 已撤回 never (withdrawing is its own act, with its own record).
 */
export function overrideChoices(c: Pick<TrackedCommitment, "kind" | "due">, asOf: string): Status[] {
  const due = c.due ? isoDay(c.due.date) : null;
  const past = due !== null && asOf > due;
  if (c.kind === "milestone" || c.kind === "qualitative") {
    if (due === null) return ["milestone_done", "open_ended_in_progress", "open_ended_no_data", "vague"];
    return past
      ? ["milestone_done", "milestone_not_done", "overdue_no_evidence", "vague"]
      : ["milestone_done", "milestone_pending", "vague"];
  }
  if (due === null) return ["open_ended_achieved", "open_ended_in_progress", "open_ended_no_data", "vague"];
  return past
    ? ["achieved_on_time", "achieved_late", "missed", "overdue_no_evidence", "vague"]
    : ["achieved_on_time", "not_due_on_track", "not_due_behind", "not_due_in_progress", "not_due_no_data", "vague"];
}
