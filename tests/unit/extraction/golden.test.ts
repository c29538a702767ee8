// The seed replies against their hand annotations (copied from the shared eval set into
// tests/fixtures/eval). Every required gold commitment must be found with the right fields, and
// nothing may be extracted that the annotators did not mark.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract, type Commitment } from "~/extraction";

const root = fileURLToPath(new URL("../../fixtures/eval/", import.meta.url));
const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "");

interface GoldCommitment {
  id: string;
  anchor: string;
  kind: string;
  optional?: boolean;
  target: { value: number; valueMax?: number; unit: string; unitAlternatives?: string[]; comparator: string; mode: string } | null;
  baseline: { value: number } | null;
  due: { date: string } | null;
  dueAlternatives?: Array<{ date: string } | null>;
}
interface Gold {
  file: string;
  document: Record<string, unknown>;
  commitments: GoldCommitment[];
  observations: Array<{ id: string; anchor: string; value: number }>;
}

const golds: Gold[] = readdirSync(`${root}gold`).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(`${root}gold/${f}`, "utf8")));

function fieldErrors(g: GoldCommitment, p: Commitment): string[] {
  const errors: string[] = [];
  const t = g.target!;
  const pt = p.target;
  if (!pt) return ["no target"];
  if (Math.abs(t.value - pt.value) > 1e-6) errors.push(`value ${pt.value} ≠ ${t.value}`);
  if (t.valueMax !== undefined && pt.valueMax !== t.valueMax) errors.push(`valueMax ${pt.valueMax} ≠ ${t.valueMax}`);
  if (![t.unit, ...(t.unitAlternatives ?? [])].map(norm).includes(norm(pt.unit))) errors.push(`unit ${pt.unit} ≠ ${t.unit}`);
  if (pt.comparator !== t.comparator) errors.push(`comparator ${pt.comparator} ≠ ${t.comparator}`);
  if (pt.mode !== t.mode) errors.push(`mode ${pt.mode} ≠ ${t.mode}`);
  const dues = [g.due, ...(g.dueAlternatives ?? [])].map((d) => d?.date ?? null);
  if (!dues.includes(p.due?.date ?? null)) errors.push(`due ${p.due?.date ?? null} ∉ ${dues.join("/")}`);
  if (g.baseline && Math.abs(g.baseline.value - (p.baseline?.value ?? NaN)) > 1e-6) errors.push(`baseline ${p.baseline?.value} ≠ ${g.baseline.value}`);
  return errors;
}

describe.each(golds)("seed reply $file", (gold) => {
  const text = readFileSync(`${root}docs/${gold.file}`, "utf8");
  const result = extract(text);
  const pairs = new Map<string, Commitment>();
  const taken = new Set<Commitment>();
  // the scorer's matching: the extracted quote contains the anchor; best field agreement first
  const candidates = gold.commitments.flatMap((g) =>
    result.commitments.filter((p) => norm(p.quote).includes(norm(g.anchor))).map((p) => ({ g, p, rank: (g.optional ? 0 : 100) + (g.target ? 6 - fieldErrors(g, p).length : 0) })),
  );
  candidates.sort((a, b) => b.rank - a.rank);
  for (const { g, p } of candidates) if (!pairs.has(g.id) && !taken.has(p)) { pairs.set(g.id, p); taken.add(p); }

  it("finds every required commitment with the annotated kind", () => {
    const missing = gold.commitments.filter((g) => !g.optional && !pairs.has(g.id)).map((g) => `${g.id} ${g.anchor}`);
    expect(missing).toEqual([]);
    // optional items are debatable by definition (GUIDE §5): their kind is not held against us
    const wrongKind = [...pairs].filter(([id, p]) => { const g = gold.commitments.find((x) => x.id === id)!; return !g.optional && g.kind !== p.kind; }).map(([id, p]) => `${id}: ${p.kind}`);
    expect(wrongKind).toEqual([]);
  });

  it("gets value, unit, comparator, mode, due date and baseline of each numeric target right", () => {
    const wrong = gold.commitments
      .filter((g) => g.kind === "quantitative" && !g.optional && pairs.has(g.id))
      .flatMap((g) => fieldErrors(g, pairs.get(g.id)!).map((e) => `${g.id}: ${e}`));
    expect(wrong).toEqual([]);
  });

  it("extracts nothing the annotators did not mark", () => {
    const extra = result.commitments.filter((p) => !taken.has(p)).map((p) => p.quote.slice(0, 40));
    expect(extra).toEqual([]);
  });

  it("reads the document fields", () => {
    for (const [k, v] of Object.entries(gold.document)) {
      const got = (result.document as unknown as Record<string, unknown>)[k];
      if (Array.isArray(v)) for (const x of v) expect((got as string[]).map(norm).some((y) => y.includes(norm(x))), `${k} has ${x}`).toBe(true);
      else expect(norm(String(got ?? "")), k).toBe(norm(String(v ?? "")));
    }
  });

  it("finds the annotated observations with their values", () => {
    const missing = gold.observations.filter((o) => !result.observations.some((p) => norm(p.quote).includes(norm(o.anchor)) && Math.abs(p.value - o.value) < 1e-6));
    expect(missing.map((o) => `${o.id} ${o.anchor}`)).toEqual([]);
  });

  it("gives every quote and due date as a span of the text", () => {
    for (const c of result.commitments) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      if (c.due) expect(text.slice(c.due.start, c.due.end)).toBe(c.due.text);
    }
    for (const o of result.observations) expect(text.slice(o.start, o.end)).toBe(o.quote);
  });
});
