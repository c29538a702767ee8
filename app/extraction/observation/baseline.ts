// A level target's baseline: the latest value of the same indicator the same document reports
// (GUIDE §2). Same unit family and denominator, and a similar indicator.
import type { Commitment, Observation } from "../types";
import { unitClass } from "../quantity/units";

const bigramCache = new Map<string, Set<string>>();

function bigrams(s: string): Set<string> {
  const cached = bigramCache.get(s);
  if (cached) return cached;
  if (bigramCache.size > 5000) bigramCache.clear();
  const set = computeBigrams(s);
  bigramCache.set(s, set);
  return set;
}

function computeBigrams(s: string): Set<string> {
  const clean = s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) out.add(clean.slice(i, i + 2));
  return out;
}

export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return (2 * both) / (x.size + y.size);
}

function normPer(p: string | undefined): string {
  return (p ?? "").replace(/名|个|位/g, "").replace(/老人/g, "老年人");
}

function head(s: string): string {
  return s.replace(/[^\p{Script=Han}]/gu, "").slice(-3);
}

/** How far from a pledge its baseline may be stated: a reply's section, not another chapter of a long report. */
const BASELINE_WINDOW = 6000;

/** The index of the first figure near the pledge; the figures from there on that are stated before c.end + BASELINE_WINDOW are near it.
 * (a module function, not a closure: see lineOf in pledge/table.ts) */
function nearFrom(sorted: Observation[], c: Commitment): number {
  let lo = 0;
  let hi = sorted.length;
  const from = c.start - BASELINE_WINDOW;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function attachBaselines(commitments: Commitment[], observations: Observation[]): void {
  // observations in text order, so each pledge looks only at those near it
  const sorted = [...observations].sort((a, b) => a.start - b.start);
  // each figure's unit class and denominator, found once rather than again for every pledge that
  // looks at it (figures are not changed below)
  const classes: Array<string | null> = [];
  const pers: string[] = [];
  for (const o of sorted) {
    classes.push(unitClass(o.unit));
    pers.push(normPer(o.per));
  }
  for (const c of commitments) {
    const t = c.target;
    const until = c.end + BASELINE_WINDOW;
    // 在2024年底基础上翻一番: the target is a multiple of the value the reply states
    if (t && t.unit === "倍" && /^翻/.test(t.text)) {
      // the best-scoring figure stated before the pledge (the first of equals)
      let base: { o: Observation; score: number } | undefined;
      for (let i = nearFrom(sorted, c); i < sorted.length && sorted[i].start <= until; i++) {
        const o = sorted[i];
        if (o.unit === "%" || o.start > c.start) continue;
        const score = dice(c.indicator, o.indicator);
        if (score >= 0.3 && (!base || score > base.score)) base = { o, score };
      }
      if (base) {
        c.baseline = { value: base.o.value, unit: base.o.unit, asOf: base.o.asOf, quote: base.o.quote, start: base.o.start, end: base.o.end };
        t.value = t.value * base.o.value;
        t.unit = base.o.unit;
      }
      continue;
    }
    if (!t || t.mode !== "level") continue;
    const tClass = unitClass(t.unit);
    const tPer = normPer(t.per);
    let best: { o: Observation; score: number } | null = null;
    for (let i = nearFrom(sorted, c); i < sorted.length && sorted[i].start <= until; i++) {
      const o = sorted[i];
      if (classes[i] !== tClass) continue;
      if (pers[i] !== tPer) continue;
      let score = dice(c.indicator, o.indicator);
      if (t.per && o.per && head(c.indicator).slice(-2) === head(o.indicator).slice(-2)) score = Math.max(score, 0.6);
      if (score < 0.5) continue;
      if (o.start > c.start) score -= 0.05; // prefer values stated before the pledge
      if (!best || score > best.score || (score === best.score && (o.asOf ?? "") > (best.o.asOf ?? ""))) best = { o, score };
    }
    if (best) c.baseline = { value: best.o.value, unit: best.o.unit, asOf: best.o.asOf, quote: best.o.quote, start: best.o.start, end: best.o.end };
  }
}
