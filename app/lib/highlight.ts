// Splits a document's text into plain runs and marked spans, for showing each pledge in place.

export interface MarkSpan {
  start: number;
  end: number;
  /** DOM id of the mark, the target of the table's links */
  id: string;
  kind: "commitment" | "observation";
  label: string;
  /** 未核对 / 已核对 / 已排除 (docs/decisions/0030), shown on the mark */
  state: "unchecked" | "checked" | "excluded";
}

export type TextSegment =
  | { type: "text"; text: string; start: number }
  | { type: "mark"; text: string; start: number; span: MarkSpan };

/**
 * Non-overlapping segments covering the whole text in order. Spans are taken in the order given
 * (callers put commitments before observations); one that overlaps an already placed span, or lies
 * outside the text, is left out rather than breaking the text apart.
 */
export function segmentText(text: string, spans: MarkSpan[]): TextSegment[] {
  const placed: MarkSpan[] = [];
  for (const span of spans) {
    if (!(span.start >= 0 && span.end > span.start && span.end <= text.length)) continue;
    if (placed.some((p) => span.start < p.end && p.start < span.end)) continue;
    placed.push(span);
  }
  placed.sort((a, b) => a.start - b.start);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const span of placed) {
    if (span.start > cursor) segments.push({ type: "text", text: text.slice(cursor, span.start), start: cursor });
    segments.push({ type: "mark", text: text.slice(span.start, span.end), start: span.start, span });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ type: "text", text: text.slice(cursor), start: cursor });
  return segments;
}
