// Frozen: 2026-12-02 (issue 10, sessions). Must not import app code or change after it ships.
// Server-side sessions that logout deletes and that expire; API tokens that expire and can be
// revoked; users that can be disabled; failed logins counted per account and per address for the
// throttle; the session secret out of the database (docs/decisions/0026).
import { sql, type Kysely } from "kysely";

/** Tokens issued before this migration had no end: they get the default lifetime from now. */
const DEFAULT_TOKEN_DAYS = 90;

export async function up(db: Kysely<any>): Promise<void> {
  // id is the sha256 of the token in the cookie: a copy of the database holds no usable session.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_seen_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("address", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

  await db.schema.alterTable("api_tokens").addColumn("expires_at", "text").execute();
  await db.schema.alterTable("api_tokens").addColumn("revoked_at", "text").execute();
  const until = new Date(Date.now() + DEFAULT_TOKEN_DAYS * 86_400_000).toISOString();
  await db.updateTable("api_tokens").set({ expires_at: until }).execute();

  await db.schema.alterTable("users").addColumn("disabled_at", "text").execute();

  await db.schema
    .createTable("login_failures")
    .addColumn("id", "text", (col) => col.primaryKey())
    // "account:<name>" or "address:<ip>"
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("login_failures_key_idx").on("login_failures").columns(["key", "at"]).execute();
  await db.schema.createIndex("login_failures_at_idx").on("login_failures").column("at").execute();

  // The secret that signed cookies lived here, so a copy of the database could forge them. It is
  // now SESSION_SECRET or a file beside the database; cookies signed with the old one are void.
  await sql`delete from settings where key = 'session_secret'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("login_failures_at_idx").execute();
  await db.schema.dropIndex("login_failures_key_idx").execute();
  await db.schema.dropTable("login_failures").execute();
  await db.schema.alterTable("users").dropColumn("disabled_at").execute();
  await db.schema.alterTable("api_tokens").dropColumn("revoked_at").execute();
  await db.schema.alterTable("api_tokens").dropColumn("expires_at").execute();
  await db.schema.dropIndex("sessions_expires_idx").execute();
  await db.schema.dropIndex("sessions_user_idx").execute();
  await db.schema.dropTable("sessions").execute();
}
