// Chinese renderings of numbers and dates for status explanations. Pure string work: dates are
// ISO strings split by hand so no time zone can shift a day.
import type { TrackedDue, TrackedTarget } from "./types";
import { isCountUnit } from "./units";

/** 85.78000000001 → "85.78"; 1221 → "1221"; keeps at most `maxDecimals` decimals, trims zeros. */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const cleaned = Number.parseFloat(n.toPrecision(12));
  const fixed = cleaned.toFixed(maxDecimals);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

function parts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function lastDayOfMonth(year: number, month: number): number {
  // Date.UTC with day 0 of the next month gives the last day of this one; an explicit argument,
  // never the clock.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 2026-12-31 → 2026年底; 2025-03-31 → 2025年3月底; 2025-06-29 → 2025年6月29日. */
export function formatDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  const [y, m, d] = p;
  if (m === 12 && d === 31) return `${y}年底`;
  if (d === lastDayOfMonth(y, m)) return `${y}年${m}月底`;
  return `${y}年${m}月${d}日`;
}

/** A document's own date, always to the day: 2025年6月30日. */
export function formatDay(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  return `${p[0]}年${p[1]}月${p[2]}日`;
}

/** The due date as a deputy would say it: 2027年底前, 2025年11月底前, 期限2025年6月29日. */
export function formatDue(due: TrackedDue): string {
  const p = parts(due.date);
  if (!p) return due.text;
  const [y, m] = p;
  if (due.precision === "year") return `${y}年底前`;
  if (due.precision === "month") return `${y}年${m}月底前`;
  // A day-precision due date is already "the last day still on time" (6月30日前 → 06-29), so
  // writing 前 after it would shift the meaning by a day.
  const [, , d] = p;
  return `期限${y}年${m}月${d}日`;
}

/** 58.9% ; 每万老年人27人 ; 1221个 */
export function formatValue(value: number, unit: string | null, per?: string, decimals = 2): string {
  const n = formatNumber(value, decimals);
  const u = unit ?? "";
  return `${per ?? ""}${n}${u}`;
}

/** The target as a short phrase: 80家, 新增169张, 2—3个, 不超过5%, 每万老年人27人. */
export function formatTarget(target: TrackedTarget): string {
  const unit = target.unit ?? "";
  const per = target.per ?? "";
  const amount =
    target.valueMax !== undefined && Number.isFinite(target.valueMax) && target.valueMax > target.value
      ? `${formatNumber(target.value)}—${formatNumber(target.valueMax)}${unit}`
      : `${formatNumber(target.value)}${unit}`;
  const prefix = target.mode === "increment" ? "新增" : "";
  const bound = target.comparator === "<=" ? "不超过" : "";
  return `${per}${prefix}${bound}${amount}`;
}

/** Rounding for "按进度应达约…": whole units for counts, one decimal for shares. */
export function formatExpected(value: number, unit: string | null): string {
  return formatNumber(value, isCountUnit(unit) ? 0 : 1);
}
