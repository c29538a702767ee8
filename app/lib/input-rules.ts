// The rules for values that arrive from outside — a date, a number, a piece of text — in one pure
// module shared by the forms' zod schemas, the JSON API's body reader, the page loaders and the
// services (docs/decisions/0024-input-at-the-edge.md). Messages are in Chinese.
export { isWellFormedText, textProblem } from "./text-rules";

/** Dates before this year or after that one are typing errors, not pledges or reports. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real calendar day (2025-02-30 is not) in MIN_YEAR…MAX_YEAR. */
export function isRealDay(value: string): boolean {
  return dayProblem(value) === null;
}

/** Why `value` is not a usable day, in Chinese, or null. */
export function dayProblem(value: string): string | null {
  const m = ISO_DAY.exec(value);
  if (!m) return "日期格式应为 年-月-日，例如 2025-06-30。";
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return `日期的年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 年之间。`;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    return `${value} 不是真实存在的日期（请检查月份和日）。`;
  }
  return null;
}

/** Largest magnitude of a reported or edited figure: 10^15 (a province's GDP in yuan is ~10^13). */
export const MAX_ABS_NUMBER = 1e15;

/** Why `n` is not a sensible figure, in Chinese, or null. */
export function numberProblem(n: number): string | null {
  if (!Number.isFinite(n)) return "数值不是有效的数字。";
  if (Math.abs(n) > MAX_ABS_NUMBER) return "数值超出合理范围（绝对值不超过 10 的 15 次方）。";
  return null;
}

/** The number as stored: -0 becomes 0, so a report never reads "-0". */
export function normalizeNumber(n: number): number {
  return n === 0 ? 0 : n;
}
