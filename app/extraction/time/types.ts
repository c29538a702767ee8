import type { Precision } from "../types";

/**
 * How a time expression bears on what is said around it:
 * - `due`: a deadline (到2027年, 年底前, 今年, 三年内)
 * - `asOf`: the date a reported value holds (截至2024年底, 目前, 去年底)
 * - `point`: a plain date whose role depends on tense (2021年, 2025年2月)
 * - `since`: a start (2022年起, 今年以来)
 * - `frequency`: 每年, 每季度 — a recurring target with no deadline of its own
 */
export type TimeRole = "due" | "asOf" | "point" | "since" | "frequency";

export interface TimeMention {
  start: number; // relative to the sentence
  end: number;
  text: string;
  role: TimeRole;
  date: string | null;
  precision: Precision;
  certainty: "stated" | "inferred";
  parser: string;
}

export interface TimeContext {
  /** ISO date of the document (signature date), or null when unknown */
  docDate: string | null;
  /** first year of a plan named in the sentence: 三年行动计划（2021-2023） */
  planStartYear?: number | null;
}

export interface TimeParser {
  name: string;
  pattern: RegExp; // global
  /** a cheap test that must pass before the pattern is run: most sentences hold no date at all */
  trigger: RegExp;
  /** characters the trigger cannot match without (at least one of them): a sentence with none is not tested */
  needs: string;
  extract(m: RegExpExecArray, ctx: TimeContext): Omit<TimeMention, "start" | "end" | "text" | "parser"> | null;
}
