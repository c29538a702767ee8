import { sql, type Expression, type SqlBool } from "kysely";

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column LIKE '%text%' ESCAPE '\'`, written out because the default escape character differs:
 * PostgreSQL has "\" and SQLite has none. LIKE is case-sensitive on PostgreSQL and not on SQLite
 * for ASCII; the text searched here is Chinese, where case does not arise.
 */
export function contains(column: Expression<unknown>, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} like ${likePattern(text)} escape '\\'`;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function parseJsonArray(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
