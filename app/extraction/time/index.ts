// Time expressions, chrono-style: an ordered list of small parsers; where two overlap the longer
// match (then the earlier parser) wins. A refiner finds the first year of a plan named in the
// sentence (三年行动计划（2021-2023）) so that 三年内 counts from it.
import type { TimeContext, TimeMention, TimeParser } from "./types";
import { planPeriod } from "./parsers/plan-period";
import { fullDate } from "./parsers/full-date";
import { yearMonth } from "./parsers/year-month";
import { yearRange } from "./parsers/year-range";
import { year } from "./parsers/year";
import { relativeYear } from "./parsers/relative-year";
import { partOfYear } from "./parsers/part-of-year";
import { month } from "./parsers/month";
import { withinYears } from "./parsers/within-years";
import { now } from "./parsers/now";
import { frequency } from "./parsers/frequency";
import { monthRange } from "./parsers/month-range";

export type { TimeMention, TimeContext, TimeRole } from "./types";

export const PARSERS: TimeParser[] = [
  planPeriod, monthRange, fullDate, yearMonth, yearRange, partOfYear, year, month, withinYears, relativeYear, now, frequency,
];

// Each trigger needs one of a few characters (a digit, 年, 月, 今…, its parser's `needs`): one pass
// over the sentence finds which of them it holds, and a trigger that cannot match is not run.
// Twelve triggers each scanned every sentence, the alternations at several ns a character.
const NEED_BIT = new Map<string, number>();
for (const p of PARSERS) for (const ch of p.needs) if (!NEED_BIT.has(ch)) NEED_BIT.set(ch, 2 ** NEED_BIT.size);
if (NEED_BIT.size > 31) throw new Error("time parsers: more than 31 characters in their needs");
const CHAR_BITS = new Int32Array(65536);
for (const [ch, bit] of NEED_BIT) CHAR_BITS[ch.charCodeAt(0)] = bit;
const NEED_MASK = PARSERS.map((p) => [...p.needs].reduce((m, ch) => m | NEED_BIT.get(ch)!, 0));

function needsPresent(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= CHAR_BITS[s.charCodeAt(i)];
  return m;
}

const PLAN_START = /(\d{4})\s*(?:-|至|到)\s*\d{4}\s*年?|(\d{4})年(?:起|开始)/;

export function planStartYear(s: string): number | null {
  const m = PLAN_START.exec(s);
  if (!m) return null;
  const y = Number(m[1] ?? m[2]);
  return y >= 1949 && y <= 2100 ? y : null;
}

/** All time expressions in a (shadow) sentence, non-overlapping, in text order. */
export function findTimes(s: string, ctx: TimeContext): TimeMention[] {
  const found: Array<TimeMention & { order: number }> = [];
  const context: TimeContext = { docDate: ctx.docDate, planStartYear: ctx.planStartYear ?? (/\d{4}/.test(s) ? planStartYear(s) : null) };
  const present = needsPresent(s);
  for (let order = 0; order < PARSERS.length; order++) {
    const parser = PARSERS[order];
    if ((present & NEED_MASK[order]) === 0 || !parser.trigger.test(s)) continue;
    parser.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = parser.pattern.exec(s))) {
      if (m[0].length === 0) {
        parser.pattern.lastIndex++;
        continue;
      }
      const r = parser.extract(m, context);
      // built field by field: object spread is slow on this hot path
      if (r) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], role: r.role, date: r.date, precision: r.precision, certainty: r.certainty, parser: parser.name, order });
    }
  }
  if (found.length > 1) found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order);
  const out: TimeMention[] = [];
  let lastEnd = -1;
  for (const t of found) {
    if (t.start < lastEnd) continue;
    out.push({ start: t.start, end: t.end, text: t.text, role: t.role, date: t.date, precision: t.precision, certainty: t.certainty, parser: t.parser });
    lastEnd = t.end;
  }
  return out;
}
