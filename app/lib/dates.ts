// "Today" for the pages. Status depends on an explicit asOf (HOUSE_STYLE: derive what depends on
// time); the pages default it to today's date in China, whatever zone the server runs in.
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A valid ISO day from ?asOf=, else today. */
export function asOfFromParams(params: URLSearchParams, now: Date = new Date()): string {
  const raw = params.get("asOf") ?? "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) return raw;
  return todayInChina(now);
}

/** Days from `from` to `to` (ISO days), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
