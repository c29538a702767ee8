// Proposes links for a newly ingested document's observations and pledges against existing
// commitments (issue 3 §3). Candidates come from the indexed matching keys (indicator head noun +
// unit family, docs/decisions/0009), never from a scan; scoreMatch decides, a reviewer confirms.
// Readings a reviewer excluded (不是承诺 / 不是进展数据) are never candidates, on either side, nor
// "dropped" (decision 0036); restored, they are candidates again.
import { normaliseInput } from "../extraction/text/normalise";
import type { Kysely } from "kysely";
import type { Database, NewLink, NewObservation } from "../../db/schema";
import {
  PROPOSE_THRESHOLD,
  classifyRevision,
  commitmentCandidate,
  findDropped,
  mentionOf,
  observationCandidate,
  scoreMatch,
  type LaterMention,
} from "../domain/matching";
import { formatDay } from "../domain/format";
import { candidateRegionKeys, figurePlace, regionKey, regionOfKey } from "../domain/region-keys";
import type { TrackedCommitment } from "../domain/types";
import { appendEvents } from "../models/event.server";
import type { UnitDimension } from "../domain/units";
import {
  insertLinks,
  matchKeys,
  selectCommitmentsWithContext,
  toTrackedCommitment,
  type CommitmentWithContext,
} from "../models/tracking.server";
import { newId } from "../lib/id";

type Db = Kysely<Database>;

/**
 * Most candidates one observation or pledge is scored against; the newest pledges come first. Was
 * 300: reading and scoring 300 rows for each of a document's ~25 items was most of the ingest time
 * at scale, and only a figure's best pledge is kept (MAX_PLEDGES_PER_FIGURE) (docs/decisions/0011-scale.md).
 */
export const MAX_CANDIDATES = 100;

/**
 * A figure reports on one pledge: only its best-scoring candidate is proposed (issue 8 §5), or at most
 * this many tied with it (the same target restated in two sentences of one plan).
 */
export const MAX_PLEDGES_PER_FIGURE = 2;

/** Every unit family (domain/units unitDimension), for the candidates of an unknown unit. */
const UNIT_FAMILIES = Object.keys({
  share: true,
  permille: true,
  people: true,
  person_times: true,
  beds: true,
  times: true,
  money: true,
  count: true,
  unknown: true,
} satisfies Record<UnitDimension, true>) as UnitDimension[];

async function findCandidates(
  db: Db,
  {
    head,
    family,
    regionKeys,
    excludeDocumentId,
  }: {
    head: string;
    family: string;
    regionKeys: string[] | null;
    excludeDocumentId: string;
  },
): Promise<CommitmentWithContext[]> {
  const perRange = await Promise.all(
    keyRanges(family, regionKeys).map(({ f, key }) => {
      let query = selectCommitmentsWithContext(db)
        .where("commitments.indicator_head", "=", head)
        .where("commitments.unit_family", "=", f)
        .where("commitments.document_id", "!=", excludeDocumentId)
        .where("commitments.withdrawn_at", "is", null)
        // a reading a reviewer excluded (不是承诺) is no pledge to follow up (decision 0036)
        .where("commitments.excluded_at", "is", null);
      if (key !== null) query = key.endsWith("/") ? query.where("commitments.region_key", ">=", key).where("commitments.region_key", "<", `${key}\uffff`) : query.where("commitments.region_key", "=", key);

      return query.orderBy("commitments.id", "desc").limit(MAX_CANDIDATES).execute();
    }),
  );
  return newestFirst(perRange);
}

type KeyRange = { f: string; key: string | null };

/**
 * The index ranges to read for one matching key: an unknown unit is compatible with every family
 * (domain/units compareUnits), a known one with itself and "unknown"; each family once per place key
 * (the document's own place and unknown places, domain/region-keys), or once without a place filter
 * when the document's place is unknown. One query per range, each an index range on (indicator_head,
 * unit_family[, region_key], id) read newest first and stopped at the limit: a single query over
 * several families or places makes SQLite sort every row of the head (USE TEMP B-TREE FOR ORDER BY),
 * which grows with the table (docs/decisions/0011, 0014).
 */
function keyRanges(family: string, regionKeys: string[] | null): KeyRange[] {
  const families = family === "unknown" ? UNIT_FAMILIES : [...new Set([family, "unknown"])];
  return families.flatMap((f): KeyRange[] => (regionKeys === null ? [{ f, key: null }] : regionKeys.map((key) => ({ f, key }))));
}

/** Several newest-first reads merged into the newest MAX_CANDIDATES. */
function newestFirst<T extends { id: string }>(perRange: T[][]): T[] {
  const all = perRange.flat();
  if (perRange.length > 1) all.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return all.slice(0, MAX_CANDIDATES);
}

/**
 * Figures already stored that may report on a pledge arriving now (decision 0015): same matching
 * keys, from another document, dated after the pledge was made (their own date, else their
 * document's). A province's ten years are ingested in any order; a 2024 bulletin read before the
 * 2022 plan must still count for it.
 */
async function findObservationCandidates(
  db: Db,
  { head, family, regionKeys, excludeDocumentId, after }: { head: string; family: string; regionKeys: string[] | null; excludeDocumentId: string; after: string },
) {
  const perRange = await Promise.all(
    keyRanges(family, regionKeys).map(({ f, key }) => {
      let query = db
        .selectFrom("observations")
        .innerJoin("documents", "documents.id", "observations.document_id")
        .selectAll("observations")
        .select(["documents.region as document_region", "documents.agency as document_agency", "documents.replied_on as document_replied_on"])
        .where("observations.indicator_head", "=", head)
        .where("observations.unit_family", "=", f)
        .where("observations.document_id", "!=", excludeDocumentId)
        // nor is a figure excluded as 不是进展数据 anyone's progress
        .where("observations.excluded_at", "is", null)
        .where((eb) =>
          eb.or([
            eb("observations.as_of", ">", after),
            eb.and([eb("observations.as_of", "is", null), eb("documents.replied_on", ">", after)]),
          ]),
        );
      if (key !== null) query = key.endsWith("/") ? query.where("observations.region_key", ">=", key).where("observations.region_key", "<", `${key}\uffff`) : query.where("observations.region_key", "=", key);
      return query.orderBy("observations.id", "desc").limit(MAX_CANDIDATES).execute();
    }),
  );
  return newestFirst(perRange);
}

/** A link as the matcher proposes it: undecided, with its score and reasons. */
function proposedLink(
  fields: Pick<NewLink, "commitment_id" | "kind" | "score"> &
    Partial<Pick<NewLink, "observation_id" | "later_commitment_id" | "later_document_id" | "revision_kind" | "revision_description">> & {
      reasons: string[];
      at: string;
    },
): NewLink {
  const { reasons, at, ...rest } = fields;
  return {
    id: newId(),
    observation_id: null,
    later_commitment_id: null,
    revision_kind: null,
    revision_description: null,
    ...rest,
    state: "proposed",
    reasons: JSON.stringify(reasons),
    decided_by: null,
    decided_at: null,
    reason: null,
    created_at: at,
  };
}

/**
 * A pledge's revision links, one per direction: the lineage is a chain (2019 → 2021 → 2023), so a
 * pledge is linked to the nearest earlier pledge it revises and the nearest newer one revising it,
 * not to every ancestor — at a province's volume the extra links were most of the queue.
 */
function nearestRevision(candidates: { link: NewLink; stated: string | null }[], pledgeDate: string | null): NewLink[] {
  const distance = (d: string | null) =>
    d === null || pledgeDate === null ? Number.MAX_SAFE_INTEGER : Math.abs(Date.parse(d) - Date.parse(pledgeDate));
  const [nearest] = [...candidates].sort((a, b) => b.link.score - a.link.score || distance(a.stated) - distance(b.stated));
  return nearest ? [nearest.link] : [];
}

const RESTATED = { kind: "restated" as const, description: "重申原承诺，目标和期限未变。" };

/**
 * The same target due in the same year: a progress table restating the year's task (its 内容
 * column, due at the year's end) is not a revision of the plan's 9月底前 deadline for it.
 */
function sameYearRestatement(earlier: TrackedCommitment, later: TrackedCommitment): boolean {
  const te = earlier.target;
  const tl = later.target;
  if (!te || !tl || Math.abs(te.value - tl.value) > 1e-9 * Math.max(1, Math.abs(te.value))) return false;
  const de = earlier.due?.date;
  const dl = later.due?.date;
  return !!de && !!dl && de.slice(0, 4) === dl.slice(0, 4);
}

/**
 * Next year's pledge for the same measure: each pledge is due in the year it was stated (a 实事 list,
 * a year's work report) and the later one's year is after the earlier one's. 2025年新增养老床位3000张
 * is the next cycle of 2024年新增4000张, not a revision of it; a milestone moved to the next year
 * (a project's 建成 date) still is.
 */
function nextCycle(earlier: { kind: string; due: { date?: string | null } | null; statedOn?: string | null }, later: typeof earlier): boolean {
  if (earlier.kind !== "quantitative" || later.kind !== "quantitative") return false;
  const de = earlier.due?.date;
  const dl = later.due?.date;
  const se = earlier.statedOn;
  const sl = later.statedOn;
  if (!de || !dl || !se || !sl) return false;
  return de.slice(0, 4) === se.slice(0, 4) && dl.slice(0, 4) === sl.slice(0, 4) && dl.slice(0, 4) > de.slice(0, 4);
}

/** A figure's best-scoring pledge (and any tied with it); candidates arrive newest first. */
function bestForFigure(links: NewLink[]): NewLink[] {
  if (links.length === 0) return [];
  const top = Math.max(...links.map((l) => l.score));
  return links.filter((l) => l.score >= top - 1e-9).slice(0, MAX_PLEDGES_PER_FIGURE);
}

/** Scores this close are a tie, broken by how near the figure is to the pledge's target. */
const TIE = 0.005;
function distance(x: { value?: number; target?: number | null }): number {
  if (x.value === undefined || !x.target || x.value <= 0 || x.target <= 0) return Infinity;
  return Math.abs(Math.log(x.value / x.target));
}

/**
 * Per pledge, one figure per document and as-of date: a progress table that repeats 202个 in two
 * columns, or a bulletin that gives the same measure twice, is one report (issue 8 §5) — unless the
 * second says it more precisely (超7603公里, then 7603.2公里): both are kept.
 */
function onePerPledgeAndDate(items: { link: NewLink; asOf: string | null; documentId?: string; value?: number; target?: number | null }[]): NewLink[] {
  const groups = new Map<string, { link: NewLink; value?: number; target?: number | null }[]>();
  for (const { link, asOf, documentId, value, target } of items) {
    const key = `${link.commitment_id}|${documentId ?? ""}|${asOf ?? ""}`;
    const group = groups.get(key);
    if (group) group.push({ link, value, target });
    else groups.set(key, [{ link, value, target }]);
  }
  const out: NewLink[] = [];
  for (const group of groups.values()) {
    // the best one (the first of equals, in document order; of equals, the one nearer the target:
    // 2023年…5.37万个 rather than 2019年至2023年累计22万个 for a year's 5.3万个)…
    const best = group.reduce((a, b) => (b.link.score > a.link.score + TIE || (Math.abs(b.link.score - a.link.score) <= TIE && distance(b) < distance(a)) ? b : a));
    out.push(best.link);
    // …and the same fact written a second time more or less precisely (超7603公里 / 7603.2公里): a
    // value within 1% of the best's but not equal to it is that figure, not a repetition of it
    const kept = new Set([best.value]);
    for (const other of group) {
      if (other === best || other.value === undefined || best.value === undefined || kept.has(other.value)) continue;
      if (Math.abs(other.value - best.value) > 0.01 * Math.abs(best.value)) continue;
      kept.add(other.value);
      out.push(other.link);
    }
  }
  return out;
}

/** Lineage depth followed back from a pledge through the pledges it revised. */
const LINEAGE_DEPTH = 3;

/** For each commitment, the other commitments of its place that state the same indicator, target and date. */
async function restatements(db: Kysely<Database>, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const own: { id: string; indicator_head: string | null; unit_family: string | null; region_key: string | null; target_value: number | null; due_date: string | null }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    own.push(
      ...(await db
        .selectFrom("commitments")
        .select(["id", "indicator_head", "unit_family", "region_key", "target_value", "due_date"])
        .where("id", "in", ids.slice(i, i + 500))
        .execute()),
    );
  }
  for (const c of own) {
    if (c.indicator_head === null || c.unit_family === null || c.region_key === null || c.target_value === null || c.due_date === null) continue;
    // (read through the match index: head, unit family and place first)
    const twins = await db
      .selectFrom("commitments")
      .select("id")
      .where("indicator_head", "=", c.indicator_head)
      .where("unit_family", "=", c.unit_family)
      .where("region_key", "=", c.region_key)
      .where("target_value", "=", c.target_value)
      .where("due_date", "=", c.due_date)
      .where("id", "!=", c.id)
      .limit(20)
      .execute();
    if (twins.length > 0) out.set(c.id, twins.map((t) => t.id));
  }
  return out;
}

/** For each commitment, the earlier commitments it revises (directly or through others), by open revision links. */
async function revisedLineage(db: Kysely<Database>, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const earlierOf = new Map<string, string[]>();
  // a pledge restated with the same target and date in later pages (each month's report repeats the
  // year's plan) is the same pledge: the revisions of any of its restatements are its lineage too
  const twinsOf = await restatements(db, ids);
  let frontier = [...new Set([...ids, ...[...twinsOf.values()].flat()])];
  for (let depth = 0; depth < LINEAGE_DEPTH && frontier.length > 0; depth++) {
    const rows: { commitment_id: string; later_commitment_id: string | null }[] = [];
    for (let i = 0; i < frontier.length; i += 500) {
      rows.push(
        ...(await db
          .selectFrom("links")
          .select(["commitment_id", "later_commitment_id"])
          .where("kind", "=", "revision")
          .where("state", "!=", "rejected")
          .where("later_commitment_id", "in", frontier.slice(i, i + 500))
          .execute()),
      );
    }
    const next: string[] = [];
    for (const r of rows) {
      if (!r.later_commitment_id) continue;
      const list = earlierOf.get(r.later_commitment_id) ?? [];
      if (!list.includes(r.commitment_id)) {
        list.push(r.commitment_id);
        next.push(r.commitment_id);
      }
      earlierOf.set(r.later_commitment_id, list);
    }
    frontier = next.filter((id) => !earlierOf.has(id));
  }
  for (const id of ids) {
    const seen: string[] = [];
    const stack = [id, ...(twinsOf.get(id) ?? [])].flatMap((x) => earlierOf.get(x) ?? []);
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (seen.includes(e) || e === id) continue;
      seen.push(e);
      stack.push(...(earlierOf.get(e) ?? []));
    }
    if (seen.length > 0) out.set(id, seen);
  }
  return out;
}

export interface NewDocumentParty {
  documentId: string;
  region: string | null;
  agency: string | null;
  statedOn: string | null;
  suggestionId?: string | null;
  title?: string | null;
}

/**
 * Scores each new observation and pledge against existing commitments and inserts the links at or
 * above PROPOSE_THRESHOLD as `proposed`, each with a `link_proposed` event on the earlier commitment.
 * Runs inside the ingest transaction. Returns the number of links proposed.
 */
export async function proposeLinksForDocument(
  db: Db,
  {
    document,
    observations,
    commitments,
    heads,
    actor,
    at,
  }: {
    document: NewDocumentParty;
    observations: NewObservation[];
    commitments: TrackedCommitment[];
    /** the stored head key of each new pledge, by id: a change's (提高1岁) is keyed apart from levels */
    heads?: ReadonlyMap<string, string | null | undefined>;
    actor: string;
    at: string;
  },
): Promise<number> {
  const links: NewLink[] = [];
  const figureLinks: { link: NewLink; asOf: string | null; value: number; target: number | null }[] = [];
  const restated: NewLink[] = [];
  const candidateParty = { region: document.region, agency: document.agency };
  const regionKeys = candidateRegionKeys(document.region, document.agency);
  /** the document of every earlier commitment a proposed link points at */
  const documentOf = new Map<string, string>();
  /** and its target's value */
  const targetOf = new Map<string, number | null>();

  const perFigure: { found: NewLink[]; best: NewLink[]; asOf: string | null; value: number }[] = [];
  for (const o of observations) {
    const keys = o.indicator_head && o.unit_family ? { head: o.indicator_head, family: o.unit_family } : matchKeys(o.indicator, o.unit ?? null);
    // the figure's own place: a national bulletin's sentence about 北京 is Beijing's (issue 8 §3)
    // the sentence as the rules read it: Simplified, without inserted readings (全國 → 全国)
    const sentence = normaliseInput(o.quote).text;
    const place = figurePlace(sentence, document.region);
    const candidates = await findCandidates(db, { head: keys.head, family: keys.family, regionKeys: candidateRegionKeys(place, place === document.region ? document.agency : null), excludeDocumentId: document.documentId });
    const asOf = o.as_of ?? document.statedOn;
    const found: NewLink[] = [];
    for (const row of candidates) {
      const earlier = toTrackedCommitment(row);
      const match = scoreMatch(
        earlier,
        observationCandidate({ indicator: o.indicator, value: o.value, unit: o.unit ?? null, per: o.per ?? undefined, asOf: asOf ?? null, quote: sentence }),
        { commitment: { region: row.document_region, agency: row.agency }, candidate: { region: place, agency: document.agency } },
      );
      if (match.score < PROPOSE_THRESHOLD) continue;
      documentOf.set(row.id, row.document_id);
      targetOf.set(row.id, earlier.target?.value ?? null);
      found.push(
        proposedLink({ commitment_id: row.id, kind: "observation", observation_id: o.id, score: match.score, reasons: match.reasons, at }),
      );
    }
    perFigure.push({ found, best: bestForFigure(found), asOf: asOf ?? null, value: o.value });
  }
  // a figure is progress on the pledge it fits best and on the pledges that one revised (5万个 in
  // March, raised to 5.4万个 in July: 1-10月5.3万个 reports on both; the lineage shows both, §6)
  const lineage = await revisedLineage(db, [...new Set(perFigure.flatMap((f) => f.best.map((l) => l.commitment_id)))]);
  for (const { found, best, asOf, value } of perFigure) {
    const chosen = [...best];
    for (const b of best) {
      for (const earlierId of lineage.get(b.commitment_id) ?? []) {
        const l = found.find((x) => x.commitment_id === earlierId);
        if (l && !chosen.includes(l)) chosen.push(l);
      }
    }
    figureLinks.push(...chosen.map((link) => ({ link, asOf, value, target: targetOf.get(link.commitment_id) ?? null })));
  }
  links.push(...onePerPledgeAndDate(figureLinks));

  for (const later of commitments) {
    if (later.kind === "qualitative") continue;
    const computed = matchKeys(later.indicator, later.target?.unit ?? null);
    const keys = { head: heads?.get(later.id) ?? computed.head, family: computed.family };
    // One read for both directions: pledges stated on or before this one (it may revise them) and,
    // for out-of-order ingest, pledges stated after it (they may revise it; decision 0015).
    const around = await findCandidates(db, {
      head: keys.head,
      family: keys.family,
      regionKeys,
      excludeDocumentId: document.documentId,
    });
    const stated = later.statedOn;
    const isNewer = (row: CommitmentWithContext) => stated !== null && row.document_replied_on !== null && row.document_replied_on > stated;
    const revises: { link: NewLink; stated: string | null }[] = [];
    for (const row of around.filter((r) => !isNewer(r))) {
      const earlier = toTrackedCommitment(row);
      const match = scoreMatch(earlier, commitmentCandidate(later), {
        commitment: { region: row.document_region, agency: row.agency },
        candidate: candidateParty,
      });
      if (match.score < PROPOSE_THRESHOLD) continue;
      documentOf.set(row.id, row.document_id);
      targetOf.set(row.id, earlier.target?.value ?? null);
      if (nextCycle(earlier, later)) {
        restated.push(proposedLink({ commitment_id: row.id, kind: "revision", later_commitment_id: later.id, score: match.score, reasons: match.reasons, at }));
        continue;
      }
      const revision = sameYearRestatement(earlier, later) ? RESTATED : classifyRevision(earlier, later);
      revises.push({
        stated: row.document_replied_on,
        link: proposedLink({
          commitment_id: row.id,
          kind: "revision",
          later_commitment_id: later.id,
          score: match.score,
          reasons: match.reasons,
          revision_kind: revision.kind,
          revision_description: revision.description,
          at,
        }),
      });
    }
    // a pledge restated with the same target and date is not a revision (issue 8 §6): it still shows
    // the document follows the earlier one (for "dropped"), but no link is proposed
    for (const link of nearestRevision(revises, stated)) {
      if (link.revision_kind === "restated") restated.push(link);
      else links.push(link);
    }

    if (!later.statedOn) continue;
    // Newer pledges stored before this one arrived revise it (decision 0015): the same link as if
    // they had come second, with this pledge as the earlier one.
    const revisedBy: { link: NewLink; stated: string | null }[] = [];
    for (const row of around.filter(isNewer)) {
      const revising = toTrackedCommitment(row);
      const match = scoreMatch(later, commitmentCandidate(revising), {
        commitment: candidateParty,
        candidate: { region: row.document_region, agency: row.agency },
      });
      if (match.score < PROPOSE_THRESHOLD || nextCycle(later, revising)) continue;
      const revision = sameYearRestatement(later, revising) ? RESTATED : classifyRevision(later, revising);
      revisedBy.push({
        stated: row.document_replied_on,
        link: proposedLink({
          commitment_id: later.id,
          kind: "revision",
          later_commitment_id: row.id,
          score: match.score,
          reasons: match.reasons,
          revision_kind: revision.kind,
          revision_description: revision.description,
          at,
        }),
      });
    }
    for (const link of nearestRevision(revisedBy, stated)) if (link.revision_kind !== "restated") links.push(link);

    // Figures stored before this pledge arrived that report on it (decision 0015).
    const reports = await findObservationCandidates(db, {
      head: keys.head,
      family: keys.family,
      regionKeys,
      excludeDocumentId: document.documentId,
      after: later.statedOn,
    });
    const reported: { link: NewLink; asOf: string | null; documentId: string; value: number; target: number | null }[] = [];
    for (const o of reports) {
      const match = scoreMatch(
        later,
        observationCandidate({ indicator: o.indicator, value: o.value, unit: o.unit, per: o.per ?? undefined, asOf: o.as_of ?? o.document_replied_on, quote: normaliseInput(o.quote).text }),
        { commitment: candidateParty, candidate: { region: o.region_key !== null ? regionOfKey(o.region_key) : o.document_region, agency: o.document_agency } },
      );
      if (match.score < PROPOSE_THRESHOLD) continue;
      reported.push({
        link: proposedLink({ commitment_id: later.id, kind: "observation", observation_id: o.id, score: match.score, reasons: match.reasons, at }),
        asOf: o.as_of ?? o.document_replied_on,
        documentId: o.document_id,
        value: o.value,
        target: later.target?.value ?? null,
      });
    }
    links.push(...onePerPledgeAndDate(reported));
  }

  const mentions: LaterMention[] = [
    ...observations.map((o) => ({ indicator: o.indicator, unit: o.unit ?? null })),
    ...commitments.map(mentionOf),
  ];
  links.push(
    ...(await proposeDropped(db, {
      document,
      mentions,
      followed: [...links, ...restated].map((l) => ({ commitmentId: l.commitment_id, documentId: documentOf.get(l.commitment_id)! })),
      at,
    })),
  );

  await insertLinks(db, links);
  await appendEvents(
    db,
    links.map((link) => ({
      entityType: "commitment",
      entityId: link.commitment_id,
      action: "link_proposed",
      actor,
      at,
      after: {
        linkId: link.id,
        kind: link.kind,
        observationId: link.observation_id,
        laterCommitmentId: link.later_commitment_id,
        laterDocumentId: link.later_document_id ?? null,
        score: link.score,
        revisionKind: link.revision_kind,
      },
    })),
  );
  return links.length;
}

/** A follow-up must answer at least this many of an earlier reply's pledges to count as one. */
export const DROPPED_MIN_FOLLOWED = 2;
/**
 * …and at least this share of them: a bulletin that reports two of a reply's twelve indicators is
 * not a follow-up of that reply, and its silence on the other ten says nothing.
 */
export const DROPPED_MIN_SHARE = 0.5;
/** Most earlier documents one new document is checked against for dropped pledges. */
export const DROPPED_MAX_DOCUMENTS = 3;

/**
 * "Quietly dropped" (issue 3 §3): when a new document is a follow-up of an earlier one — it answers
 * the same suggestion, or it restates or reports on at least DROPPED_MIN_FOLLOWED of that reply's
 * pledges and at least DROPPED_MIN_SHARE of them, from the same agency and place, later — every other quantitative or milestone pledge of
 * the earlier reply that the new document does not mention at all becomes a proposed "dropped" link
 * for a reviewer (docs/decisions/0012). The score is the share of the earlier reply's pledges the
 * follow-up did answer: the more it covered, the more telling the silence.
 */
async function proposeDropped(
  db: Db,
  {
    document,
    mentions,
    followed,
    at,
  }: {
    document: NewDocumentParty;
    mentions: LaterMention[];
    followed: { commitmentId: string; documentId: string }[];
    at: string;
  },
): Promise<NewLink[]> {
  if (!document.statedOn) return [];
  const followedByDocument = new Map<string, Set<string>>();
  for (const f of followed) {
    if (!f.documentId) continue;
    const set = followedByDocument.get(f.documentId) ?? new Set<string>();
    set.add(f.commitmentId);
    followedByDocument.set(f.documentId, set);
  }
  const sameSuggestion = document.suggestionId
    ? await db
        .selectFrom("documents")
        .select("id")
        .where("suggestion_id", "=", document.suggestionId)
        .where("id", "!=", document.documentId)
        .execute()
    : [];
  const candidateIds = [
    ...new Set([
      ...sameSuggestion.map((d) => d.id),
      ...[...followedByDocument].filter(([, s]) => s.size >= DROPPED_MIN_FOLLOWED).map(([id]) => id),
    ]),
  ];
  if (candidateIds.length === 0) return [];
  const earlierDocuments = (
    await db
      .selectFrom("documents")
      .select(["id", "agency", "region", "replied_on", "suggestion_id", "title", "ref"])
      .where("id", "in", candidateIds)
      .execute()
  )
    .filter((e) => {
      if (!e.replied_on || e.replied_on >= document.statedOn!) return false;
      const sameSuggestionAsNew = Boolean(document.suggestionId) && e.suggestion_id === document.suggestionId;
      if (document.region && e.region && document.region !== e.region) return false;
      if (document.agency && e.agency) return document.agency === e.agency;
      return sameSuggestionAsNew;
    })
    .sort((a, b) => (followedByDocument.get(b.id)?.size ?? 0) - (followedByDocument.get(a.id)?.size ?? 0))
    .slice(0, DROPPED_MAX_DOCUMENTS);

  const out: NewLink[] = [];
  const when = formatDay(document.statedOn);
  for (const e of earlierDocuments) {
    const rows = await selectCommitmentsWithContext(db)
      .where("commitments.document_id", "=", e.id)
      .where("commitments.withdrawn_at", "is", null)
      // an excluded reading was never promised: it cannot be dropped, nor count in the share answered
      .where("commitments.excluded_at", "is", null)
      .where("commitments.kind", "!=", "qualitative")
      .orderBy("commitments.ordinal")
      .execute();
    if (rows.length === 0) continue;
    const answered = followedByDocument.get(e.id) ?? new Set<string>();
    const answeredCount = rows.filter((r) => answered.has(r.id)).length;
    const share = answeredCount / rows.length;
    const sameSuggestionAsNew = Boolean(document.suggestionId) && e.suggestion_id === document.suggestionId;
    if (!sameSuggestionAsNew && share < DROPPED_MIN_SHARE) continue;
    // Already flagged as dropped and not rejected: one open question per pledge is enough.
    const flagged = new Set(
      (
        await db
          .selectFrom("links")
          .select("commitment_id")
          .where("kind", "=", "dropped")
          .where("state", "!=", "rejected")
          .where("commitment_id", "in", rows.map((r) => r.id))
          .execute()
      ).map((l) => l.commitment_id),
    );
    const open = rows.filter((r) => !answered.has(r.id) && !flagged.has(r.id));
    const dropped = new Set(findDropped(open.map(toTrackedCommitment), mentions).map((c) => c.id));
    if (dropped.size === 0) continue;
    const score = Math.round((sameSuggestionAsNew ? 0.5 + share / 2 : share) * 1000) / 1000;
    const reasons = [
      sameSuggestionAsNew ? `答复同一件建议${e.ref ? `（${e.ref}）` : ""}` : null,
      `后续文件回应了原答复${rows.length}项量化或节点承诺中的${answeredCount}项`,
      "后续文件没有同一指标的承诺或数据",
      e.agency && e.agency === document.agency ? `同一承办单位（${e.agency}）` : null,
    ].filter((r): r is string => r !== null);
    for (const row of rows) {
      if (!dropped.has(row.id)) continue;
      out.push(
        proposedLink({
          commitment_id: row.id,
          kind: "dropped",
          later_document_id: document.documentId,
          score,
          reasons,
          revision_kind: "dropped",
          revision_description: `${document.title ? `《${document.title}》` : "后续文件"}（${when}）未再提及这项承诺。`,
          at,
        }),
      );
    }
  }
  return out;
}

/** Reads rows needing a fill in batches until none is left; returns how many were filled. */
async function fillInBatches<R>(next: () => Promise<R[]>, fill: (rows: R[]) => Promise<void>): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await next();
    if (rows.length === 0) return total;
    await fill(rows);
    total += rows.length;
  }
}

/** Backfills that need to run once per database handle (a process's), after an upgrade. */
const filledOnce = new WeakMap<Db, Set<string>>();

async function oncePerHandle(db: Db, name: string, force: boolean, run: () => Promise<number>): Promise<number> {
  const done = filledOnce.get(db) ?? new Set<string>();
  filledOnce.set(db, done);
  if (done.has(name) && !force) return 0;
  const filled = await run();
  done.add(name);
  return filled;
}

/** Fills matching keys missing on older rows (stored before the keys existed); a no-op afterwards. */
export async function backfillMatchKeys(db: Db, { batch = 1000 }: { batch?: number } = {}): Promise<number> {
  return fillInBatches(
    () =>
      db
        .selectFrom("commitments")
        .select(["id", "indicator", "target_unit", "baseline_unit"])
        .where("indicator_head", "is", null)
        .limit(batch)
        .execute(),
    async (rows) => {
      for (const row of rows) {
        const keys = matchKeys(row.indicator, row.target_unit ?? row.baseline_unit);
        await db.updateTable("commitments").set({ indicator_head: keys.head, unit_family: keys.family }).where("id", "=", row.id).execute();
      }
    },
  );
}

/**
 * Computes the place key of commitments stored before it existed (migration 20261127090000), once
 * per database handle; a no-op afterwards (the index on region_key finds no NULL).
 */
export async function backfillRegionKeys(
  db: Db,
  { batch = 1000, force = false }: { batch?: number; force?: boolean } = {},
): Promise<number> {
  return oncePerHandle(db, "region_key", force, () =>
    fillInBatches(
      () =>
        db
          .selectFrom("commitments")
          .innerJoin("documents", "documents.id", "commitments.document_id")
          .select(["commitments.id", "documents.region"])
          .where("commitments.region_key", "is", null)
          .limit(batch)
          .execute(),
      async (rows) => {
        const byKey = new Map<string, string[]>();
        for (const row of rows) {
          const key = regionKey(row.region);
          byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
        }
        for (const [key, ids] of byKey) {
          await db.updateTable("commitments").set({ region_key: key }).where("id", "in", ids).execute();
        }
      },
    ),
  );
}

/**
 * Computes the matching keys of observations stored before they existed (migration
 * 20261128090000), once per database handle; a no-op afterwards (the match index finds no NULL head).
 */
export async function backfillObservationKeys(
  db: Db,
  { batch = 1000, force = false }: { batch?: number; force?: boolean } = {},
): Promise<number> {
  return oncePerHandle(db, "observation_keys", force, () =>
    fillInBatches(
      () =>
        db
          .selectFrom("observations")
          .innerJoin("documents", "documents.id", "observations.document_id")
          .select(["observations.id", "observations.indicator", "observations.unit", "documents.region"])
          .where("observations.indicator_head", "is", null)
          .limit(batch)
          .execute(),
      async (rows) => {
        for (const row of rows) {
          const keys = matchKeys(row.indicator, row.unit);
          await db
            .updateTable("observations")
            .set({ indicator_head: keys.head, unit_family: keys.family, region_key: regionKey(row.region) })
            .where("id", "=", row.id)
            .execute();
        }
      },
    ),
  );
}
