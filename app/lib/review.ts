// The annual review's columns, shared by the page, its chart and its CSV so all three agree.
import { asOfFromParams, todayInChina } from "~/lib/dates";
import type { ReviewGroupCounts } from "~/services/tracking-types";

export const REVIEW_BY = ["agency", "person", "topic"] as const;
export type ReviewBy = (typeof REVIEW_BY)[number];

export const REVIEW_BY_LABELS: Record<ReviewBy, string> = { agency: "按承办单位", person: "按代表 / 委员", topic: "按主题" };
export const REVIEW_KEY_LABELS: Record<ReviewBy, string> = { agency: "承办单位", person: "代表 / 委员", topic: "主题" };

type CountKey = Exclude<keyof ReviewGroupCounts, "key">;

export const REVIEW_COLUMNS: { key: CountKey; label: string }[] = [
  { key: "total", label: "到期承诺" },
  { key: "kept", label: "已兑现" },
  { key: "missed", label: "未兑现" },
  { key: "overdue", label: "逾期无证据" },
  { key: "behind", label: "进度落后" },
  { key: "onTrack", label: "进度正常" },
  { key: "pending", label: "暂无数据" },
  { key: "unrateable", label: "笼统表述" },
  { key: "withdrawn", label: "已撤回" },
];

/** The columns shown to a reader who sees unchecked readings: how many of each group are still 未核对. */
export function reviewColumns(showUnchecked: boolean): { key: CountKey; label: string }[] {
  return showUnchecked ? [...REVIEW_COLUMNS, { key: "unchecked", label: "其中未核对" }] : REVIEW_COLUMNS;
}

/** Kept over the pledges that could be rated (vague and withdrawn ones are not in the base). */
export function keptRate(c: Omit<ReviewGroupCounts, "key">): number | null {
  const base = c.total - c.unrateable - c.withdrawn;
  return base > 0 ? c.kept / base : null;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** ?year= (default this year), ?by= (default agency), ?asOf= (default today). */
export function reviewParams(params: URLSearchParams) {
  const today = todayInChina();
  const rawYear = Number.parseInt(params.get("year") ?? "", 10);
  const year = Number.isFinite(rawYear) && rawYear >= 1949 && rawYear <= 2200 ? rawYear : Number(today.slice(0, 4));
  const rawBy = params.get("by");
  const by: ReviewBy = (REVIEW_BY as readonly string[]).includes(rawBy ?? "") ? (rawBy as ReviewBy) : "agency";
  return { year, by, asOf: asOfFromParams(params) };
}
