// Re-extraction (issue 9 §5, docs/decisions/0033): the current engine reads a stored document's text
// again, in one transaction per document. What is new is added as unchecked; an unchecked reading
// the engine no longer produces is proposed for exclusion (never deleted — a reviewer decides);
// checked, corrected, added and excluded readings are never changed; links are proposed for the new
// readings through the link-proposal service; the engine's version is stored on the document.
// Running it again with the same engine changes nothing.
import type { Kysely } from "kysely";
import type { CommitmentRow, Database, NewCommitment, NewObservation, ObservationRow } from "../../db/schema";
import { extract } from "../extraction/index";
import type { ExtractionResult } from "../extraction/types";
import { appendEvents, type NewEventInput } from "../models/event.server";
import { toTrackedCommitment } from "../models/tracking.server";
import { engineVersion } from "./engine-version.server";
import { proposeLinksForDocument } from "./link-proposals.server";
import { commitmentReadingKey, observationReadingKey } from "./reading-keys";
import { commitmentRow, extractedCommitmentKey, extractedObservationKey, observationRow } from "./reading-rows";
import { NotFoundError, PermissionError, type User } from "./tracking-types";
import { isStaff } from "./service-rules.server";

type Db = Kysely<Database>;

/** The engine to run: the current one unless a test brings its own. */
export interface Engine {
  version: string;
  extract: (text: string, options: { documentDate?: string }) => ExtractionResult;
}

export const CURRENT_ENGINE: Engine = { get version() { return engineVersion(); }, extract };

export interface ReextractResult {
  documentId: string;
  /** false when nothing was written: the engine read what was stored, and its version was recorded */
  changed: boolean;
  engineVersion: string;
  previousVersion: string | null;
  added: { commitments: number; observations: number };
  /** unchecked readings the engine no longer produces */
  proposedForExclusion: { commitments: number; observations: number };
  /** earlier proposals withdrawn: the engine produces the reading again */
  proposalsWithdrawn: number;
  links: number;
}

function storedCommitmentKey(row: CommitmentRow, edits: Map<string, Record<string, unknown>>): string | null {
  if (row.origin === "added") return null;
  // An edited row's engine fields are its current ones with the first edit's "before" laid over.
  const before = edits.get(row.id) ?? {};
  const pick = <T>(field: string, current: T): T => (field in before ? (before[field] as T) : current);
  return commitmentReadingKey({
    kind: pick("kind", row.kind),
    start: row.start_offset,
    end: row.end_offset,
    indicator: pick("indicator", row.indicator),
    targetValue: pick("targetValue", row.target_value),
    targetUnit: pick("targetUnit", row.target_unit),
    dueDate: pick("dueDate", row.due_date),
  });
}

function storedObservationKey(row: ObservationRow): string {
  return observationReadingKey({ start: row.start_offset, end: row.end_offset, indicator: row.indicator, value: row.value, unit: row.unit, asOf: row.as_of });
}

/**
 * Re-extracts one document; see the file's comment. `actor` is a reviewer, an admin, or the command
 * line (a name, trusted as the operator of the machine).
 */
export async function reextractDocument(
  db: Db,
  input: { documentId: string; actor: User | string; at?: string; engine?: Engine },
): Promise<ReextractResult> {
  const actorName = typeof input.actor === "string" ? input.actor : input.actor.name;
  if (typeof input.actor !== "string" && !isStaff(input.actor)) throw new PermissionError("只有审核人员或管理员可以重新提取。");
  const engine = input.engine ?? CURRENT_ENGINE;
  const version = engine.version;
  const at = input.at ?? new Date().toISOString();
  const head = await db.selectFrom("documents").select(["id", "text", "replied_on"]).where("id", "=", input.documentId).executeTakeFirst();
  if (!head) throw new NotFoundError("没有这份文件。");
  // The engine is pure and may take a while: it runs before the transaction opens.
  const reading = engine.extract(head.text, head.replied_on ? { documentDate: head.replied_on } : {});

  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom("documents")
      .select(["id", "text", "replied_on", "region", "agency", "title", "engine_version"])
      .where("id", "=", input.documentId)
      .executeTakeFirstOrThrow();
    const [commitments, observations, editEvents] = await Promise.all([
      trx.selectFrom("commitments").selectAll().where("document_id", "=", doc.id).orderBy("ordinal").execute(),
      trx.selectFrom("observations").selectAll().where("document_id", "=", doc.id).orderBy("start_offset").orderBy("id").execute(),
      trx
        .selectFrom("events")
        .innerJoin("commitments", "commitments.id", "events.entity_id")
        .select(["events.entity_id", "events.before"])
        .where("events.entity_type", "=", "commitment")
        .where("events.action", "=", "edited")
        .where("commitments.document_id", "=", doc.id)
        .orderBy("events.at")
        .orderBy("events.id")
        .execute(),
    ]);

    // Rows stored before reading keys existed get theirs (an edited one from its first edit's "before").
    const firstEdit = new Map<string, Record<string, unknown>>();
    for (const e of editEvents) {
      if (firstEdit.has(e.entity_id) || !e.before) continue;
      try {
        const before: unknown = JSON.parse(e.before);
        if (before && typeof before === "object") firstEdit.set(e.entity_id, before as Record<string, unknown>);
      } catch {
        // an unreadable entry: the row's current fields stand for the reading
      }
    }
    for (const row of commitments) {
      if (row.reading_key !== null || row.origin === "added") continue;
      row.reading_key = storedCommitmentKey(row, firstEdit);
      await trx.updateTable("commitments").set({ reading_key: row.reading_key }).where("id", "=", row.id).execute();
    }
    for (const row of observations) {
      if (row.reading_key !== null) continue;
      row.reading_key = storedObservationKey(row);
      await trx.updateTable("observations").set({ reading_key: row.reading_key }).where("id", "=", row.id).execute();
    }

    const known = new Set([...commitments, ...observations].map((r) => r.reading_key).filter((k): k is string => k !== null));
    const engineCommitments = reading.commitments.map((c) => ({
      c,
      key: extractedCommitmentKey(c),
    }));
    const engineObservations = reading.observations.map((o) => ({
      o,
      key: extractedObservationKey(o),
    }));
    const produced = new Set([...engineCommitments.map((x) => x.key), ...engineObservations.map((x) => x.key)]);

    let ordinal = commitments.reduce((m, r) => Math.max(m, r.ordinal), -1) + 1;
    const seen = new Set<string>();
    const newCommitments: NewCommitment[] = [];
    const context = { documentId: doc.id, region: doc.region, agency: doc.agency, at };
    for (const { c, key } of engineCommitments) {
      if (known.has(key) || seen.has(key)) continue;
      seen.add(key);
      newCommitments.push(commitmentRow(c, ordinal++, context));
    }
    const newObservations: NewObservation[] = [];
    for (const { o, key } of engineObservations) {
      if (known.has(key) || seen.has(key)) continue;
      seen.add(key);
      newObservations.push(observationRow(o, context));
    }

    // Unchecked readings the engine no longer produces are proposed for exclusion; a proposal whose
    // reading is back is withdrawn. Checked, corrected, added and excluded readings are left alone.
    const reason = `按引擎版本 ${version} 重新提取时不再识别出这一条`;
    const events: NewEventInput[] = [];
    const propose = { commitments: 0, observations: 0 };
    let withdrawn = 0;
    for (const row of commitments) {
      if (row.origin !== "extracted" || row.excluded_at || row.withdrawn_at || row.reading_key === null) continue;
      const gone = !produced.has(row.reading_key);
      if (gone && !row.exclusion_proposed_at) {
        await trx.updateTable("commitments").set({ exclusion_proposed_at: at, exclusion_proposed_reason: reason }).where("id", "=", row.id).execute();
        events.push({ entityType: "commitment", entityId: row.id, action: "exclusion_proposed", actor: actorName, at, after: { engineVersion: version }, reason });
        propose.commitments++;
      } else if (!gone && row.exclusion_proposed_at) {
        await trx.updateTable("commitments").set({ exclusion_proposed_at: null, exclusion_proposed_reason: null }).where("id", "=", row.id).execute();
        events.push({ entityType: "commitment", entityId: row.id, action: "exclusion_kept", actor: actorName, at, after: { engineVersion: version }, reason: "重新提取时再次识别出这一条" });
        withdrawn++;
      }
    }
    for (const row of observations) {
      if (row.checked_at || row.excluded_at || row.reading_key === null) continue;
      const gone = !produced.has(row.reading_key);
      if (gone && !row.exclusion_proposed_at) {
        await trx.updateTable("observations").set({ exclusion_proposed_at: at, exclusion_proposed_reason: reason }).where("id", "=", row.id).execute();
        events.push({ entityType: "observation", entityId: row.id, action: "exclusion_proposed", actor: actorName, at, after: { engineVersion: version }, reason });
        propose.observations++;
      } else if (!gone && row.exclusion_proposed_at) {
        await trx.updateTable("observations").set({ exclusion_proposed_at: null, exclusion_proposed_reason: null }).where("id", "=", row.id).execute();
        events.push({ entityType: "observation", entityId: row.id, action: "exclusion_kept", actor: actorName, at, after: { engineVersion: version }, reason: "重新提取时再次识别出这一条" });
        withdrawn++;
      }
    }

    for (let i = 0; i < newCommitments.length; i += 200) await trx.insertInto("commitments").values(newCommitments.slice(i, i + 200)).execute();
    for (let i = 0; i < newObservations.length; i += 300) await trx.insertInto("observations").values(newObservations.slice(i, i + 300)).execute();
    let links = 0;
    if (newCommitments.length + newObservations.length > 0) {
      // No suggestion: the "dropped" check compares a follow-up's whole reading, not what was added now.
      links = await proposeLinksForDocument(trx, {
        document: { documentId: doc.id, region: doc.region, agency: doc.agency, statedOn: doc.replied_on, suggestionId: null, title: doc.title },
        observations: newObservations,
        heads: new Map(newCommitments.map((c) => [c.id, c.indicator_head])),
        commitments: newCommitments.map((c) =>
          toTrackedCommitment({
            ...(c as Required<NewCommitment>),
            document_replied_on: doc.replied_on,
            document_region: doc.region,
            document_agency: doc.agency,
            document_title: doc.title,
            document_ref: null,
            person_name: null,
            person_role: null,
          } as Parameters<typeof toTrackedCommitment>[0]),
        ),
        actor: actorName,
        at,
      });
    }

    const changed =
      newCommitments.length + newObservations.length + propose.commitments + propose.observations + withdrawn > 0 || doc.engine_version !== version;
    if (doc.engine_version !== version) {
      await trx.updateTable("documents").set({ engine_version: version }).where("id", "=", doc.id).execute();
    }
    const result: ReextractResult = {
      documentId: doc.id,
      changed,
      engineVersion: version,
      previousVersion: doc.engine_version,
      added: { commitments: newCommitments.length, observations: newObservations.length },
      proposedForExclusion: propose,
      proposalsWithdrawn: withdrawn,
      links,
    };
    if (changed) {
      events.push({
        entityType: "document",
        entityId: doc.id,
        action: "reextracted",
        actor: actorName,
        at,
        before: { engineVersion: doc.engine_version },
        after: { engineVersion: version, added: result.added, proposedForExclusion: propose, proposalsWithdrawn: withdrawn, links },
      });
      await appendEvents(trx, events);
    }
    return result;
  });
}

/** Every document's id, oldest first, for `--all`. */
export async function listDocumentIds(db: Db): Promise<string[]> {
  return (await db.selectFrom("documents").select("id").orderBy("id").execute()).map((r) => r.id);
}
