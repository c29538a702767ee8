// Evidence files attached to progress reports are not published by default (issue 9 §4, decision
// 0031): staff and the agency responsible for the commitment read them; anyone once a reviewer has
// published the file.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { appendEvent } from "../models/event.server";
import { requireStaff } from "./service-rules.server";
import { NotFoundError, ValidationError, type ReadScope, type User } from "./tracking-types";

type Db = Kysely<Database>;

/** May a reader with `scope` download the evidence of a report on `agency`'s commitment? */
export function mayReadEvidence(scope: ReadScope, evidencePublic: boolean, agency: string | null): boolean {
  return scope.staff || evidencePublic || (Boolean(scope.agency) && scope.agency === agency);
}

/** The file, or null when there is none or `scope` may not read it (the route answers 404 either way). */
export async function getEvidenceFileFor(db: Db, updateId: string, scope: ReadScope): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const row = await db
    .selectFrom("progress_updates")
    .innerJoin("evidence_files", "evidence_files.id", "progress_updates.evidence_file_id")
    .innerJoin("commitments", "commitments.id", "progress_updates.commitment_id")
    .select(["evidence_files.file_name", "evidence_files.data_base64", "progress_updates.evidence_public", "commitments.agency"])
    .where("progress_updates.id", "=", updateId)
    .executeTakeFirst();
  if (!row || !mayReadEvidence(scope, row.evidence_public === 1, row.agency)) return null;
  return { fileName: row.file_name, bytes: new Uint8Array(Buffer.from(row.data_base64, "base64")) };
}

/** A reviewer publishes a report's evidence file: from now on anyone may download it. */
export async function publishEvidence(db: Db, input: { updateId: string; actor: User; at?: string }): Promise<void> {
  requireStaff(input.actor, "公开证据文件");
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("progress_updates")
      .select(["id", "commitment_id", "evidence_file_id", "evidence_file_name", "evidence_public"])
      .where("id", "=", input.updateId)
      .executeTakeFirst();
    if (!row || !row.evidence_file_id) throw new NotFoundError("这条进展没有证据文件。");
    if (row.evidence_public === 1) throw new ValidationError("证据文件已经公开。", { updateId: ["已公开"] });
    // one-way (unpublished → published): guarded, so two reviewers publishing at once record it once
    const changed = await trx.updateTable("progress_updates").set({ evidence_public: 1 }).where("id", "=", row.id).where("evidence_public", "=", 0).executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new ValidationError("证据文件已经公开。", { updateId: ["已公开"] });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.commitment_id,
      action: "evidence_published",
      actor: input.actor.name,
      at,
      after: { updateId: row.id, evidenceFileName: row.evidence_file_name },
    });
  });
}
