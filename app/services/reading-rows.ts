// The rows an engine reading is stored as: the same at ingest and at re-extraction (decision 0033),
// with the matching keys (head noun, unit family, place; a change keyed apart, decision 0020) and the
// reading key that lets a later run recognise it.
import type { NewCommitment, NewObservation } from "../../db/schema";
import type { Commitment, Observation } from "../extraction/types";
import { figurePlace, regionKey } from "../domain/region-keys";
import { newId } from "../lib/id";
import { matchKeys } from "../models/tracking.server";
import { commitmentReadingKey, observationReadingKey } from "./reading-keys";

export interface ReadingContext {
  documentId: string;
  /** the document's place and agency */
  region: string | null;
  agency: string | null;
  at: string;
}

/** The reading key of an extracted commitment. */
export function extractedCommitmentKey(c: Commitment): string {
  return commitmentReadingKey({ kind: c.kind, start: c.start, end: c.end, indicator: c.indicator, targetValue: c.target?.value ?? null, targetUnit: c.target?.unit ?? null, dueDate: c.due?.date ?? null });
}

/** The reading key of an extracted observation. */
export function extractedObservationKey(o: Observation): string {
  return observationReadingKey({ start: o.start, end: o.end, indicator: o.indicator, value: o.value, unit: o.unit ?? null, asOf: o.asOf ?? null });
}

export function commitmentRow(c: Commitment, ordinal: number, ctx: ReadingContext): NewCommitment {
  const keys = matchKeys(c.indicator, c.target?.unit ?? c.baseline?.unit ?? null, c.target?.change === true);
  return {
    id: newId(),
    document_id: ctx.documentId,
    ordinal,
    quote: c.quote,
    start_offset: c.start,
    end_offset: c.end,
    kind: c.kind,
    indicator: c.indicator,
    target_value: c.target?.value ?? null,
    target_value_max: c.target?.valueMax ?? null,
    target_unit: c.target?.unit ?? null,
    target_per: c.target?.per ?? null,
    target_comparator: c.target?.comparator ?? null,
    target_mode: c.target?.mode ?? null,
    baseline_value: c.baseline?.value ?? null,
    baseline_unit: c.baseline?.unit ?? null,
    baseline_as_of: c.baseline?.asOf ?? null,
    due_date: c.due?.date ?? null,
    due_precision: c.due?.precision ?? null,
    due_text: c.due?.text ?? null,
    agency: c.agency ?? ctx.agency,
    firmness: c.firmness ?? null,
    cue: c.cue ?? null,
    rule: c.rule ?? null,
    needs_review: c.needsReview ? 1 : 0,
    origin: "extracted",
    created_at: ctx.at,
    indicator_head: keys.head,
    unit_family: keys.family,
    region_key: regionKey(ctx.region),
    reading_key: extractedCommitmentKey(c),
  };
}

export function observationRow(o: Observation, ctx: ReadingContext): NewObservation {
  const keys = matchKeys(o.indicator, o.unit ?? null, o.change === true);
  return {
    id: newId(),
    document_id: ctx.documentId,
    quote: o.quote,
    start_offset: o.start,
    end_offset: o.end,
    indicator: o.indicator,
    value: o.value,
    unit: o.unit ?? null,
    per: o.per ?? null,
    as_of: o.asOf ?? null,
    created_at: ctx.at,
    indicator_head: keys.head,
    unit_family: keys.family,
    // the figure's own place: a national bulletin's sentence about 北京 is Beijing's (decision 0020)
    region_key: regionKey(figurePlace(o.quote, ctx.region)),
    reading_key: extractedObservationKey(o),
  };
}
