export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page {
  page: number;
  limit: number;
  offset: number;
}

/** Reads ?page= (1-based) from a URL; anything unreadable falls back to page 1. */
export function pageFromSearchParams(params: URLSearchParams, limit = DEFAULT_PAGE_SIZE): Page {
  const raw = Number.parseInt(params.get("page") ?? "1", 10);
  const page = Number.isFinite(raw) && raw >= 1 ? Math.min(raw, 1_000_000) : 1;
  const size = Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
  return { page, limit: size, offset: (page - 1) * size };
}

export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}
