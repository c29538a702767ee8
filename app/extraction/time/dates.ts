// Small date helpers on ISO strings; no clock is ever read.

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function endOfMonth(y: number, m: number): string {
  return iso(y, m, daysIn(y, m));
}

export function dayBefore(y: number, m: number, d: number): string {
  if (d > 1) return iso(y, m, d - 1);
  return m > 1 ? endOfMonth(y, m - 1) : iso(y - 1, 12, 31);
}

export function validDate(y: number, m: number, d: number): boolean {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysIn(y, m);
}

export function yearOf(isoDate: string | null): number | null {
  return isoDate ? Number(isoDate.slice(0, 4)) : null;
}
