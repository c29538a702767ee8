import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { countCommitmentsByKind } from "./commitment.server";
import { countDocuments } from "./document.server";
import { countObservations } from "./observation.server";

export async function getOverviewCounts(db: Kysely<Database>) {
  const [documents, commitments, observations] = await Promise.all([
    countDocuments(db),
    countCommitmentsByKind(db),
    countObservations(db),
  ]);
  return { documents, commitments, observations };
}
