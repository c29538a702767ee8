// Issue 9 §5: re-extraction on SQLite and PostgreSQL — new readings added unchecked, vanished ones
// proposed for exclusion and never deleted, checked and corrected ones never changed, links proposed,
// the engine's version stored — and running it twice changes nothing.
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { extract } from "../../app/extraction/index";
import type { Commitment, ExtractionResult } from "../../app/extraction/types";
import { confirmCommitment, editCommitment } from "../../app/services/commitment-edits.server";
import { engineVersion } from "../../app/services/engine-version.server";
import { reextractDocument, type Engine } from "../../app/services/reextract.server";
import { listUncheckedQueue } from "../../app/services/review-states.server";
import { getTrackedCommitment, PermissionError, type User } from "../../app/services/tracking.server";
import { describeEachDatabase } from "./databases";
import { ingestFixture } from "./tracking-fixtures";

const reviewer: User = { id: "r", name: "审核员甲", role: "reviewer" };

/** Everything a re-extraction could touch, in a stable order. */
async function snapshot(db: Kysely<Database>) {
  const [documents, commitments, observations, links, events] = await Promise.all([
    db.selectFrom("documents").select(["id", "engine_version", "title", "agency"]).orderBy("id").execute(),
    db.selectFrom("commitments").selectAll().orderBy("id").execute(),
    db.selectFrom("observations").selectAll().orderBy("id").execute(),
    db.selectFrom("links").selectAll().orderBy("id").execute(),
    db.selectFrom("events").selectAll().orderBy("id").execute(),
  ]);
  return { documents, commitments, observations, links, events };
}

/** A "new engine": the current one's reading with `change` applied (a rule added or dropped). */
function engineWith(version: string, change: (r: ExtractionResult, text: string) => ExtractionResult): Engine {
  return { version, extract: (text, options) => change(extract(text, options), text) };
}

describeEachDatabase("re-extraction", (ctx) => {
  it("changes nothing when the engine that read the document reads it again, however often", async () => {
    const doc = await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const stored = await ctx.db.selectFrom("documents").select("engine_version").where("id", "=", doc.documentId).executeTakeFirstOrThrow();
    expect(stored.engine_version).toBe(engineVersion());
    const before = await snapshot(ctx.db);
    for (let i = 0; i < 2; i++) {
      const r = await reextractDocument(ctx.db, { documentId: doc.documentId, actor: reviewer });
      expect(r).toMatchObject({ changed: false, added: { commitments: 0, observations: 0 }, proposedForExclusion: { commitments: 0, observations: 0 } });
    }
    expect(await snapshot(ctx.db)).toEqual(before);
    await expect(reextractDocument(ctx.db, { documentId: doc.documentId, actor: { id: "a", name: "x", role: "agency", agency: "y" } })).rejects.toBeInstanceOf(PermissionError);
  });

  it("after a rule change adds the new reading unchecked, proposes the vanished one for exclusion, leaves checked and corrected ones alone; twice changes nothing", async () => {
    const doc = await ingestFixture(ctx.db, "dropped/2023-reply-lucheng.txt");
    const rows = await ctx.db.selectFrom("commitments").selectAll().where("document_id", "=", doc.documentId).orderBy("ordinal").execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const [corrected, confirmed, vanishing] = rows;
    const version = (await ctx.db.selectFrom("commitments").selectAll().where("id", "=", corrected!.id).executeTakeFirstOrThrow()) as { version?: number };
    await editCommitment(ctx.db, {
      commitmentId: corrected!.id, changes: { targetValue: 99 }, reason: "附件写明99", actor: reviewer, ...({ version: version.version } as object),
    } as Parameters<typeof editCommitment>[1]);
    await confirmCommitment(ctx.db, { commitmentId: confirmed!.id, actor: reviewer });
    const text = (await ctx.db.selectFrom("documents").select("text").where("id", "=", doc.documentId).executeTakeFirstOrThrow()).text;
    // The new engine reads one more pledge (here: a sentence of the text read as one) and no longer
    // reads the third; everything else as before, also the two a reviewer checked.
    const extra = (r: ExtractionResult): Commitment => ({
      ...r.commitments[0]!,
      quote: text.slice(0, 20),
      start: 0,
      end: 20,
      indicator: "社区助浴点",
      target: { value: 12, unit: "个", comparator: ">=", mode: "increment", text: "12个" },
      due: null,
      baseline: null,
    });
    const engine = engineWith("engine-test-2", (r) => ({
      ...r,
      commitments: [...r.commitments.filter((c) => !(c.start === vanishing!.start_offset && c.indicator === vanishing!.indicator)), extra(r)],
    }));
    // rows stored before reading keys existed: the keys are rebuilt, the corrected one's from its edit
    await ctx.db.updateTable("commitments").set({ reading_key: null }).where("document_id", "=", doc.documentId).execute();

    const first = await reextractDocument(ctx.db, { documentId: doc.documentId, actor: reviewer, engine });
    expect(first).toMatchObject({
      changed: true,
      engineVersion: "engine-test-2",
      added: { commitments: 1, observations: 0 },
      proposedForExclusion: { commitments: 1, observations: 0 },
    });
    const after = await ctx.db.selectFrom("commitments").selectAll().where("document_id", "=", doc.documentId).orderBy("ordinal").execute();
    expect(after).toHaveLength(rows.length + 1);
    const added = after.find((c) => c.indicator === "社区助浴点")!;
    expect(added).toMatchObject({ origin: "extracted", excluded_at: null, ordinal: rows.length });
    const stillThere = after.find((c) => c.id === vanishing!.id)!;
    expect(stillThere).toMatchObject({ origin: "extracted", excluded_at: null, exclusion_proposed_reason: expect.stringContaining("engine-test-2") });
    // the corrected and the confirmed ones: exactly as the reviewer left them, apart from the reading key filled in
    for (const id of [corrected!.id, confirmed!.id]) {
      const was = (await getTrackedCommitment(ctx.db, id, "2024-03-01"))!;
      expect(was.reviewState).toBe("checked");
      expect(was.exclusionProposed).toBeNull();
    }
    expect((await getTrackedCommitment(ctx.db, corrected!.id, "2024-03-01"))!.target?.value).toBe(99);
    expect((await ctx.db.selectFrom("documents").select("engine_version").where("id", "=", doc.documentId).executeTakeFirstOrThrow()).engine_version).toBe("engine-test-2");
    // the queue shows the new reading and the proposal
    const queue = await listUncheckedQueue(ctx.db, { documentId: doc.documentId, limit: 50 });
    expect(queue.items.map((i) => i.id)).toEqual(expect.arrayContaining([added.id, vanishing!.id]));
    expect(queue.items.find((i) => i.id === vanishing!.id)?.exclusionProposed).toContain("不再识别");
    const history = (await getTrackedCommitment(ctx.db, vanishing!.id, "2024-03-01"))!.history.map((e) => e.action);
    expect(history).toContain("exclusion_proposed");

    // idempotent: the same new engine again changes nothing at all
    const before = await snapshot(ctx.db);
    const second = await reextractDocument(ctx.db, { documentId: doc.documentId, actor: reviewer, engine });
    expect(second).toMatchObject({ changed: false, added: { commitments: 0, observations: 0 }, proposedForExclusion: { commitments: 0, observations: 0 } });
    expect(await snapshot(ctx.db)).toEqual(before);

    // the current engine reads the third pledge again: its proposal is withdrawn, the added one stays
    const back = await reextractDocument(ctx.db, { documentId: doc.documentId, actor: reviewer });
    expect(back).toMatchObject({ proposalsWithdrawn: 1, added: { commitments: 0 } });
    expect((await ctx.db.selectFrom("commitments").select("exclusion_proposed_at").where("id", "=", vanishing!.id).executeTakeFirstOrThrow()).exclusion_proposed_at).toBeNull();
    expect(await ctx.db.selectFrom("commitments").select("id").where("id", "=", added.id).executeTakeFirst()).toBeDefined();
  });

  it("proposes links for a new reading through the link-proposal service", async () => {
    const plan = await ingestFixture(ctx.db, "case1/2022-plan-huli-chuangwei.txt");
    await ingestFixture(ctx.db, "case1/2024-bulletin-huli-chuangwei.txt");
    const [pledge] = await ctx.db.selectFrom("commitments").selectAll().where("document_id", "=", plan.documentId).execute();
    const linksBefore = await ctx.db.selectFrom("links").select("id").execute();
    // the new engine reads the plan's pledge with a later deadline: a new reading of the same indicator
    const engine = engineWith("engine-test-3", (r) => ({
      ...r,
      commitments: r.commitments.map((c) => (c.start === pledge!.start_offset ? { ...c, due: c.due ? { ...c.due, date: "2025-06-30", precision: "month" as const } : c.due } : c)),
    }));
    const result = await reextractDocument(ctx.db, { documentId: plan.documentId, actor: "cli", engine });
    expect(result.added.commitments).toBe(1);
    const linksAfter = await ctx.db.selectFrom("links").select(["id", "commitment_id", "later_commitment_id"]).execute();
    expect(linksAfter.length - linksBefore.length).toBe(result.links);
    const event = await ctx.db.selectFrom("events").selectAll().where("entity_type", "=", "document").where("action", "=", "reextracted").executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toMatchObject({ engineVersion: "engine-test-3", added: { commitments: 1 } });
    expect(event.actor).toBe("cli");
  });
});
