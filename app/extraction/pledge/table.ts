// Progress tables (民生实事项目进展情况表) flattened to text: a header row naming the columns
// (项目名称 / 牵头单位 / 目标任务 / 完成时限 / 进展情况), then one row per project, either on one line
// with tabs, bars or wide spaces between cells, or one cell per line with a 序号 line opening each
// row. Each row pledges its target by its deadline; its progress cell reports observations.
import type { Commitment, CommitmentKind, Due, Observation, Target } from "../types";
import type { Paragraph } from "../text/segment";
import { isWhiteSpace } from "../text/shadow";
import { findTimes } from "../time";
import { ACTION_VERB } from "./cues";
import { findQuantities } from "../quantity/numbers";
import { cleanIndicator, findCoverage, findPer, indicatorOf, modeOf, targetFor } from "../quantity/targets";

type Column = "index" | "item" | "lead" | "target" | "due" | "steps" | "progress" | "other";

// Headers vary (年度目标任务, 截至9月底完成情况, 牵头责任单位): a column is known by the words it holds.
const HEADER: Array<[Column, RegExp]> = [
  ["index", /^(?:序号|编号|序)$/],
  ["lead", /^[^,;。]{0,6}(?:单位|部门|责任主体)$/],
  ["due", /^[^,;。]{0,6}(?:时限|完成时间|时间节点|期限|完成时间节点)(?:要求)?$/],
  // 工作举措及实施计划: the dated steps of each task (1.农村公路大中修:7月底前开工;11月底前建成)
  ["steps", /^[^,;。]{0,8}(?:实施计划|推进计划|工作举措|时间安排|进度安排|计划安排|工作计划|实施步骤|推进措施)[^,;。]{0,6}$/],
  ["progress", /^[^,;。]{0,10}(?:进展|完成情况|推进情况|实施情况|进度)[^,;。]{0,6}$/],
  ["target", /^[^,;。]{0,6}(?:目标|任务|建设内容|主要内容|项目内容|建设规模)[^,;。]{0,4}$/],
  ["item", /^[^,;。]{0,4}(?:项目名称|项目|名称|事项|实事)$/],
];

function columnOf(cell: string): Column | null {
  // 重点工作任务(民生实事项目) / 进展情况(一季度): the words outside the brackets name the column
  const c = cell.replace(/[(][^)]*[)]/g, "").replace(/\s+/g, "");
  if (c.length === 0 || c.length > 14) return null;
  for (const [col, re] of HEADER) if (re.test(c)) return col;
  return null;
}

// global, compiled once: splitLine resets lastIndex before each line (a `new RegExp` per line
// recompiled it every time, most of the table pass)
const SEP_G = /\t|\s{2,}|\|/g;

interface Cell {
  text: string;
  start: number;
  end: number;
}

/**
 * /\t|\s{2,}|\|/ tested on shadow[from, to) by char code: a tab, a bar, or two white-space
 * characters in a row. Run on every paragraph, the regex's class of white space was the slow part.
 */
function hasSeparator(shadow: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = shadow.charCodeAt(i);
    if (c === 0x09 || c === 0x7c) return true;
    if (i + 1 < to && isWhiteSpace(c) && isWhiteSpace(shadow.charCodeAt(i + 1))) return true;
  }
  return false;
}

function splitLine(shadow: string, p: Paragraph): Cell[] {
  const out: Cell[] = [];
  const line = shadow.slice(p.start, p.end);
  if (!hasSeparator(shadow, p.start, p.end)) return [{ text: line.trim(), start: p.start, end: p.end }];
  const re = SEP_G;
  re.lastIndex = 0;
  let a = 0;
  let m: RegExpExecArray | null;
  const push = (x: number, y: number) => {
    const raw = line.slice(x, y);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: p.start + x + lead, end: p.start + x + lead + t.length });
  };
  while ((m = re.exec(line))) {
    push(a, m.index);
    a = m.index + m[0].length;
  }
  push(a, line.length);
  return out;
}

export interface TableResult {
  commitments: Commitment[];
  observations: Observation[];
  /** paragraphs consumed by tables: the sentence pass skips them */
  used: Set<number>;
}

// extractTables is split into the scan for headers and the reading of one table (tableAt): as one
// function V8 spent long re-optimising it after each deoptimisation (issue 7).

export function extractTables(text: string, shadow: string, paragraphs: Paragraph[], docDate: string | null, agency: string | null): TableResult {
  const result: TableResult = { commitments: [], observations: [], used: new Set() };
  if (!/序号|项目|目标|任务|时限|进展|完成情况|单位/.test(shadow)) return result;
  for (let i = 0; i < paragraphs.length; i++) {
    // a header cell is short; a header line has separators: skip the prose quickly
    if (paragraphs[i].end - paragraphs[i].start > 14 && !hasSeparator(shadow, paragraphs[i].start, paragraphs[i].end)) continue;
    const table = tableAt(shadow, paragraphs, i);
    if (!table) continue;
    for (let k = i; k < table.next; k++) result.used.add(k);
    for (const row of table.rows) readRow(text, table.columns, row, docDate, agency, result);
    i = table.next - 1;
  }
  return result;
}

/** Paragraph k's text, trimmed. (A module function rather than a closure in tableAt, which runs for
 * every short line: the TypeScript loader's keepNames helper named each closure at run time.) */
function lineOf(shadow: string, paragraphs: Paragraph[], k: number): string {
  return shadow.slice(paragraphs[k].start, paragraphs[k].end).trim();
}

/** The table whose header starts at paragraph `i`: its columns, its rows, and the paragraph after it; null when there is none. */
function tableAt(shadow: string, paragraphs: Paragraph[], i: number): { columns: Column[]; rows: Cell[][]; next: number } | null {
  // the header: on one line (cells split by tabs, bars or wide spaces) or one cell per line
  const cells = splitLine(shadow, paragraphs[i]);
  let columns: Column[];
  let next: number;
  if (cells.length >= 3 && cells.filter((c) => columnOf(c.text)).length >= 3) {
    // (arrays here are filled by push, not map(): map() gave them another shape in optimised code,
    // and readRow and this function were deoptimised by it)
    columns = [];
    for (const c of cells) columns.push(columnOf(c.text) ?? "other");
    next = i + 1;
  } else {
    const cols: Column[] = [];
    let j = i;
    while (j < paragraphs.length) {
      const col = columnOf(lineOf(shadow, paragraphs, j));
      if (!col) break;
      cols.push(col);
      j++;
    }
    columns = cols;
    next = j;
  }
  if (columns.length < 3 || !(columns.includes("target") || columns.includes("item")) || !(columns.includes("due") || columns.includes("progress") || columns.includes("steps"))) return null;
  const width = columns.length;
  const rows: Cell[][] = [];
  while (next < paragraphs.length) {
    const lineCells = splitLine(shadow, paragraphs[next]);
    // …or a row continued under the 序号 above it (a merged cell): 新增公交线路3条。 | 新增…4条公交线路。 | ||
    const continued = rows.length > 0 && width >= 3 && lineCells.length >= 2 && /\|/.test(shadow.slice(paragraphs[next].start, paragraphs[next].end)) && !/^\d{1,3}$/.test(lineCells[0].text);
    if (lineCells.length >= Math.max(3, width - 2) || continued) {
      // a row on one line (a Markdown rule |---|---| between header and rows is no row)
      if (lineCells.every((c) => /^:?-{2,}:?$/.test(c.text))) { next++; continue; }
      rows.push(lineCells);
      next++;
      continue;
    }
    // a row one cell per line, opened by its 序号 when the table has one
    const first = lineOf(shadow, paragraphs, next);
    if (columns[0] === "index" && !/^\d{1,3}$/.test(first)) break;
    let end = next + 1;
    if (columns[0] === "index") {
      while (end < paragraphs.length && end - next < width && !/^\d{1,3}$/.test(lineOf(shadow, paragraphs, end))) end++;
    } else end = Math.min(paragraphs.length, next + width);
    const row: Cell[] = [];
    for (let k = next; k < end; k++) row.push({ text: shadow.slice(paragraphs[k].start, paragraphs[k].end).trim(), start: paragraphs[k].start, end: paragraphs[k].end });
    if (row.length < Math.min(3, width)) break;
    rows.push(row);
    next = end;
  }
  if (rows.length === 0) return null;
  return { columns, rows, next };
}

type RowBase = Pick<Commitment, "quote" | "start" | "end" | "agency" | "firmness" | "cue" | "baseline" | "due">;

/**
 * A commitment of a row: base's fields (due as given), then its own, in the order
 * `{ ...base, kind, indicator, target, rule }` gives them, as one literal (the spread copied base
 * and then added each further field one at a time).
 */
function rowCommitment(base: RowBase, due: Due | null, kind: CommitmentKind, indicator: string, target: Target | null, rule: string): Commitment {
  return { quote: base.quote, start: base.start, end: base.end, agency: base.agency, firmness: base.firmness, cue: base.cue, baseline: base.baseline, due, kind, indicator, target, rule };
}

function readRow(text: string, columns: Column[], row: Cell[], docDate: string | null, agency: string | null, out: TableResult): void {
  const cellOf = (col: Column): Cell | null => {
    // cells line up with the header when the counts match; a missing 序号 shifts them by one
    let idx = columns.indexOf(col);
    if (idx < 0) return null;
    if (columns[0] === "index" && row.length < columns.length && !/^\d{1,3}$/.test(row[0]?.text ?? "")) idx -= 1;
    return idx >= 0 && idx < row.length ? row[idx] : null;
  };
  const item = cellOf("item");
  const targetCell = cellOf("target") ?? item;
  if (!targetCell) return;
  const lead = cellOf("lead");
  const dueCell = cellOf("due");
  const progress = cellOf("progress");
  const due = dueCell ? findTimes(dueCell.text, { docDate }).find((t) => t.date && t.role !== "since" && t.role !== "frequency") : undefined;
  // a table of the year's projects without a deadline column: due at the end of the document's year
  const yearEnd = !dueCell && docDate ? { date: `${docDate.slice(0, 4)}-12-31`, precision: "year" as const, text: "年度目标", start: targetCell.start, end: targetCell.start, certainty: "inferred" as const } : null;
  const ts = targetCell.text;
  const coverage = findCoverage(ts);
  const quantities = [...findQuantities(ts).filter((q) => !(q.value === 1 && q.chinese) && !coverage.some((c) => q.start >= c.start && q.start < c.end)), ...coverage].sort((a, b) => a.start - b.start);
  const indicator = cleanIndicator((item?.text ?? ts).slice(0, 40));
  const base = {
    quote: text.slice(targetCell.start, targetCell.end), start: targetCell.start, end: targetCell.end,
    agency: lead?.text ?? agency, firmness: "plan" as const, cue: "民生实事", baseline: null,
    due: yearEnd ?? (due && dueCell ? { date: due.date!, precision: due.precision, text: text.slice(dueCell.start + due.start, dueCell.start + due.end), start: dueCell.start + due.start, end: dueCell.start + due.end, certainty: due.certainty } : null),
  };
  // a cell with no number is a milestone only when it names work to do (not 目标 / 进度 / a bare count)
  if (quantities.length === 0 && ACTION_VERB.test(ts) && ts.length >= 4 && !columnOf(ts)) {
    out.commitments.push(rowCommitment(base, base.due, "milestone", indicator, null, "table:milestone"));
  }
  const stepsCell = cellOf("steps");
  for (const q of quantities) {
    const per = findPer(ts, 0, q.start);
    const mode = modeOf(ts.slice(Math.max(0, ts.lastIndexOf(",", q.start - 1) + 1), q.start), q, per?.text ?? null);
    // the task's own name when the item cell holds several tasks (实施农村公路大中修100公里,新增公交线路3条)
    const own = indicatorOf(ts, Math.max(ts.lastIndexOf(",", q.start - 1), ts.lastIndexOf("、", q.start - 1)) + 1, q, per, null);
    const named = item && item !== targetCell ? indicator : own;
    const stepDue = stepsCell && !dueCell ? lastStepDue(text, stepsCell, named, docDate) : null;
    const target = targetFor(q, per?.text ?? null, mode);
    out.commitments.push(rowCommitment(base, stepDue ?? base.due, "quantitative", named, target, "table:number"));
  }
  // the progress reports on the row's (last) target
  const reported = out.commitments.length > 0 ? out.commitments[out.commitments.length - 1].indicator : indicator;
  // a completion column of bare counts (| 新增4000张养老床位 | 4385 | 110% |): the count is the row's
  // (last) target's, in its unit
  const rowTarget = out.commitments.length > 0 ? out.commitments[out.commitments.length - 1] : null;
  if (progress && /^\d+(?:\.\d+)?$/.test(progress.text) && rowTarget?.target?.unit && rowTarget.start === targetCell.start) {
    // quoted as the whole row: the task, the count and its share of the plan read together
    const from = row[0]!.start;
    const lineEnd = text.indexOf("\n", progress.end);
    const to = lineEnd < 0 ? text.length : lineEnd;
    out.observations.push({
      quote: text.slice(from, to).trimEnd(), start: from, end: from + text.slice(from, to).trimEnd().length,
      indicator: reported, value: Number(progress.text), unit: rowTarget.target.unit, asOf: docDate, asOfText: null,
    });
  } else if (progress) {
    const ps = progress.text;
    const times = findTimes(ps, { docDate });
    for (const q of findQuantities(ps)) {
      if (q.value === 1 && q.chinese) continue;
      const t = [...times].reverse().find((x) => x.start < q.start && x.date);
      out.observations.push({
        quote: text.slice(progress.start, progress.end), start: progress.start, end: progress.end,
        indicator: reported, value: q.value, unit: q.unit,
        asOf: t?.date && (docDate === null || t.date <= docDate) ? t.date : docDate, asOfText: t?.text ?? null,
        ...(q.approximate ? { approximate: true } : {}),
      });
    }
  }
}

/**
 * A task's deadline from the row's dated steps: the part of the steps cell that names the task
 * (1.农村公路大中修:7月底前开工;11月底前建成。2.公交线路…) and its last date; the last date of the whole
 * cell when no part names it.
 */
function lastStepDue(text: string, cell: Cell, indicator: string, docDate: string | null): Commitment["due"] {
  const parts: Array<{ from: number; to: number }> = [];
  const re = /(?:^|\s|[。;])(\d{1,2})[.、](?!\d)/g;
  let m: RegExpExecArray | null;
  const starts: number[] = [];
  while ((m = re.exec(cell.text))) starts.push(m.index);
  if (starts.length === 0) starts.push(0);
  starts.forEach((a, k) => parts.push({ from: a, to: starts[k + 1] ?? cell.text.length }));
  const chars = new Set(indicator);
  let best: { from: number; to: number } | null = null;
  let bestScore = 0;
  for (const p of parts) {
    const label = cell.text.slice(p.from, p.to).split(/[:：]/)[0];
    const score = [...label].filter((c) => chars.has(c)).length / Math.max(1, label.length);
    if (score > bestScore) { best = p; bestScore = score; }
  }
  const span = best && bestScore >= 0.5 ? best : { from: 0, to: cell.text.length };
  const times = findTimes(cell.text.slice(span.from, span.to), { docDate }).filter((t) => t.date && t.role === "due");
  const last = times.reduce<(typeof times)[number] | null>((a, t) => (!a || t.date! > a.date! ? t : a), null);
  if (!last) return null;
  const start = cell.start + span.from + last.start;
  return { date: last.date!, precision: last.precision, text: text.slice(start, start + last.end - last.start), start, end: start + last.end - last.start, certainty: "stated" };
}
