// A reading's identity as the engine produced it (docs/decisions/0033): its span and the fields the
// engine chose. Stored at ingest (`reading_key`) and never changed by a reviewer's corrections, so a
// re-extraction recognises its own earlier readings — also those a reviewer corrected or excluded —
// and adds only what is new. Pure: the ingest, the re-extraction and the tests share it.

export interface CommitmentReading {
  kind: string;
  start: number;
  end: number;
  indicator: string;
  targetValue: number | null;
  targetUnit: string | null;
  dueDate: string | null;
}

export interface ObservationReading {
  start: number;
  end: number;
  indicator: string;
  value: number;
  unit: string | null;
  asOf: string | null;
}

const part = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function commitmentReadingKey(r: CommitmentReading): string {
  return ["c", r.kind, r.start, r.end, r.indicator, part(r.targetValue), part(r.targetUnit), part(r.dueDate)].map(part).join("|");
}

export function observationReadingKey(r: ObservationReading): string {
  return ["o", r.start, r.end, r.indicator, part(r.value), part(r.unit), part(r.asOf)].map(part).join("|");
}
