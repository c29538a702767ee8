import { sql, SqliteAdapter, type Expression, type Kysely, type SqlBool } from "kysely";

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

/** Shortest query the trigram index can answer; shorter ones are matched with LIKE. */
const TRIGRAM = 3;

/**
 * "The commitment's indicator or quote contains `text`", through the text index of migration
 * 20261129090000 (docs/decisions/0016): on SQLite an FTS5 trigram phrase query on commitments_fts
 * for 3 characters or more; on PostgreSQL a LIKE on indicator || ' ' || quote, which the pg_trgm GIN
 * index serves. Two-character terms (养老) have no trigram and fall back to LIKE on both columns.
 */
export function commitmentTextContains(db: Kysely<any>, text: string): Expression<SqlBool> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if ([...text].length < TRIGRAM) {
    return sql<SqlBool>`(${contains(sql.ref("commitments.indicator"), text)} or ${contains(sql.ref("commitments.quote"), text)})`;
  }
  if (isSqlite) {
    const phrase = `"${text.replace(/"/g, '""')}"`;
    return sql<SqlBool>`commitments.rowid in (select rowid from commitments_fts where commitments_fts match ${phrase})`;
  }
  return contains(sql`(commitments.indicator || ' ' || commitments.quote)`, text);
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
