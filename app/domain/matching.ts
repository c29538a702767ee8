// Does a later observation or pledge refer to an existing commitment? A score with its reasons,
// for a reviewer to confirm or reject (a proposed link is never applied on its own). Pure string
// and date work; the weights and thresholds are recorded in docs/decisions/0006-matching.md.
import { isValid, parseISO } from "date-fns";
import {
  COUNT_WORDS,
  FILLER_CHARS,
  FILLER_PREFIXES,
  HEAD_NOUNS,
  INDICATOR_SYNONYMS,
  SHARE_WORDS,
} from "./indicator-synonyms";
import { formatDate, formatDay, formatNumber, formatTarget } from "./format";
import { isNational, relateRegions } from "./regions";
import { unnamedLowerLevel } from "./region-keys";
import type { TrackedCommitment } from "./types";
import { compareUnits, normalizePer, perFromIndicator, stripPerFromIndicator } from "./units";

// --- indicator normalisation ---------------------------------------------------------------

export interface NormalizedIndicator {
  /** the indicator with synonyms canonicalised and filler removed: what is compared */
  core: string;
  /** "share" for 比例/占比/…率, "count" for 数量/人数/…, null when the text does not say */
  measure: "share" | "count" | null;
  /** a denominator written into the text (每万名老年人…), normalised */
  per: string | null;
  /** what is counted: a known head noun at the end, else the last two characters */
  head: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const SYNONYM_MAP = new Map<string, string>();
for (const entry of INDICATOR_SYNONYMS) {
  SYNONYM_MAP.set(entry.canonical.normalize("NFKC"), entry.canonical);
  for (const v of entry.variants) SYNONYM_MAP.set(v.normalize("NFKC"), entry.canonical);
}
// Longest alternative first, so the regex engine takes the whole phrase before any part of it.
const SYNONYM_RE = new RegExp(
  [...SYNONYM_MAP.keys()].sort((a, b) => b.length - a.length).map(escape).join("|"),
  "g",
);
const PREFIX_RE = new RegExp(`^(?:${[...FILLER_PREFIXES].sort((a, b) => b.length - a.length).map(escape).join("|")})`);
const SHARE_RE = new RegExp(`(?:${SHARE_WORDS.map(escape).join("|")})$`);
const COUNT_RE = new RegExp(`(?:${COUNT_WORDS.map(escape).join("|")})$`);
const HEADS = [...HEAD_NOUNS].sort((a, b) => b.length - a.length);

export function normalizeIndicator(raw: string): NormalizedIndicator {
  let s = raw.normalize("NFKC").replace(/\s+/g, "");
  const per = perFromIndicator(s);
  if (per !== null) s = stripPerFromIndicator(s);
  // Brackets stay until synonyms are applied: 乡镇(街道) and 县(市、区) are spelled with them.
  s = s.replace(SYNONYM_RE, (m) => SYNONYM_MAP.get(m) ?? m);
  // 老年食堂(助餐点), 服务中心(站): a bracketed other name or part after the name is no part of the measure
  // (after the synonyms: 乡镇(街道) and 县(市、区) are names of their own)
  if (s.length > 6) s = s.replace(/^([^()（）]{2,})[(（][^()（）]{1,8}[)）]$/, "$1");
  s = s.replace(FILLER_CHARS, "");
  for (let i = 0; i < 3 && PREFIX_RE.test(s); i++) s = s.replace(PREFIX_RE, "");
  s = s.replace(/拥有/g, "");
  // 老旧小区改造 / 改造老旧小区, 农村公路建设: the work done to a thing counts the thing
  if (s.length > 4) s = s.replace(/(?:改造|建设|改建|整治|提升改造)$/, "");
  // 5G基站规模累计: how it is counted, not what
  if (s.length > 4) s = s.replace(/(?:规模累计|累计|总规模|规模)$/, "");
  let measure: NormalizedIndicator["measure"] = null;
  if (SHARE_RE.test(s)) {
    measure = "share";
    s = s.replace(SHARE_RE, "");
  } else if (/率$/.test(s)) {
    // 覆盖率, 达标率: the word names the share and is kept as the head.
    measure = "share";
  } else if (COUNT_RE.test(s) && s.length > 2) {
    measure = "count";
    s = s.replace(COUNT_RE, "");
  }
  const head = HEADS.find((h) => s.endsWith(h)) ?? s.slice(-2);
  return { core: s, measure, per, head };
}

function grams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

function multisetIntersection(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const g of a) counts.set(g, (counts.get(g) ?? 0) + 1);
  let n = 0;
  for (const g of b) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      n++;
      counts.set(g, c - 1);
    }
  }
  return n;
}

function lcsLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return prev[y.length];
}

// Weights of the three character measures. Dice on bigrams rewards shared wording wherever it is
// (word order: 养老机构护理型床位 vs 护理型床位); the overlap coefficient rewards one name being a
// shortened form of the other (持证护理员 inside a longer phrase); the LCS ratio rewards the same
// characters in the same order when bigrams are broken by an inserted word.
const W_DICE = 0.5;
const W_OVERLAP = 0.25;
const W_LCS = 0.25;
/** Same head noun: close a quarter of the remaining gap. */
const HEAD_BOOST = 0.25;
/** Different heads, neither inside the other (床位 vs 护理员): what is counted differs. */
const HEAD_MISMATCH = 0.8;
/** One is a share, the other a count (护理型床位占比 vs 护理型床位数). */
const MEASURE_MISMATCH = 0.7;

/**
 * One name is a shortened form of the other: every character of the shorter is in the longer, in
 * order, and both end on the same character (the head noun lines up): 托位 / 婴幼儿照护服务托位,
 * 运营里程 / 城市轨道交通运营总里程, 城镇调查失业率 / 各月全国城镇调查失业率. Scored by how much of the
 * longer the shorter covers, never under SHORTENED_FLOOR.
 */
const SHORTENED_FLOOR = 0.75;
/**
 * Both names carry words the other lacks (城镇登记失业率 / 城镇调查失业率, 市郊铁路运营里程 /
 * 城市轨道交通运营里程): each qualifier names another measure. The similarity loses up to this share,
 * in proportion to the smaller residue against the shorter name.
 */
const CONFLICT_WEIGHT = 0.5;

/**
 * Words that pick out a kind of the thing named after them (示范型居家养老服务照料中心, 标准化康养联合体,
 * 普惠性托位, 农村养老机构): the longer name counts a part of what the shorter one counts.
 */
const SUBSET_QUALIFIER = /^(?:示范型|示范性|示范|标准化|规范化|星级|[一二三四五]星级|智慧|精品|普惠性|普惠型|普惠|公办|民办|农村|城市|乡镇|城镇|城区|社区|村级|县级|市级|省级|新型|专业化|特色)/;

/** What a name keeps of its similarity to the name of a kind of it (SUBSET_QUALIFIER). */
const SUBSET_FACTOR = 0.8;

/** `longer` is `short` with a qualifier before it that names a subset (see SUBSET_QUALIFIER). */
function namesASubset(longer: string, short: string): boolean {
  if (!longer.endsWith(short)) return false;
  const qualifier = longer.slice(0, longer.length - short.length);
  return qualifier !== "" && SUBSET_QUALIFIER.test(qualifier) && qualifier.replace(SUBSET_QUALIFIER, "").length <= 2;
}

/** Similarity of two indicator names in [0, 1]; symmetric by construction. */
export function indicatorSimilarity(a: string, b: string): number {
  const na = normalizeIndicator(a);
  const nb = normalizeIndicator(b);
  if (na.core === "" || nb.core === "") return 0;
  let sim: number;
  // 标准化康养联合体 / 康养联合体: the longer counts a kind of what the shorter counts
  let subset = false;
  if (na.core === nb.core) {
    sim = 1;
  } else {
    const la = [...na.core].length;
    const lb = [...nb.core].length;
    const lcs = lcsLength(na.core, nb.core);
    const shorter = Math.min(la, lb);
    const sameLast = na.core.slice(-1) === nb.core.slice(-1);
    subset = la >= lb ? namesASubset(na.core, nb.core) : namesASubset(nb.core, na.core);
    if (lcs === shorter && shorter >= 2 && sameLast && !subset) {
      sim = SHORTENED_FLOOR + (1 - SHORTENED_FLOOR) * (lcs / Math.max(la, lb));
    } else {
      const ga = grams(na.core);
      const gb = grams(nb.core);
      const common = multisetIntersection(ga, gb);
      const dice = (2 * common) / (ga.length + gb.length);
      const overlap = common / Math.min(ga.length, gb.length);
      sim = W_DICE * dice + W_OVERLAP * overlap + W_LCS * ((2 * lcs) / (la + lb));
      if (na.head === nb.head) sim += HEAD_BOOST * (1 - sim);
      else if (!na.head.includes(nb.head) && !nb.head.includes(na.head)) sim *= HEAD_MISMATCH;
      const residue = Math.min(la - lcs, lb - lcs);
      if (residue > 0) sim *= 1 - CONFLICT_WEIGHT * Math.min(1, residue / shorter);
    }
  }
  if (subset) sim *= SUBSET_FACTOR;
  // A name with no measure word counts things (养老床位); against a share (养老床位利用率) that is a
  // different measure even when every character of one is inside the other.
  if ((na.measure ?? "count") !== (nb.measure ?? "count")) sim *= MEASURE_MISMATCH;
  return Math.min(1, Math.max(0, sim));
}

/** Share of the remaining gap closed when the figure's sentence holds the words its name leaves out. */
const CONTEXT_BOOST = 0.5;
/** Lost when it holds none of them: 运营里程 in a sentence about 轨道交通 is not 市郊铁路运营里程. */
const CONTEXT_MISS = 0.05;

/**
 * The indicator similarity, read with the figure's sentence: 北京的轨道交通运营线路增加到30条,运营里程为909公里
 * names 运营里程 alone, and the sentence says which: the pledge's words missing from the figure's
 * name (轨道交通 of 轨道交通运营里程, 市郊铁路 of 市郊铁路运营里程) are looked for in the sentence.
 */
export function contextualSimilarity(pledge: string, figure: string, sentence: string | null): number {
  const sim = indicatorSimilarity(pledge, figure);
  if (sentence === null || sim >= 0.999 || sim === 0) return sim;
  const core = normalizeIndicator(pledge).core;
  const figureGrams = new Set(grams(normalizeIndicator(figure).core));
  const missing = grams(core).filter((g) => !figureGrams.has(g));
  if (missing.length === 0) return sim;
  const text = sentence.normalize("NFKC").replace(SYNONYM_RE, (m) => SYNONYM_MAP.get(m) ?? m);
  const found = missing.filter((g) => text.includes(g)).length / missing.length;
  if (found === 0) return Math.max(0, sim - CONTEXT_MISS);
  return sim + (1 - sim) * CONTEXT_BOOST * found;
}

// --- scoring a candidate against a commitment ---------------------------------------------------

export interface MatchCandidate {
  kind: "observation" | "commitment";
  indicator: string;
  unit: string | null;
  per?: string | null;
  value?: number | null;
  /** an observation's date */
  asOf?: string | null;
  /** a later pledge's document date */
  statedOn?: string | null;
  /** a later pledge's due date */
  due?: string | null;
  /** the sentence the figure stands in: its other words may name what a short name leaves out */
  sentence?: string | null;
}

export interface MatchParty {
  region?: string | null;
  agency?: string | null;
}

export interface MatchContext {
  commitment: MatchParty;
  candidate: MatchParty;
}

export interface MatchResult {
  score: number;
  reasons: string[];
  /** false when the two cannot refer to the same measure: units, denominators or provinces differ */
  compatible: boolean;
}

/** At or above this a link is proposed to a reviewer; below it the candidate is not shown. */
export const PROPOSE_THRESHOLD = 0.6;

const W_INDICATOR = 0.7;
const W_UNIT = 0.15;
const W_REGION = 0.1;
const W_AGENCY = 0.05;
/** An observation dated before the pledge can only be its baseline. */
const BEFORE_PLEDGE_FACTOR = 0.6;
/** Dated the same day as the pledge: most likely the same document's "目前…" baseline. */
const SAME_DAY_FACTOR = 0.85;
const UNDATED_FACTOR = 0.9;
/** Values more than this many times apart are unlikely to be the same measure of the same place. */
const SCALE_RATIO_LIMIT = 20;
const SCALE_FACTOR = 0.8;
/** A figure over this many times an increment target (新增600张) is a stock or a longer total. */
const INCREMENT_OVERSHOOT = 5;
const INCREMENT_OVERSHOOT_FACTOR = 0.6;
/**
 * A pledge to add something within one year (新增…2.7万人, due 2024-12-31, made in 2024) against a
 * figure dated well into a later year (past its first quarter, when the last year's totals are out):
 * that figure counts another year's additions.
 */
const LATER_YEAR_FACTOR = 0.6;
/**
 * …when it counts additions (新增…) or a part of its own year (上半年, 1-6月): a later 已建成1221个 is a
 * total, by which a pledge to have built 1000 is still judged.
 */
const PART_OF_YEAR = /上半年|下半年|前三季度|[一二三四1-4]季度|\d{1,2}\s*[-—–至到~]\s*\d{1,2}\s*月|截至\d{1,2}月/;
function laterYearsIncrement(statedOn: string | null, due: string, when: string): boolean {
  const dueYear = Number(due.slice(0, 4));
  if (statedOn === null || Number(statedOn.slice(0, 4)) !== dueYear) return false;
  return when > `${dueYear + 1}-03-31`;
}

/**
 * A pledge to add something over several years (made in 2022, due 2025) against a figure of a later
 * year that counts that year only (截至6月底…完成年度目标的68%, 今年以来, 1-9月): not the total so far.
 */
const OWN_YEAR_ONLY = /年度(?:目标|任务|计划)|全年(?:目标|任务|计划)|今年以来|年初以来|本年以来|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月/;
function countsOneLaterYear(sentence: string | null, statedOn: string | null, due: string | null, asOf: string | null): boolean {
  if (!sentence || !statedOn || !due || !asOf) return false;
  const stated = Number(statedOn.slice(0, 4));
  const year = Number(asOf.slice(0, 4));
  if (Number(due.slice(0, 4)) < stated + 2 || year <= stated) return false;
  const s = sentence.normalize("NFKC");
  return OWN_YEAR_ONLY.test(s) && !/(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)\d\d|以来累计|十[一二三四五]五(?:以来|期间)/.test(s);
}

const STOCK_BEFORE = /(?:累计(?:建成|建设|开通|建有|拥有|达到)|总数|共有|共建成|总量|存量|保有量|现有|已有|全市共|全省共)[^,;。]{0,12}$/;

/** The figure (its value found in the sentence) is preceded in its clause by words of a stock: 累计建成, 共有, 总数. */
function isStockFigure(sentence: string | null, value: number): boolean {
  if (!sentence) return false;
  const s = sentence.normalize("NFKC");
  const forms = [String(value)];
  if (value >= 10000) forms.push(`${value / 10000}万`);
  if (value >= 1e8) forms.push(`${value / 1e8}亿`);
  for (const f of forms) {
    const at = s.indexOf(f);
    if (at < 0) continue;
    const clauseStart = Math.max(s.lastIndexOf(",", at), s.lastIndexOf(";", at), s.lastIndexOf("。", at), s.lastIndexOf("、", at)) + 1;
    const before = s.slice(clauseStart, at);
    if (/新增|新建|新开工/.test(before)) return false;
    // (已累计加装电梯864部: a total since the work began; 今年以来累计培训8000人 / 2024年累计完成营造林319.03万亩 count one year)
    return STOCK_BEFORE.test(before) || (/累计/.test(before) && !YEAR_SO_FAR.test(s.slice(0, at)));
  }
  return false;
}

const YEAR_SO_FAR = /(?:19|20)\d\d年(?![底末前]|以来|至|到|-)|全年|去年|当年|今年以来|年初以来|本年以来|今年累计|全年累计|年内累计|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|前[一二两三四五六七八九十\d]{1,2}个?月|上半年|前三季度|第?[一二三四]季度/;

/** …and over this many times it, when the sentence gives a period of several years before the pledge's year. */
const PERIOD_OVERSHOOT = 1.5;
const SEVERAL_YEARS = /((?:19|20)\d\d)\s*年?\s*(?:至|到|-|—|–|~)\s*(?:19|20)\d\d\s*年|近[二两三四五六七八九十\d]+年|(?:十[一二三四五]五|“十[一二三四五]五”)(?:期间|以来)|以来[^,;。]{0,12}累计/;

/**
 * The sentence reports a total over years that began before the pledge's own: its period runs from
 * the year it was made (or its due year, if earlier) to its due date.
 */
function spansEarlierYears(sentence: string | null, due: string | null, statedOn: string | null): boolean {
  if (!sentence || !due) return false;
  const m = SEVERAL_YEARS.exec(sentence);
  if (!m) return false;
  const dueYear = Number(due.slice(0, 4));
  const from = statedOn ? Math.min(dueYear, Number(statedOn.slice(0, 4))) : dueYear;
  // (近五年 / 十三五期间 name no first year: only a pledge for one year is surely shorter)
  return m[1] ? Number(m[1]) < from : from === dueYear;
}
/**
 * Two different places (杭州市 / 慈溪市), or one inside the other (浙江省 / 杭州市, 宁波市 / 慈溪市): a
 * figure for one is not progress on the other's pledge, whatever the indicator — the issue matches
 * "on the same indicator and place". The factor keeps an otherwise perfect match (≈0.88) under
 * PROPOSE_THRESHOLD, so it is never proposed (docs/decisions/0012, 0014).
 */
const DIFFERENT_PLACE_FACTOR = 0.6;
/**
 * A pledge of no known place against a figure of a known one (not national, not the same agency):
 * an exact match (≈0.93) stays above PROPOSE_THRESHOLD at 0.65, a near one (under ≈0.86) falls under it.
 * Measured on the real chains (decision 0020): own chains 1 fewer link found, 1 fewer wrong; the
 * scale corpus's links per document 25.7 → 20.1.
 */
const UNKNOWN_PLEDGE_PLACE_FACTOR = 0.7;
/** A figure of works begun against a pledge of works done. */
const STARTED = /^(?:新)?开工/;
const STAGE_FACTOR = 0.6;
/** Incompatible pairs keep a low score so a reviewer searching by hand still sees them ranked. */
const INCOMPATIBLE_FACTOR = 0.4;

function isoDay(s: string | null | undefined): string | null {
  if (typeof s !== "string") return null;
  const day = s.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isValid(parseISO(day)) ? day : null;
}

export function scoreMatch(commitment: TrackedCommitment, candidate: MatchCandidate, context: MatchContext): MatchResult {
  const reasons: string[] = [];
  let compatible = true;

  // Indicator.
  const sim = contextualSimilarity(commitment.indicator, candidate.indicator, candidate.sentence ?? null);
  const sameText = commitment.indicator.normalize("NFKC") === candidate.indicator.normalize("NFKC");
  if (sameText) reasons.push(`指标一致：${commitment.indicator}`);
  else if (sim >= 0.999) reasons.push(`指标同义：${commitment.indicator} ≈ ${candidate.indicator}`);
  else if (sim >= PROPOSE_THRESHOLD) reasons.push(`指标相近：${commitment.indicator} ≈ ${candidate.indicator}`);
  else reasons.push(`指标差异较大：${commitment.indicator} / ${candidate.indicator}`);

  // Unit and denominator.
  const cUnit = commitment.target?.unit ?? commitment.baseline?.unit ?? null;
  const units = compareUnits(cUnit, candidate.unit);
  let unitScore = units.compatible ? (units.exact ? 1 : cUnit === null || candidate.unit === null ? 0.6 : 0.7) : 0;
  if (!units.compatible) compatible = false;
  const cPer = normalizePer(commitment.target?.per) ?? perFromIndicator(commitment.indicator);
  const xPer = normalizePer(candidate.per) ?? perFromIndicator(candidate.indicator);
  if (cPer !== xPer) {
    // 每万老年人27人 and 持证护理员886人 are both 人 but not the same measure.
    compatible = false;
    unitScore = 0;
    reasons.push(`分母不一致：${cPer ?? "无"}/${xPer ?? "无"}`);
  }
  reasons.push(units.reason + (cPer !== null && cPer === xPer ? `/${cPer}` : ""));

  // Place.
  let regionScore = 0.6;
  let relation = relateRegions(context.commitment.region, context.candidate.region);
  const cr = context.commitment.region ?? "";
  const xr = context.candidate.region ?? "";
  // 区民政局 on a page that names only 杭州市: a district of that city, which one unwritten
  const xLower = unnamedLowerLevel(context.candidate);
  const cLower = unnamedLowerLevel(context.commitment);
  if (relation === "same" && xLower !== cLower) {
    relation = xLower ? "contains" : "within";
    reasons.push(xLower ? `数据来自${xr}下属的${context.candidate.agency}，不是${cr}本级的数据` : `承诺来自${cr}下属的${context.commitment.agency}，${xr}本级的数据不能判定`);
  } else if ((relation === "within" && xLower && cr.endsWith(xLower)) || (relation === "contains" && cLower && xr.endsWith(cLower))) {
    relation = "unknown";
    reasons.push(xLower ? `数据来自${xr}的${context.candidate.agency}，未写明哪个${xLower}，可能是${cr}的数据` : `承诺来自${cr}的${context.commitment.agency}，未写明哪个${cLower}，可能是${xr}的`);
    regionScore = 0.6;
  }
  switch (relation) {
    case "same":
      regionScore = 1;
      reasons.push(`同一地区：${cr}`);
      break;
    case "contains":
      regionScore = 0;
      reasons.push(`下级地区：${xr}属于${cr}，不是${cr}的数据`);
      break;
    case "within":
      regionScore = 0;
      reasons.push(`上级地区：${xr}包含${cr}，不是${cr}的数据`);
      break;
    case "different_province":
      regionScore = 0;
      compatible = false;
      reasons.push(`不同省份：${cr}/${xr}`);
      break;
    case "different":
      regionScore = 0;
      reasons.push(`地区不同：${cr}/${xr}`);
      break;
    case "unknown":
      if (cr !== "" && xr === "") reasons.push(`数据地区不明，不能作为${cr}的数据`);
      else if (cr === "" || xr === "") reasons.push("地区未知");
      break;
  }
  const ca = context.commitment.agency?.trim();
  const xa = context.candidate.agency?.trim();
  const sameAgency = !!ca && ca === xa;
  if (sameAgency) reasons.push(`同一单位：${ca}`);

  let score = W_INDICATOR * sim + W_UNIT * unitScore + W_REGION * regionScore + W_AGENCY * (sameAgency ? 1 : 0.5);
  if (relation === "different" || relation === "contains" || relation === "within") score *= DIFFERENT_PLACE_FACTOR;
  // A figure of no known place says nothing about a known place's pledge (issue 8 §3)…
  if (relation === "unknown" && cr !== "" && xr === "") score *= DIFFERENT_PLACE_FACTOR;
  // …and a pledge whose page names no place gets a known place's figure only when it scores well on
  // everything else: a city's 新增认知障碍照护专区床位1202张 is not a district table's pledge of 100 for
  // that reason alone. A national figure, or one from the pledge's own agency, is not discounted.
  if (relation === "unknown" && cr === "" && xr !== "" && !isNational(xr) && !sameAgency) score *= UNKNOWN_PLEDGE_PLACE_FACTOR;

  // Stage: 开工建设“口袋公园”88个,目前已建成64个 — where a sentence gives both, the parks begun are not
  // the parks a pledge to build 100 counts (a pledge of starts, 新开工改造…, is matched by starts; and
  // where starts are all a page reports, 新开工改造城镇老旧小区5.3万个, they are the progress it gives)
  if (candidate.kind === "observation" && STARTED.test(candidate.indicator) && !/开工/.test(commitment.indicator) && /建成|完工|竣工/.test(candidate.sentence ?? "")) {
    score *= STAGE_FACTOR;
    reasons.push(`数据为开工数（${candidate.indicator}），承诺计的是建成`);
  }

  // Dates.
  const statedOn = isoDay(commitment.statedOn);
  const when = isoDay(candidate.kind === "observation" ? candidate.asOf : (candidate.statedOn ?? candidate.asOf));
  if (when === null) {
    score *= UNDATED_FACTOR;
    reasons.push("日期不明");
  } else if (statedOn !== null && when < statedOn) {
    score *= BEFORE_PLEDGE_FACTOR;
    reasons.push(
      candidate.kind === "observation"
        ? `数据截至${formatDate(when)}，早于承诺（${formatDay(statedOn)}），只能作基线，不是进展`
        : `该承诺（${formatDay(when)}）早于原承诺（${formatDay(statedOn)}）`,
    );
  } else if (statedOn !== null && when === statedOn && candidate.kind === "observation") {
    score *= SAME_DAY_FACTOR;
    reasons.push(`数据与承诺同日（${formatDay(when)}），可能是基线`);
  } else if (candidate.kind === "observation") {
    const due = isoDay(commitment.due?.date);
    if (due !== null && commitment.target?.mode === "increment" && laterYearsIncrement(statedOn, due, when) && (/新增/.test(commitment.indicator + candidate.indicator + (candidate.sentence ?? "")) || PART_OF_YEAR.test(candidate.sentence ?? ""))) {
      // 2024年新增城镇就业2.7万人 and 2025年上半年…1.34万人: another year's additions, not this pledge's
      score *= LATER_YEAR_FACTOR;
      reasons.push(`数据截至${formatDate(when)}，是期限（${formatDay(due)}）之后另一年度的新增，不是该年度承诺的进展`);
    } else {
      reasons.push(
        due !== null && when > due
          ? `数据截至${formatDate(when)}，晚于期限，可用于判定是否完成`
          : `数据截至${formatDate(when)}，在承诺之后`,
      );
    }
  } else {
    reasons.push(`后续承诺（${formatDay(when)}）`);
  }

  // Magnitude: only for counts of the same kind, where a 50× gap means another place or measure.
  const target = commitment.target?.value;
  const value = candidate.value;
  if (units.compatible && units.exact && target !== undefined && value !== null && value !== undefined && target > 0 && value > 0 && cUnit !== "%") {
    const ratio = Math.max(target, value) / Math.min(target, value);
    if (ratio > SCALE_RATIO_LIMIT) {
      score *= SCALE_FACTOR;
      reasons.push(`数值量级相差较大：${formatNumber(value)} / 目标${formatNumber(target)}`);
    }
  }
  // (counts in two measure words, 个 and 座, are still counts of the same thing)
  if (units.compatible && target !== undefined && value !== null && value !== undefined && target > 0 && value > 0 && cUnit !== "%") {
    // 新改建…护理型床位600张 and 其中护理型床位1.65万张: a figure many times a number to deliver is a stock
    // or a total over more years (新改建农村公路4万公里 in 十四五 against 5000公里 this year), not its progress
    if (candidate.kind === "observation" && commitment.target?.mode === "increment" && value > INCREMENT_OVERSHOOT * target) {
      score *= INCREMENT_OVERSHOOT_FACTOR;
      reasons.push(`远超新增目标（${formatNumber(value)} / ${formatNumber(target)}）：更像存量或多年累计`);
    } else if (candidate.kind === "observation" && commitment.target?.mode === "increment" && value > target && isStockFigure(candidate.sentence ?? null, value)) {
      // 新建5G基站4.8万座 against 累计建成5G基站98613座: everything ever built, not this period's additions
      score *= INCREMENT_OVERSHOOT_FACTOR;
      reasons.push(`数据为累计存量（${formatNumber(value)}），不是新增`);
    } else if (candidate.kind === "observation" && commitment.target?.mode === "increment" && value > PERIOD_OVERSHOOT * target && spansEarlierYears(candidate.sentence ?? null, commitment.due?.date ?? null, commitment.statedOn ?? null)) {
      // 2019年至2023年,全国累计新开工改造…22万个 against 2023年计划…5.3万个: the total of several years
      score *= INCREMENT_OVERSHOOT_FACTOR;
      reasons.push(`数据为多年累计（${formatNumber(value)} / ${formatNumber(target)}），不是本期新增`);
    } else if (candidate.kind === "observation" && commitment.target?.mode === "increment" && countsOneLaterYear(candidate.sentence ?? null, commitment.statedOn ?? null, commitment.due?.date ?? null, candidate.asOf ?? null)) {
      // 到2025年完成1500万人次培训 (made in 2022) against 2024年截至6月底已完成163.45万人次,完成年度目标的…: one year's count
      score *= INCREMENT_OVERSHOOT_FACTOR;
      reasons.push(`数据只计${candidate.asOf?.slice(0, 4)}年当年（${formatNumber(value)}），不是多年目标的累计进度`);
    }
  }

  if (!compatible) score *= INCOMPATIBLE_FACTOR;
  return { score: Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0)), reasons, compatible };
}

/** An extracted observation as a candidate (only the fields matching reads). */
export function observationCandidate(o: {
  indicator: string;
  value: number;
  unit: string | null;
  per?: string;
  asOf: string | null;
  quote?: string | null;
}): MatchCandidate {
  return { kind: "observation", indicator: o.indicator, unit: o.unit, per: o.per ?? null, value: o.value, asOf: o.asOf, ...(o.quote ? { sentence: o.quote } : {}) };
}

/** A later pledge as a candidate. */
export function commitmentCandidate(c: TrackedCommitment): MatchCandidate {
  return {
    kind: "commitment",
    indicator: c.indicator,
    unit: c.target?.unit ?? null,
    per: c.target?.per ?? null,
    value: c.target?.value ?? null,
    statedOn: c.statedOn,
    due: c.due?.date ?? null,
  };
}

// --- revisions --------------------------------------------------------------------------------

export type RevisionKind =
  | "target_raised"
  | "target_lowered"
  | "date_moved_later"
  | "date_moved_earlier"
  | "measure_changed"
  | "restated"
  /** not a change between two pledges: a follow-up document no longer mentions the pledge */
  | "dropped";

export interface Revision {
  /** the change that matters most to a deputy: weakenings before strengthenings */
  kind: RevisionKind;
  changes: RevisionKind[];
  /** stricter: more demanded or sooner; looser: less or later; mixed: both */
  ambition: "stricter" | "looser" | "mixed" | "same";
  description: string;
}

const PRIORITY: RevisionKind[] = ["measure_changed", "target_lowered", "date_moved_later", "target_raised", "date_moved_earlier"];

/**
 * How a later pledge on the same indicator revises an earlier one. `target_raised` / `lowered`
 * describe the number; for a ceiling (不超过) a lower number is the stricter pledge, which
 * `ambition` states.
 */
export function classifyRevision(earlier: TrackedCommitment, later: TrackedCommitment): Revision {
  const changes: RevisionKind[] = [];
  const parts: string[] = [];
  let stricter = 0;
  let looser = 0;
  const te = earlier.target;
  const tl = later.target;
  if (te && tl) {
    const units = compareUnits(te.unit, tl.unit);
    if (!units.compatible || (normalizePer(te.per) ?? null) !== (normalizePer(tl.per) ?? null)) {
      changes.push("measure_changed");
      parts.push(`口径改变：${formatTarget(te)} → ${formatTarget(tl)}`);
    } else if (Math.abs(tl.value - te.value) > 1e-9 * Math.max(1, Math.abs(te.value))) {
      const up = tl.value > te.value;
      changes.push(up ? "target_raised" : "target_lowered");
      const ceiling = tl.comparator === "<=";
      const tighter = ceiling ? !up : up;
      if (tighter) stricter++;
      else looser++;
      parts.push(`目标由${formatTarget(te)}${up ? "提高" : "降低"}到${formatTarget(tl)}${ceiling ? (tighter ? "（要求更严）" : "（要求放宽）") : ""}`);
    }
  } else if (te && !tl) {
    looser++;
    changes.push("target_lowered");
    parts.push(`不再给出具体目标（原为${formatTarget(te)}）`);
  } else if (!te && tl) {
    stricter++;
    changes.push("target_raised");
    parts.push(`新给出具体目标${formatTarget(tl)}`);
  }
  const de = isoDay(earlier.due?.date);
  const dl = isoDay(later.due?.date);
  if (de !== null && dl !== null && de !== dl) {
    const later_ = dl > de;
    changes.push(later_ ? "date_moved_later" : "date_moved_earlier");
    if (later_) looser++;
    else stricter++;
    parts.push(`期限由${formatDate(de)}${later_ ? "推迟" : "提前"}到${formatDate(dl)}`);
  } else if (de !== null && dl === null) {
    changes.push("date_moved_later");
    looser++;
    parts.push(`不再给出期限（原为${formatDate(de)}）`);
  } else if (de === null && dl !== null) {
    changes.push("date_moved_earlier");
    stricter++;
    parts.push(`新设期限${formatDate(dl)}`);
  }
  if (changes.length === 0) {
    return { kind: "restated", changes: ["restated"], ambition: "same", description: "重申原承诺，目标和期限未变。" };
  }
  const kind = PRIORITY.find((k) => changes.includes(k)) ?? changes[0];
  const ambition = stricter > 0 && looser > 0 ? "mixed" : stricter > 0 ? "stricter" : looser > 0 ? "looser" : "same";
  return { kind, changes, ambition, description: `${parts.join("；")}。` };
}

/** Something a later document says about an indicator: a pledge's target unit or an observation's unit. */
export interface LaterMention {
  indicator: string;
  unit: string | null;
}

/** What a later pledge mentions, for findDropped. */
export function mentionOf(c: Pick<TrackedCommitment, "indicator" | "target" | "baseline">): LaterMention {
  return { indicator: c.indicator, unit: c.target?.unit ?? c.baseline?.unit ?? null };
}

/**
 * Earlier commitments that nothing in a later document mentions — no pledge restating them, no
 * figure reporting on them: candidates for "quietly dropped", for a reviewer to look at (a pledge may
 * also simply have been kept). Compared by indicator and unit only; the caller chooses which
 * documents count as a follow-up of the earlier one (same agency and place).
 */
export function findDropped(
  earlier: readonly TrackedCommitment[],
  later: readonly LaterMention[],
  threshold = PROPOSE_THRESHOLD,
): TrackedCommitment[] {
  return earlier.filter(
    (e) =>
      e.kind !== "qualitative" &&
      !later.some(
        (l) =>
          indicatorSimilarity(e.indicator, l.indicator) >= threshold &&
          compareUnits(e.target?.unit ?? e.baseline?.unit ?? null, l.unit).compatible,
      ),
  );
}
