// The evaluation sets written for this project (tests/fixtures/heldout*/): not held to every item
// like the seeds, but to the scorer's figures, so that a change that helps one document and hurts
// others shows up. Same matching as ../shared/eval/score.mjs (GUIDE §5).
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";

const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "");
const sameNum = (a: unknown, b: unknown) => (a == null || b == null ? a == b : Math.abs(Number(a) - Number(b)) <= 1e-6 * Math.max(1, Math.abs(Number(a))));

function score(set: string) {
  const root = fileURLToPath(new URL(`../../fixtures/${set}/`, import.meta.url));
  let required = 0, matched = 0, predicted = 0, predictedMatched = 0, fieldsRight = 0, fieldsTotal = 0, docRight = 0, docTotal = 0;
  for (const f of readdirSync(`${root}gold`).filter((x) => x.endsWith(".json"))) {
    const gold = JSON.parse(readFileSync(`${root}gold/${f}`, "utf8"));
    const r = extract(readFileSync(`${root}docs/${gold.file}`, "utf8"));
    predicted += r.commitments.length;
    const checks = (g: any, p: any) => {
      const t = g.target, pt = p.target ?? {};
      const out = [
        sameNum(t.value, pt.value) && (t.valueMax === undefined || sameNum(t.valueMax, pt.valueMax)),
        [t.unit, ...(t.unitAlternatives ?? [])].map(norm).includes(norm(pt.unit)),
        t.comparator === pt.comparator,
        t.mode === pt.mode,
        [g.due, ...(g.dueAlternatives ?? [])].some((d: any) => (d === null ? (p.due?.date ?? null) === null : d.date === p.due?.date)),
      ];
      if (g.baseline) out.push(sameNum(g.baseline.value, p.baseline?.value));
      return out;
    };
    const pairs: Array<{ gi: number; pi: number; rank: number }> = [];
    gold.commitments.forEach((g: any, gi: number) => r.commitments.forEach((p, pi) => {
      if (!norm(p.quote).includes(norm(g.anchor))) return;
      const s = g.kind === "quantitative" && p.target ? checks(g, p).filter(Boolean).length : 0;
      pairs.push({ gi, pi, rank: (g.optional ? 0 : 100) + s });
    }));
    pairs.sort((a, b) => b.rank - a.rank);
    const gTaken = new Map<number, number>(), pTaken = new Set<number>();
    for (const { gi, pi } of pairs) if (!gTaken.has(gi) && !pTaken.has(pi)) { gTaken.set(gi, pi); pTaken.add(pi); }
    predictedMatched += pTaken.size;
    gold.commitments.forEach((g: any, gi: number) => {
      if (g.optional) return;
      required++;
      const pi = gTaken.get(gi);
      if (pi === undefined) return;
      matched++;
      if (g.kind === "quantitative") for (const ok of checks(g, r.commitments[pi])) { fieldsTotal++; if (ok) fieldsRight++; }
    });
    for (const [k, v] of Object.entries(gold.document)) {
      const got = (r.document as any)[k];
      docTotal++;
      if (Array.isArray(v) ? Array.isArray(got) && v.every((x: string) => got.map(norm).some((y: string) => y.includes(norm(x)))) : norm(String(v ?? "")) === norm(String(got ?? ""))) docRight++;
    }
  }
  const recall = matched / required, precision = predictedMatched / predicted;
  return { f1: (2 * recall * precision) / (recall + precision), fields: fieldsRight / fieldsTotal, documents: docRight / docTotal };
}

describe.each(["heldout", "heldout2"])("evaluation set %s", (set) => {
  it("keeps F1, field accuracy and document fields at or above 90%", () => {
    const s = score(set);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.fields).toBeGreaterThanOrEqual(0.9);
    expect(s.documents).toBeGreaterThanOrEqual(0.9);
  });
});
