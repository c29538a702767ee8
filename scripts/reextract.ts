// npm run reextract -- [--all | DOCUMENT_ID…]
//
// Runs the current extraction engine over stored documents (docs/decisions/0033), one transaction per
// document: new readings are added unchecked, unchecked readings that no longer come out are proposed
// for exclusion (never deleted), checked and corrected ones are never changed, links are proposed for
// the new readings, and the engine's version is stored on each document. Running it twice changes
// nothing. A progress bar on a terminal, one line per document otherwise; a summary with every
// failure; exit 1 if any document failed, 2 on a usage error.
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { engineVersion } from "../app/services/engine-version.server";
import { listDocumentIds, reextractDocument } from "../app/services/reextract.server";

const USAGE = "usage: npm run reextract -- [--all | DOCUMENT_ID…]\n用法：npm run reextract -- [--all | 文件编号…]";

function bar(done: number, total: number, width = 28): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  if (args.includes("-h") || args.includes("--help")) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const all = args.includes("--all");
  const ids = args.filter((a) => a !== "--all");
  const unknown = ids.find((a) => a.startsWith("-"));
  if (unknown || (all && ids.length > 0) || (!all && ids.length === 0)) {
    process.stderr.write(`reextract: ${unknown ? `未知选项 ${unknown}` : all ? "--all 与文件编号不能同时使用" : "请给出文件编号，或 --all"}\n${USAGE}\n`);
    return 2;
  }
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  const counts = { changed: 0, unchanged: 0, failed: 0, commitments: 0, observations: 0, proposed: 0, withdrawn: 0, links: 0 };
  const failures: { id: string; reason: string }[] = [];
  const db = createDb();
  let targets: string[] = [];
  try {
    await migrateToLatest(db);
    targets = all ? await listDocumentIds(db) : ids;
    process.stderr.write(`engine ${engineVersion()}\n`);
    for (let i = 0; i < targets.length; i++) {
      const id = targets[i]!;
      let line: string;
      try {
        const r = await reextractDocument(db, { documentId: id, actor: "cli" });
        counts.commitments += r.added.commitments;
        counts.observations += r.added.observations;
        counts.proposed += r.proposedForExclusion.commitments + r.proposedForExclusion.observations;
        counts.withdrawn += r.proposalsWithdrawn;
        counts.links += r.links;
        if (r.changed) counts.changed++;
        else counts.unchanged++;
        line = r.changed
          ? `changed ${id}: +${r.added.commitments} commitments, +${r.added.observations} observations, ${r.proposedForExclusion.commitments + r.proposedForExclusion.observations} proposed for exclusion, ${r.links} proposed links (${r.previousVersion ?? "no version"} → ${r.engineVersion})`
          : `unchanged ${id}`;
      } catch (error) {
        counts.failed++;
        const reason = error instanceof Error ? error.message : String(error);
        failures.push({ id, reason });
        line = `failed ${id}: ${reason}`;
      }
      const done = i + 1;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      if (tty) {
        process.stderr.write(
          `\r${bar(done, targets.length)} ${done}/${targets.length}  changed ${counts.changed}  unchanged ${counts.unchanged}  failed ${counts.failed}  ${(done / seconds).toFixed(1)} docs/s\u001b[K`,
        );
      } else {
        process.stderr.write(`[${done}/${targets.length}] ${line}\n`);
      }
    }
    if (tty) process.stderr.write("\n");
  } finally {
    await db.destroy();
  }
  const seconds = (Date.now() - started) / 1000;
  const out = process.stdout;
  out.write(`documents: ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.failed} failed (${targets.length} documents, ${seconds.toFixed(1)} s)\n`);
  out.write(`new commitments: ${counts.commitments}\nnew observations: ${counts.observations}\nproposed for exclusion: ${counts.proposed}\nproposals withdrawn: ${counts.withdrawn}\nproposed links: ${counts.links}\n`);
  if (failures.length > 0) {
    out.write("failures:\n");
    for (const f of failures) out.write(`  ${f.id}: ${f.reason}\n`);
  }
  return counts.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`reextract: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
