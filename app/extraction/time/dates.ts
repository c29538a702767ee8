// Small date helpers on ISO strings; no clock is ever read.
import { format, lastDayOfMonth, subDays } from "date-fns";

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function endOfMonth(y: number, m: number): string {
  return format(lastDayOfMonth(new Date(y, m - 1, 1)), "yyyy-MM-dd");
}

export function dayBefore(y: number, m: number, d: number): string {
  return format(subDays(new Date(y, m - 1, d), 1), "yyyy-MM-dd");
}

export function validDate(y: number, m: number, d: number): boolean {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= Number(endOfMonth(y, m).slice(8));
}

export function yearOf(isoDate: string | null): number | null {
  return isoDate ? Number(isoDate.slice(0, 4)) : null;
}
