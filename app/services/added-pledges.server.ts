// A reviewer adds a pledge the extractor missed (issue 9 §1, docs/decisions/0032): words selected in
// a document's full text (or the sentence picked) become a form pre-filled by the engine's own
// reading of that span, corrected and saved as a commitment with its quote and offsets like an
// extracted one — marked as added by that reviewer, already checked, with an "added" event.
import type { Kysely } from "kysely";
import type { Database, NewCommitment } from "../../db/schema";
import { extract } from "../extraction/index";
import type { Commitment } from "../extraction/types";
import { regionKey } from "../domain/region-keys";
import { newId } from "../lib/id";
import { appendEvent } from "../models/event.server";
import { matchKeys, toTrackedCommitment } from "../models/tracking.server";
import { CommitmentEditSchema, type CommitmentEdit } from "./commitment-edits.server";
import { proposeLinksForDocument } from "./link-proposals.server";
import { fieldErrorsOf, requireStaff } from "./service-rules.server";
import { NotFoundError, ValidationError, type User } from "./tracking-types";

export { sentenceAround } from "../lib/sentence";

type Db = Kysely<Database>;

/** Longest span a reviewer may add as one pledge's quote. */
export const MAX_QUOTE = 2000;

export interface PledgeDraft {
  start: number;
  end: number;
  quote: string;
  kind: "quantitative" | "milestone" | "qualitative";
  indicator: string;
  targetValue: number | null;
  targetValueMax: number | null;
  targetUnit: string | null;
  targetComparator: ">=" | "<=" | "=" | null;
  targetMode: "level" | "increment" | null;
  dueDate: string | null;
  duePrecision: "year" | "month" | "day" | null;
  dueText: string | null;
  agency: string | null;
  firmness: string | null;
  /** how the fields were found: the engine read the span as a pledge; read it once told it is one; read only a figure in it; nothing */
  source: "engine" | "engine-as-pledge" | "figure" | "none";
}

function checkSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new ValidationError("所选文字的位置无效，请在原文中重新选择。", { span: ["位置无效"] });
  }
  if (end - start > MAX_QUOTE) throw new ValidationError(`所选文字过长（不超过${MAX_QUOTE}字）。`, { span: ["过长"] });
  if (text.slice(start, end).trim() === "") throw new ValidationError("所选文字为空。", { span: ["为空"] });
}

function fromCommitment(c: Commitment): Omit<PledgeDraft, "start" | "end" | "quote" | "source"> {
  return {
    kind: c.kind,
    indicator: c.indicator,
    targetValue: c.target?.value ?? null,
    targetValueMax: c.target?.valueMax ?? null,
    targetUnit: c.target?.unit ?? null,
    targetComparator: c.target?.comparator ?? null,
    targetMode: c.target?.mode ?? null,
    dueDate: c.due?.date ?? null,
    duePrecision: c.due?.precision ?? null,
    dueText: c.due?.text ?? null,
    agency: c.agency,
    firmness: c.firmness ?? null,
  };
}

/**
 * The engine's own reading of the span (its public `extract`, given the document's date so 今年
 * and 到2027年 resolve as they did for the whole reply): the pledge it finds there; failing that, the
 * pledge it finds once the span is told to be one (a 下一步 cue in front — the engine's rule for
 * "this is what we will do"); failing that, the first figure in it as a target; else a qualitative
 * pledge named by its first words. A reviewer corrects whatever it got wrong.
 */
export function draftFromSpan(
  text: string,
  span: { start: number; end: number },
  context: { documentDate: string | null; agency: string | null },
): PledgeDraft {
  checkSpan(text, span.start, span.end);
  const quote = text.slice(span.start, span.end);
  const options = context.documentDate ? { documentDate: context.documentDate } : {};
  const base = { start: span.start, end: span.end, quote };
  const direct = extract(quote, options).commitments[0];
  if (direct) return { ...base, ...fromCommitment(direct), agency: direct.agency ?? context.agency, source: "engine" };
  const cued = extract(`下一步，${quote.replace(/^[\s，,、：:]+/, "")}`, options).commitments[0];
  if (cued) return { ...base, ...fromCommitment(cued), agency: cued.agency ?? context.agency, source: "engine-as-pledge" };
  const figure = extract(quote, options).observations[0];
  const empty = {
    targetValue: null,
    targetValueMax: null,
    targetUnit: null,
    targetComparator: null,
    targetMode: null,
    dueDate: null,
    duePrecision: null,
    dueText: null,
    agency: context.agency,
    firmness: null,
  } as const;
  if (figure) {
    return {
      ...base,
      ...empty,
      kind: "quantitative",
      indicator: figure.indicator,
      targetValue: figure.value,
      targetUnit: figure.unit,
      targetComparator: ">=",
      targetMode: "level",
      source: "figure",
    };
  }
  const words = quote.replace(/^[\s（(]*[一二三四五六七八九十\d]+[）)、.．]\s*/, "").replace(/[。；;，,].*$/s, "").trim();
  return { ...base, ...empty, kind: "qualitative", indicator: words.slice(0, 30) || quote.slice(0, 30), source: "none" };
}

/** The draft for a span of a stored document. */
export async function draftForDocument(db: Db, input: { documentId: string; start: number; end: number }): Promise<PledgeDraft> {
  const doc = await db.selectFrom("documents").select(["text", "replied_on", "agency"]).where("id", "=", input.documentId).executeTakeFirst();
  if (!doc) throw new NotFoundError("没有这份文件。");
  return draftFromSpan(doc.text, input, { documentDate: doc.replied_on, agency: doc.agency });
}

/**
 * Saves a pledge a reviewer added: the span's quote and offsets, the fields as corrected, origin
 * "added" (already checked), `added_by`, an "added" event, and links proposed for it through the
 * link-proposal service as for an ingested pledge. One transaction.
 */
export async function addCommitment(
  db: Db,
  input: { documentId: string; start: number; end: number; fields: CommitmentEdit; note?: string | null; actor: User; at?: string },
): Promise<{ commitmentId: string; links: number }> {
  requireStaff(input.actor, "补充承诺");
  const parsed = CommitmentEditSchema.safeParse(input.fields);
  if (!parsed.success) throw new ValidationError("承诺信息有误。", fieldErrorsOf(parsed.error));
  const f = parsed.data;
  const kind = f.kind;
  const indicator = f.indicator;
  if (!kind) throw new ValidationError("请选择类型。", { kind: ["请选择类型"] });
  if (!indicator) throw new ValidationError("请填写指标。", { indicator: ["指标不能为空"] });
  if (kind === "quantitative" && (f.targetValue === null || f.targetValue === undefined)) {
    throw new ValidationError("定量承诺需要目标值。", { targetValue: ["请填写目标值"] });
  }
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom("documents")
      .select(["id", "text", "region", "agency", "replied_on", "title"])
      .where("id", "=", input.documentId)
      .executeTakeFirst();
    if (!doc) throw new NotFoundError("没有这份文件。");
    checkSpan(doc.text, input.start, input.end);
    const last = await trx
      .selectFrom("commitments")
      .select((eb) => eb.fn.max("ordinal").as("n"))
      .where("document_id", "=", doc.id)
      .executeTakeFirst();
    const ordinal = last?.n === null || last?.n === undefined ? 0 : Number(last.n) + 1;
    const hasTarget = f.targetValue !== null && f.targetValue !== undefined;
    const keys = matchKeys(indicator, f.targetUnit ?? null);
    const row: NewCommitment = {
      id: newId(),
      document_id: doc.id,
      ordinal,
      quote: doc.text.slice(input.start, input.end),
      start_offset: input.start,
      end_offset: input.end,
      kind,
      indicator,
      target_value: hasTarget ? f.targetValue! : null,
      target_value_max: hasTarget ? (f.targetValueMax ?? null) : null,
      target_unit: hasTarget ? (f.targetUnit ?? null) : null,
      target_per: null,
      target_comparator: hasTarget ? (f.targetComparator ?? ">=") : null,
      target_mode: hasTarget ? (f.targetMode ?? "level") : null,
      baseline_value: f.baselineValue ?? null,
      baseline_unit: f.baselineValue != null ? (f.targetUnit ?? null) : null,
      baseline_as_of: f.baselineValue != null ? (f.baselineAsOf ?? null) : null,
      due_date: f.dueDate ?? null,
      due_precision: f.dueDate ? (f.duePrecision ?? "day") : null,
      due_text: null,
      agency: f.agency ?? doc.agency,
      firmness: null,
      cue: null,
      rule: "reviewer",
      needs_review: 0,
      origin: "added",
      created_at: at,
      indicator_head: keys.head,
      unit_family: keys.family,
      region_key: regionKey(doc.region),
      added_by: input.actor.name,
    };
    await trx.insertInto("commitments").values(row).execute();
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.id,
      action: "added",
      actor: input.actor.name,
      at,
      after: {
        documentId: doc.id,
        start: row.start_offset,
        end: row.end_offset,
        kind: row.kind,
        indicator: row.indicator,
        targetValue: row.target_value,
        targetUnit: row.target_unit,
        dueDate: row.due_date,
        agency: row.agency,
      },
      reason: input.note?.trim() || "系统未识别出的承诺",
    });
    // Links for the new pledge as for an ingested one. No suggestion: a follow-up's "dropped" check
    // compares a whole document's pledges, not one added by hand.
    const links = await proposeLinksForDocument(trx, {
      document: { documentId: doc.id, region: doc.region, agency: doc.agency, statedOn: doc.replied_on, suggestionId: null, title: doc.title },
      observations: [],
      commitments: [
        toTrackedCommitment({
          ...(row as Required<NewCommitment>),
          document_replied_on: doc.replied_on,
          document_region: doc.region,
          document_agency: doc.agency,
          document_title: doc.title,
          document_ref: null,
          person_name: null,
          person_role: null,
        } as Parameters<typeof toTrackedCommitment>[0]),
      ],
      actor: input.actor.name,
      at,
    });
    return { commitmentId: row.id, links };
  });
}
