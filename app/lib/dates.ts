// "Today" for the pages. Status depends on an explicit asOf (HOUSE_STYLE: derive what depends on
// time); the pages default it to today's date in China, whatever zone the server runs in.
import { dayProblem } from "./input-rules";

export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * ?asOf= for a page: today when absent or empty, the day when it is a real one (input-rules.ts),
 * else a thrown 400 naming the problem — 2025-02-30 used to pass here and fail in the services as a 500.
 */
export function asOfFromParams(params: URLSearchParams, now: Date = new Date()): string {
  const raw = (params.get("asOf") ?? "").trim();
  if (!raw) return todayInChina(now);
  const problem = dayProblem(raw);
  if (problem) {
    throw new Response(`查询参数 asOf 有误：${problem}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return raw;
}

/** Days from `from` to `to` (ISO days), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
