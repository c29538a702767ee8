import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { countCommitmentsByKind } from "./commitment.server";
import { countDocuments } from "./document.server";
import { countObservations } from "./observation.server";
import type { ReviewState } from "./review-state.server";

/**
 * The overview's figures over the readings in `states` (default: everything not excluded); with
 * `publishedOnly`, only documents holding such a reading count (decision 0031).
 */
export async function getOverviewCounts(
  db: Kysely<Database>,
  { states = ["unchecked", "checked"], publishedOnly = false }: { states?: readonly ReviewState[]; publishedOnly?: boolean } = {},
) {
  const [documents, commitments, observations] = await Promise.all([
    countDocuments(db, { states, publishedOnly }),
    countCommitmentsByKind(db, { states }),
    countObservations(db, { states }),
  ]);
  return { documents, commitments, observations };
}
