// The extractor's output (see docs/extraction.md and GUIDE §4). Offsets are UTF-16 code units into
// the decoded text the extractor was given.

export type Comparator = ">=" | "<=" | "=";
export type CommitmentKind = "quantitative" | "milestone" | "qualitative";
export type Precision = "year" | "month" | "day";
/** 确保 > 力争 > 计划 > 研究: how firmly the agency worded the pledge. */
export type Firmness = "guarantee" | "strive" | "plan" | "intend" | "explore";

export interface Span {
  start: number;
  end: number;
}

export interface Target {
  value: number;
  valueMax?: number;
  unit: string | null;
  /** the denominator of a rate: 每万老年人 */
  per?: string;
  comparator: Comparator;
  mode: "level" | "increment";
  /** 约 / 余 / 左右 / 近 */
  approximate?: boolean;
  /** the words that state the number, as written */
  text: string;
  /** a change (提高N个百分点, 比2020年提高1.32岁), not a level to reach */
  change?: boolean;
}

export interface Baseline {
  value: number;
  unit: string | null;
  asOf: string | null;
  /** the observation's quote it came from */
  quote: string;
  start: number;
  end: number;
}

export interface Due {
  date: string;
  precision: Precision;
  text: string;
  start: number;
  end: number;
  /** stated in the sentence, or inherited from the paragraph or document (今年 in a preceding clause) */
  certainty: "stated" | "inferred";
}

export interface Commitment extends Span {
  quote: string;
  kind: CommitmentKind;
  indicator: string;
  target: Target | null;
  baseline: Baseline | null;
  due: Due | null;
  agency: string | null;
  firmness: Firmness;
  /** the cue words that made this a pledge */
  cue: string;
  /** which rule produced it, for provenance and review */
  rule: string;
  /** true when the extractor is unsure and a reviewer should look at it */
  needsReview?: boolean;
}

export interface Observation extends Span {
  quote: string;
  indicator: string;
  value: number;
  unit: string | null;
  per?: string;
  asOf: string | null;
  asOfText: string | null;
  approximate?: boolean;
  /** a change against an earlier value (较上年提高9.4个百分点), not a level */
  change?: boolean;
}

export interface DocumentMeta {
  agency: string | null;
  addressee: string | null;
  addresseeRole: "代表" | "委员" | null;
  ref: string | null;
  session: string | null;
  title: string | null;
  repliedOn: string | null;
  region: string | null;
  coAgencies: string[];
  kind: "reply" | "report";
}

export interface ExtractionResult {
  document: DocumentMeta;
  commitments: Commitment[];
  observations: Observation[];
}

export interface ExtractOptions {
  /**
   * ISO date used when the text itself gives none (e.g. an upload's publication date). The date
   * at the signature, when found, wins. Without either, relative dates (今年, 目前) stay unresolved.
   */
  documentDate?: string;
}
