// Tables flattened one cell per line, as real 民生实事 progress tables and 完成情况公示 arrive from
// web pages (GUIDE §3a): a header of short cells (序号 / 重点工作任务(民生实事项目) / 牵头单位 / 负责科室 /
// 计划完成时间 / 进展情况(一季度)), often ending in `|`, then rows whose cells are missing where the
// page merged them (rowspan). Cells are read by what they hold rather than by their position: the
// row's task (a number to deliver, or a thing to build) is the commitment, a deadline cell its due
// date, an organisation its lead agency, and every figure after the task in the row (进展, 已完成数)
// an observation of it. A target restated in a progress column is that column's report, not a new
// target.
import type { Commitment, Observation, Precision } from "../types";
import type { Paragraph } from "../text/segment";
import { findTimes } from "../time";
import { findQuantities, type Quantity } from "../quantity/numbers";
import { UNITS } from "../quantity/units";
import { cleanIndicator, defaultComparator, findCoverage, findPer, indicatorOf, modeOf } from "../quantity/targets";
import { ACTION_VERB } from "./cues";

type Column = "index" | "target" | "lead" | "due" | "progress" | "done" | "share" | "unit" | "other";

const HEADER: Array<[Column, RegExp]> = [
  ["index", /^(?:序号|编号|序)$/],
  ["unit", /^(?:计量单位|单位)$/],
  ["lead", /(?:牵头|责任|承办|实施|主管)(?:单位|部门)$|^(?:责任主体|牵头部门)$/],
  ["due", /时限|完成时间|时间节点|期限|计划完成/],
  ["share", /^占|完成率|比例$/],
  ["done", /^已完成|^完成数|实际完成/],
  ["progress", /进展|完成情况|推进情况|实施情况|进度/],
  ["target", /目标|任务|指标|内容|项目|名称|事项|实事|规模/],
  ["other", /^(?:负责科室|负责人|联系人|科室|备注|责任人|分管领导)$/],
];

function headerColumn(cell: string): Column | null {
  const c = cell.replace(/[(（][^)）]*[)）]/g, "").replace(/[\s|]/g, "");
  if (c.length === 0 || c.length > 16 || /[,;。\d]/.test(c)) return null;
  for (const [col, re] of HEADER) if (re.test(c)) return col;
  return null;
}

const UNIT_CELL = new Set(UNITS);
const ORG = /^[\p{Script=Han}()（）]{1,20}(?:厅|局|委员会|委|办公室|办|中心|院|部|署|政府|街道|镇|乡|公司|集团|会|站|所)(?:[、,][\p{Script=Han}()（）]{1,20})*$/u;
const PERSON = /^[\p{Script=Han}]{2,3}$/u;
const PROGRESS = /已|目前|正在|累计|截至|截止|超额|尚未|在建|进行|开展中|推进中/;
const BARE_NUMBER = /^(\d+(?:\.\d+)?)(%|[\p{Script=Han}]{0,2})$/u;

interface Row {
  target: { text: string; start: number; end: number } | null;
  due: { date: string; precision: Precision; text: string; start: number; end: number } | null;
  lead: string | null;
  afterLead: number;
  observations: Array<{ text: string; start: number; end: number }>;
  bare: Array<{ value: number; unit: string | null; start: number; end: number; text: string }>;
}

export interface CellTableResult {
  commitments: Commitment[];
  observations: Observation[];
  used: Set<number>;
}

// | and white space around a cell
const isPad = (c: number) => c === 0x7c || c === 0x20 || c === 0x09 || c === 0x3000;

const emptyRow = (): Row => ({ target: null, due: null, lead: null, afterLead: -1, observations: [], bare: [] });

export function extractCellTables(text: string, shadow: string, paragraphs: Paragraph[], skip: Set<number>, docDate: string | null, agency: string | null, reportOnly = false): CellTableResult {
  const out: CellTableResult = { commitments: [], observations: [], used: new Set() };
  if (!/序号|目标|任务|指标|进展|完成/.test(shadow)) return out;
  const cellOf = (k: number) => {
    const p = paragraphs[k];
    let a = p.start;
    let b = p.end;
    while (b > a && isPad(shadow.charCodeAt(b - 1))) b--;
    while (a < b && isPad(shadow.charCodeAt(a))) a++;
    return { text: shadow.slice(a, b), start: a, end: b };
  };
  for (let i = 0; i < paragraphs.length; i++) {
    // a header cell is short: skip the prose without reading it
    if (skip.has(i) || paragraphs[i].end - paragraphs[i].start > 24) continue;
    // a header: consecutive short cells, three or more of them known column names
    const columns: Column[] = [];
    const periods: Array<string | null> = [];
    let j = i;
    let known = 0;
    while (j < paragraphs.length && !skip.has(j)) {
      const c = cellOf(j).text;
      if (/^[(（][^)）]{1,8}[)）]$/.test(c) && columns.length > 0) {
        // (7月) under 进展情况: the month the column reports
        if (columns[columns.length - 1] === "progress" && periods.length > 0 && periods[periods.length - 1] === null) periods[periods.length - 1] = c;
        j++;
        continue;
      }
      const col = headerColumn(c);
      if (!col) break;
      columns.push(col);
      if (col === "progress") periods.push(/[(（][^)）]*[)）]/.exec(c)?.[0] ?? null);
      if (col !== "other") known++;
      j++;
    }
    if (known < 3 || !columns.includes("target") || !columns.some((c) => c === "progress" || c === "due" || c === "done" || c === "lead")) continue;
    const hasIndex = columns[0] === "index";
    const tableStart = i;
    let row = emptyRow();
    const flush = () => {
      readRow(text, shadow, row, docDate, agency, out, reportOnly, periods);
      row = emptyRow();
    };
    let k = j;
    for (; k < paragraphs.length && !skip.has(k); k++) {
      const cell = cellOf(k);
      const c = cell.text;
      if (c === "") continue;
      if (/^(?:注|备注|附件|说明)[:：]|^[一二三四五六七八九十]+、/.test(c) || (c.length > 200 && !PROGRESS.test(c))) break;
      if (hasIndex && /^\d{1,3}$/.test(c)) { flush(); continue; }
      // units, rules, and header words repeated for each group of columns (目标 / 任务 / 进度 / 完成比例(%))
      if (UNIT_CELL.has(c) || /^[-—]+$/.test(c) || (c.length <= 8 && headerColumn(c) !== null)) continue;
      const bare = BARE_NUMBER.exec(c);
      if (bare && (bare[2] === "" || bare[2] === "%" || UNIT_CELL.has(bare[2]))) {
        // 已完成数 as a bare cell; a share of the year's task (101%) says nothing new
        if (row.target && bare[2] !== "%") row.bare.push({ value: Number(bare[1]), unit: bare[2] || null, start: cell.start, end: cell.end, text: c });
        continue;
      }
      if (c.length <= 14 && !/\d+[个家张所人户名项座处条场次]/.test(c)) {
        const due = findTimes(c, { docDate }).find((t) => t.date && (t.role === "due" || t.role === "point"));
        if (due && /前|底|末|月|年/.test(c)) {
          row.due = { date: due.date!, precision: due.precision, text: text.slice(cell.start + due.start, cell.start + due.end), start: cell.start + due.start, end: cell.start + due.end };
          continue;
        }
      }
      if (ORG.test(c) && !/\d/.test(c) && c.length <= 30 && !ACTION_VERB.test(c)) {
        row.lead = c;
        row.afterLead = 0;
        continue;
      }
      if (PERSON.test(c) && row.target) continue; // 负责人
      const hasNumber = findQuantities(c).length > 0 || findCoverage(c).length > 0;
      const asTarget = !PROGRESS.test(c) && (hasNumber || ACTION_VERB.test(c));
      // after the lead unit come the progress columns, until a label cell opens the next row
      if (row.afterLead >= 0 && !hasNumber && !ACTION_VERB.test(c) && c.length <= 20) { row.afterLead = -2; continue; }
      const inProgressColumns = row.target !== null && (hasIndex || row.afterLead >= 0);
      if (inProgressColumns || (row.target && !asTarget)) {
        row.observations.push(cell);
        if (row.afterLead >= 0) row.afterLead++;
        continue;
      }
      if (asTarget) {
        // a label naming a group of tasks (改扩建乡镇敬老院和农村五保户供养 | 所 | 改扩建乡镇敬老院18所)
        if (row.target && row.observations.length === 0 && row.bare.length === 0 && !row.due && hasNumber && !/\d/.test(row.target.text)) row.target = null;
        if (row.target) flush();
        row.target = cell;
        continue;
      }
      // a label cell (养老服务项目, 慈善“十百千”工程) before its task: nothing to read
    }
    flush();
    for (let u = tableStart; u < k; u++) out.used.add(u);
    i = k - 1;
  }
  return out;
}

/** The last day of the month a progress column names ((7月), (三季度)), in the document's year; null if none. */
function periodEnd(period: string | null | undefined, docDate: string | null): string | null {
  if (!period || !docDate) return null;
  const year = Number(docDate.slice(0, 4));
  const month = /(\d{1,2})月/.exec(period)?.[1] ?? ({ 一: "3", 二: "6", 三: "9", 四: "12" } as Record<string, string>)[/([一二三四])季度/.exec(period)?.[1] ?? ""];
  if (!month || Number(month) < 1 || Number(month) > 12) return null;
  const m = Number(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = `${year}-${String(m).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
  return day <= docDate ? day : null;
}

function readRow(text: string, shadow: string, row: Row, docDate: string | null, agency: string | null, out: CellTableResult, reportOnly: boolean, periods: Array<string | null> = []): void {
  const t = row.target;
  if (!t) return;
  const firstCommitment = out.commitments.length;
  const ts = text.slice(t.start, t.end);
  const s = shadow.slice(t.start, t.end);
  const yearEnd = docDate ? { date: `${docDate.slice(0, 4)}-12-31`, precision: "year" as const, text: "年度目标", start: t.start, end: t.start } : null;
  const due = row.due ?? yearEnd;
  const base = {
    quote: ts, start: t.start, end: t.end, agency: row.lead ?? agency, firmness: "plan" as const, cue: "民生实事", baseline: null,
    due: due ? { ...due, certainty: row.due ? ("stated" as const) : ("inferred" as const) } : null,
  };
  const coverage = findCoverage(s);
  const quantities: Quantity[] = [...findQuantities(s).filter((q) => !(q.value === 1 && q.chinese) && !coverage.some((c) => q.start >= c.start && q.start < c.end)), ...coverage].sort((a, b) => a.start - b.start);
  let indicator = "";
  if (quantities.length === 0 && (!ACTION_VERB.test(s) || s.length < 4)) return;
  if (quantities.length === 0) {
    out.commitments.push({ ...base, kind: "milestone", indicator: cleanIndicator(s.replace(/[。;,]$/, "").slice(0, 40)), target: null, rule: "table:cell-milestone" });
  }
  for (const q of quantities) {
    const clauseStart = Math.max(s.lastIndexOf(",", q.start - 1), s.lastIndexOf("、", q.start - 1)) + 1;
    const per = findPer(s, clauseStart, q.start);
    const mode = modeOf(s.slice(clauseStart, q.start), q, per?.text ?? null);
    indicator = indicatorOf(s, clauseStart, q, per, null);
    out.commitments.push({
      ...base, kind: "quantitative", indicator,
      target: { value: q.value, ...(q.valueMax !== undefined ? { valueMax: q.valueMax } : {}), unit: q.unit, ...(per ? { per: per.text } : {}), comparator: defaultComparator(q, mode), mode, text: q.text },
      rule: "table:cell-number",
    });
  }
  const lastTarget = out.commitments[out.commitments.length - 1];
  const taskIndicators = out.commitments.slice(firstCommitment).map((c) => ({ indicator: c.indicator, target: c.target }));
  // a report on a finished year: the task names the figures, but is not read as a pledge
  if (reportOnly) out.commitments.splice(firstCommitment);
  for (const b of row.bare) {
    out.observations.push({ quote: text.slice(b.start, b.end), start: b.start, end: b.end, indicator: lastTarget.indicator, value: b.value, unit: b.unit ?? lastTarget.target?.unit ?? null, asOf: docDate, asOfText: null });
  }
  // the row's tasks, each a measure a progress figure may report on
  const tasks = out.commitments.length > firstCommitment ? out.commitments.slice(firstCommitment) : taskIndicators;
  for (const [column, o] of row.observations.entries()) {
    const os = shadow.slice(o.start, o.end);
    const times = findTimes(os, { docDate });
    const columnEnd = row.observations.length === periods.length ? periodEnd(periods[column], docDate) : null;
    for (const q of findQuantities(os)) {
      if (q.value === 1 && q.chinese) continue;
      const at = [...times].reverse().find((x) => x.start < q.start && x.date && x.role !== "due");
      out.observations.push({
        quote: text.slice(o.start, o.end), start: o.start, end: o.end, indicator: progressIndicator(os, q, tasks, lastTarget.indicator), value: q.value, unit: q.unit,
        asOf: at?.date && (docDate === null || at.date <= docDate) ? at.date : (columnEnd ?? docDate), asOfText: at?.text ?? null,
        ...(q.approximate ? { approximate: true } : {}),
      });
    }
  }
}

/**
 * What a figure in a progress cell measures: the row's task it names (区卫健局:新增婴幼儿照护服务托位176个
 * under 新增示范型儿童之家12家,…,新增婴幼儿照护服务托位180个以上), found by its own words before the
 * number and its unit; the row's last task when the cell names nothing of its own.
 */
function progressIndicator(cell: string, q: Quantity, tasks: Array<{ indicator: string; target: { unit: string | null } | null }>, fallback: string): string {
  const clauseStart = Math.max(cell.lastIndexOf(",", q.start - 1), cell.lastIndexOf("、", q.start - 1), cell.lastIndexOf(";", q.start - 1), cell.lastIndexOf(":", q.start - 1), cell.lastIndexOf("。", q.start - 1)) + 1;
  const own = indicatorOf(cell, clauseStart, q, findPer(cell, clauseStart, q.start), null);
  const ownChars = new Set(own);
  let best: { indicator: string; score: number } | null = null;
  for (const t of tasks) {
    if (t.target && t.target.unit !== q.unit) continue;
    const chars = [...t.indicator];
    if (chars.length === 0) continue;
    // 为老服务活动 under 开展“金西善养”系列为老服务活动300场次: the shorter name inside the longer
    const shared = chars.filter((c) => ownChars.has(c)).length;
    const score = shared >= 2 ? shared / Math.min(chars.length, Math.max(1, ownChars.size)) : 0;
    if (!best || score > best.score) best = { indicator: t.indicator, score };
  }
  if (best && best.score >= 0.5) return best.indicator;
  if (own.length >= 2) return own;
  return best?.indicator ?? fallback;
}
