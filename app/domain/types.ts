// The shapes the pure domain rules work on. They mirror what the extractor emits
// (app/extraction/types.ts) minus the provenance fields the rules never read, so that a stored
// commitment, an extracted one and a hand-built test fixture all fit without adapters.
import type { CommitmentKind, Comparator, Precision } from "../extraction/types";

export type { CommitmentKind, Comparator, Precision };

export interface TrackedTarget {
  value: number;
  /** upper end of a range (2—3个); achievement is judged against `value`, the lower end */
  valueMax?: number;
  unit: string | null;
  per?: string;
  comparator: Comparator;
  mode: "level" | "increment";
}

export interface TrackedBaseline {
  value: number;
  unit: string | null;
  asOf: string | null;
}

export interface TrackedDue {
  /** ISO date: the last day on which the pledge is still on time */
  date: string;
  precision: Precision;
  text: string;
}

export interface TrackedCommitment {
  id: string;
  kind: CommitmentKind;
  indicator: string;
  target: TrackedTarget | null;
  baseline: TrackedBaseline | null;
  due: TrackedDue | null;
  /** ISO date of the reply or report that made the pledge */
  statedOn: string;
  withdrawn?: { at: string; reason: string };
}

/**
 * A confirmed observation or progress report. For a quantitative pledge `value` is the level
 * reached (mode "level") or the amount added since the pledge (mode "increment"). For a milestone
 * `value` is null and `done` says whether the thing was delivered.
 */
export interface ProgressUpdate {
  value: number | null;
  done?: boolean;
  asOf: string;
  source: string;
}

export const STATUSES = [
  "not_due_on_track",
  "not_due_behind",
  "not_due_no_data",
  "not_due_in_progress",
  "achieved_on_time",
  "achieved_late",
  "missed",
  "overdue_no_evidence",
  "milestone_done",
  "milestone_not_done",
  "milestone_pending",
  "vague",
  "withdrawn",
  "open_ended_no_data",
  "open_ended_achieved",
  "open_ended_in_progress",
] as const;

export type Status = (typeof STATUSES)[number];

/**
 * stated: the commitment's own baseline; observed: a confirmed report dated on or before the pledge;
 * period_start: 0 at the pledge date for an increment (新增…); assumed_zero: a count target with no
 * baseline (培育80家), taken as 0 at the pledge date; first_report: the earliest report after the
 * pledge stands in for a missing baseline of a rate.
 */
export type BaselineSource = "stated" | "observed" | "period_start" | "assumed_zero" | "first_report";

/** How far behind a not-yet-due pledge is (Open SDG's moderate / limited / deterioration). */
export type BehindGrade = "moderate" | "limited" | "deteriorating";

export interface StatusOverride {
  status: Status;
  reason: string;
  by: string;
  /** ISO date; an override made after the question's asOf does not apply to it */
  at: string;
}

export interface StatusResult {
  status: Status;
  grade?: BehindGrade;
  /** short Chinese label for badges and tables */
  label: string;
  /** the sentence a deputy reads */
  explanation: string;
  /** share of the way from baseline to target (1 = reached; may exceed 1 or be negative) */
  progress?: number;
  /** the value the linear path from baseline to target requires at the latest report's date */
  expected?: number;
  /** observed progress over required progress at the latest report (Open SDG's growth ratio) */
  ratio?: number;
  latest?: { value: number; asOf: string };
  /** the starting point of the required path, and where it came from */
  baselineUsed?: { value: number; asOf: string; source: BaselineSource };
  /** for achieved / done: whether the first report meeting the target was dated on or before the due date */
  onTime?: boolean;
  overridden?: { by: string; reason: string; at: string; derived: Status };
}
