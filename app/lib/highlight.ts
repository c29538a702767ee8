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
 * Non-overlapping segments covering the whole text in order. Spans are taken kind by kind in the
 * order the kinds first appear (callers put commitments before observations), each kind from the
 * text's start; one that overlaps an already placed span, or lies outside the text, is left out
 * rather than breaking the text apart.
 */
export function segmentText(text: string, spans: MarkSpan[]): TextSegment[] {
  // copies: a span's end may be moved below, and the caller's spans stay as they were
  const placed: MarkSpan[] = [];
  // each kind in the order the caller gives the kinds, and within a kind from the text's start
  const kinds = [...new Set(spans.map((s) => s.kind))];
  const ordered = [...spans].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.start - b.start);
  for (const given of ordered) {
    const span = { ...given };
    if (!(span.start >= 0 && span.end > span.start && span.end <= text.length)) continue;
    // Pledges of one sentence quote it from their own clause to its end (extraction/index.ts,
    // narrowQuotes): the one before is marked up to where the next one's words begin.
    const before = placed.find((p) => p.kind === span.kind && p.end === span.end && p.start < span.start);
    if (before && !placed.some((p) => p !== before && span.start < p.end && p.start < span.end)) {
      before.end = span.start;
      placed.push(span);
      continue;
    }
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
