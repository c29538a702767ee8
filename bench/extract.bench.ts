// Extraction throughput on one core: MB of UTF-8 text per second, and how many times slower it is
// than a plain single pass over the same text (reading every character once).
//   npm run bench            (the README has the figures and the machine)
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { extract } from "../app/extraction/index";

const dir = fileURLToPath(new URL("../tests/fixtures/eval/docs/", import.meta.url));
const heldout = fileURLToPath(new URL("../tests/fixtures/heldout/docs/", import.meta.url));
const heldout2 = fileURLToPath(new URL("../tests/fixtures/heldout2/docs/", import.meta.url));
// BENCH_CORPUS=seeds measures the five sample replies only
const folders = process.env.BENCH_CORPUS === "seeds" ? [dir] : [dir, heldout, heldout2];
const files = folders.flatMap((d) => {
  try {
    return readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => d + f);
  } catch {
    return [];
  }
});
const docs = files.map((f) => readFileSync(f, "utf8"));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d, "utf8"), 0);

function plainPass(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

// CPU time of this thread (user + system), not wall time: the figure is per core and does not
// depend on what else the machine is doing.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(fn: () => void, minMs = 3000): { perRound: number; rounds: number } {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const t0 = cpuMs();
  let rounds = 0;
  while (cpuMs() - t0 < minMs) {
    fn();
    rounds++;
  }
  return { perRound: (cpuMs() - t0) / rounds, rounds };
}

let sink = 0;
const ex = time(() => {
  for (const d of docs) sink += extract(d).commitments.length;
});
const plain = time(() => {
  for (const d of docs) sink += plainPass(d);
}, 1000);

const mb = bytes / 1e6;
const rate = mb / (ex.perRound / 1000);
console.log(`corpus: ${docs.length} documents, ${(bytes / 1024).toFixed(0)} KiB of UTF-8 text`);
console.log(`machine: ${cpus()[0]?.model ?? "unknown"}, node ${process.version}, one core (single thread)`);
console.log(`extract: ${ex.perRound.toFixed(2)} ms per pass over the corpus (${ex.rounds} passes) = ${rate.toFixed(2)} MB/s`);
console.log(`plain single pass: ${plain.perRound.toFixed(3)} ms = ${(mb / (plain.perRound / 1000)).toFixed(0)} MB/s`);
console.log(`ratio: extraction takes ${(ex.perRound / plain.perRound).toFixed(0)}× a plain pass`);
console.log(`target ≥ 5 MB/s: ${rate >= 5 ? "met" : "NOT met"}`);
if (sink === 42) console.log("");
