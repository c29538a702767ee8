// Reads of deputies' and members' objections (services/disagreements.server.ts writes them).
import type { Kysely } from "kysely";
import type { Database, DisagreementTable } from "../../db/schema";
import { isKnownStatus } from "../domain/status";
import type { DisagreementView } from "../services/tracking-types";

type Db = Kysely<Database>;

export interface DisagreementFilter {
  state?: "open" | "resolved" | "all";
  person?: string;
  commitmentId?: string;
  limit?: number;
  offset?: number;
}

/** Objections, open ones oldest first (they have waited longest), answered ones newest first. */
export async function listDisagreements(db: Db, filter: DisagreementFilter = {}): Promise<{ total: number; items: DisagreementView[] }> {
  const state = filter.state ?? "open";
  let base = db.selectFrom("disagreements");
  if (state === "open") base = base.where("disagreements.resolved_at", "is", null);
  if (state === "resolved") base = base.where("disagreements.resolved_at", "is not", null);
  if (filter.person) base = base.where("disagreements.person", "=", filter.person);
  if (filter.commitmentId) base = base.where("disagreements.commitment_id", "=", filter.commitmentId);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base
      .innerJoin("commitments", "commitments.id", "disagreements.commitment_id")
      .selectAll("disagreements")
      .select(["commitments.indicator", "commitments.quote", "commitments.agency"])
      .orderBy("disagreements.raised_at", state === "open" ? "asc" : "desc")
      .orderBy("disagreements.id", state === "open" ? "asc" : "desc")
      .limit(limit)
      .offset(Math.max(filter.offset ?? 0, 0))
      .execute(),
  ]);
  return { total: Number(count.n), items: rows.map(toView) };
}

function toView(row: DisagreementTable & { indicator: string; quote: string; agency: string | null }): DisagreementView {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    indicator: row.indicator,
    quote: row.quote,
    agency: row.agency,
    person: row.person,
    raisedBy: row.raised_by,
    raisedAt: row.raised_at,
    disputedStatus: isKnownStatus(row.disputed_status) ? row.disputed_status : null,
    note: row.note,
    state: row.resolution ?? "open",
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    response: row.response,
    overrideStatus: isKnownStatus(row.override_status) ? row.override_status : null,
  };
}
