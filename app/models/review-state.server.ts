// Review states of what the machine read (docs/decisions/0030): every commitment and observation is
// 未核对 (unchecked), 已核对 (checked: confirmed or corrected, or added by a reviewer) or 已排除
// (excluded: 不是承诺 / 不是进展数据). A commitment's state is derived from its origin and exclusion,
// an observation's from its check and exclusion; these helpers are the one place that says how, in
// SQL and in code.
import { sql, type Expression, type SqlBool } from "kysely";
import type { CommitmentRow, ObservationRow } from "../../db/schema";
import type { ReviewState } from "../services/tracking-types";

export type { ReviewState };

export function commitmentReviewState(row: Pick<CommitmentRow, "origin" | "excluded_at">): ReviewState {
  if (row.excluded_at !== null && row.excluded_at !== undefined) return "excluded";
  return row.origin === "extracted" ? "unchecked" : "checked";
}

export function observationReviewState(row: Pick<ObservationRow, "checked_at" | "excluded_at">): ReviewState {
  if (row.excluded_at !== null && row.excluded_at !== undefined) return "excluded";
  return row.checked_at ? "checked" : "unchecked";
}

function anyOf(parts: Expression<SqlBool>[]): Expression<SqlBool> {
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  if (parts.length === 1) return parts[0]!;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * "The commitment's review state is one of `states`", for a query over `commitments` (or an alias
 * of it). Unchecked and checked together are "not excluded", which the lists use by default.
 */
export function commitmentInStates(states: readonly ReviewState[], table = "commitments"): Expression<SqlBool> {
  const excluded = sql.ref(`${table}.excluded_at`);
  const origin = sql.ref(`${table}.origin`);
  const set = new Set(states);
  if (set.has("unchecked") && set.has("checked")) {
    return set.has("excluded") ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${excluded} is null`;
  }
  const parts: Expression<SqlBool>[] = [];
  if (set.has("unchecked")) parts.push(sql<SqlBool>`(${excluded} is null and ${origin} = 'extracted')`);
  if (set.has("checked")) parts.push(sql<SqlBool>`(${excluded} is null and ${origin} <> 'extracted')`);
  if (set.has("excluded")) parts.push(sql<SqlBool>`${excluded} is not null`);
  return anyOf(parts);
}

/** The same for a query over `observations` (or an alias of it). */
export function observationInStates(states: readonly ReviewState[], table = "observations"): Expression<SqlBool> {
  const excluded = sql.ref(`${table}.excluded_at`);
  const checked = sql.ref(`${table}.checked_at`);
  const set = new Set(states);
  if (set.has("unchecked") && set.has("checked")) {
    return set.has("excluded") ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${excluded} is null`;
  }
  const parts: Expression<SqlBool>[] = [];
  if (set.has("unchecked")) parts.push(sql<SqlBool>`(${excluded} is null and ${checked} is null)`);
  if (set.has("checked")) parts.push(sql<SqlBool>`(${excluded} is null and ${checked} is not null)`);
  if (set.has("excluded")) parts.push(sql<SqlBool>`${excluded} is not null`);
  return anyOf(parts);
}

/**
 * "No side of the link was excluded", for a query over `links`: its commitment, its figure and its
 * later pledge are all unchecked or checked. A proposed link with an excluded side is no question
 * left to answer (the queue, a document's count, a commitment's page), and a confirmed one is no
 * published fact; it stays stored and is back when the reading is restored (decision 0030, 0036).
 */
export const linkSidesIncluded = sql<SqlBool>`(not exists (select 1 from commitments x where x.id = links.commitment_id and x.excluded_at is not null)
  and (links.observation_id is null or not exists (select 1 from observations x where x.id = links.observation_id and x.excluded_at is not null))
  and (links.later_commitment_id is null or not exists (select 1 from commitments x where x.id = links.later_commitment_id and x.excluded_at is not null)))`;
