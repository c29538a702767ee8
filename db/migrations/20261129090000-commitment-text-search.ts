// Frozen: 2026-11-29 (issue 3, scale). Must not import app code or change after it ships.
// A text index for the lists' `q=` search (indicator and quote contain the words), so a search does
// not scan every commitment (docs/decisions/0016):
// - SQLite: an FTS5 table with the trigram tokenizer over commitments (external content, no copy of
//   the text), kept current by triggers. Its rows are keyed by commitments' implicit rowid: after a
//   VACUUM, run `INSERT INTO commitments_fts(commitments_fts) VALUES('rebuild')`.
// - PostgreSQL: pg_trgm and a GIN trigram index on indicator || ' ' || quote, which LIKE '%…%' uses.
import { sql, SqliteAdapter, type Kysely } from "kysely";

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`create virtual table commitments_fts using fts5(indicator, quote, content='commitments', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`insert into commitments_fts(commitments_fts) values('rebuild')`.execute(db);
    await sql`create trigger commitments_fts_insert after insert on commitments begin
      insert into commitments_fts(rowid, indicator, quote) values (new.rowid, new.indicator, new.quote);
    end`.execute(db);
    await sql`create trigger commitments_fts_delete after delete on commitments begin
      insert into commitments_fts(commitments_fts, rowid, indicator, quote) values ('delete', old.rowid, old.indicator, old.quote);
    end`.execute(db);
    await sql`create trigger commitments_fts_update after update of indicator, quote on commitments begin
      insert into commitments_fts(commitments_fts, rowid, indicator, quote) values ('delete', old.rowid, old.indicator, old.quote);
      insert into commitments_fts(rowid, indicator, quote) values (new.rowid, new.indicator, new.quote);
    end`.execute(db);
    return;
  }
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index commitments_text_trgm_idx on commitments using gin ((indicator || ' ' || quote) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of ["commitments_fts_update", "commitments_fts_delete", "commitments_fts_insert"]) {
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table if exists commitments_fts`.execute(db);
    return;
  }
  await sql`drop index if exists commitments_text_trgm_idx`.execute(db);
}
