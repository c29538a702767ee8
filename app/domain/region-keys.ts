// Region keys for finding link candidates through an index (docs/decisions/0014): a commitment is
// stored with the key of its document's place, and a new document looks for earlier commitments of
// the same place and of no known place. Another place's pledge is never a candidate — scoreMatch
// would keep it under the threshold anyway (decision 0012).
import { isNational, leadingPlace, normalizeRegion, regionPath, relateRegions } from "./regions";

/** The key of national documents (全国, 国务院 …). */
export const NATIONAL_KEY = "全国";
/** The key of documents whose place is unknown. */
export const UNKNOWN_KEY = "";

/**
 * A place as one string: its gazetteer path ("浙江省/宁波市/慈溪市") when the name resolves, the
 * national key, the written name otherwise, and "" when there is no place.
 */
export function regionKey(region: string | null | undefined): string {
  const r = normalizeRegion(region);
  if (r === null) return UNKNOWN_KEY;
  if (isNational(r)) return NATIONAL_KEY;
  const path = regionPath(r);
  return path && path.length > 0 ? path.join("/") : r;
}

/** The place a stored key names, for scoring: the last piece of its path; null for no place. */
export function regionOfKey(key: string | null | undefined): string | null {
  if (!key) return null;
  return key.split("/").pop() ?? null;
}

/**
 * The keys whose commitments a document of `region` may report on: its own place and unknown
 * places. Places containing it or inside it are not read — their figures are not the same place's
 * (scoreMatch keeps them under the threshold, decisions 0012 and 0014). Null when the document's own
 * place is unknown: then every place is a candidate.
 */
export function candidateRegionKeys(region: string | null | undefined, agency?: string | null): string[] | null {
  const key = regionKey(region);
  if (key === UNKNOWN_KEY) return null;
  // 区民政局 on a page that names only 杭州市: also the city's districts (a key ending in "/" reads
  // every key under it); scoreMatch says which one may be meant
  const levels = unnamedLowerLevel({ region, agency }) ? (regionPath(region)?.length ?? 0) : 0;
  if (levels === 1 || levels === 2) return [key, UNKNOWN_KEY, `${key}/`];
  return [key, UNKNOWN_KEY];
}

/**
 * The level a party's agency is written at when it names no place of its own (区民政局, 县教育局) and
 * its page names a place above that level (杭州市): "区" or "县", else null.
 */
export function unnamedLowerLevel(party: { region?: string | null; agency?: string | null }): "区" | "县" | null {
  const agency = party.agency?.trim() ?? "";
  const region = party.region ?? "";
  const level = /^([区县])[\p{Script=Han}]{1,12}(?:局|委|办|中心)/u.exec(agency)?.[1] as "区" | "县" | undefined;
  return level && /(?:市|州|盟|省|自治区)$/.test(region) ? level : null;
}

// What a sentence may open with before its subject: an item number, a date, a connective.
const SENTENCE_OPENING =
  /^(?:[\s|]*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|截至[^,，;；。]{1,14}[,，]?|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|以来)?[,，]?|(?:\d{4}年)?\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?[,，]?|(?:前|第)?[一二三四1-4](?:个)?季度(?:末)?[,，]?|(?:其中|同时|另外|此外|目前|近年来|去年|今年)[,，]?))+/;

/**
 * The place a figure is of: the place its sentence opens with (北京的轨道交通运营线路增加到30条 in a
 * national bulletin, 普陀区新增养老床位 in a city's report) when that differs from the document's,
 * else the document's own place. A national bulletin's sentence about one city is that city's figure,
 * not the country's (issue 8 §3).
 */
export function figurePlace(sentence: string, documentRegion: string | null | undefined): string | null {
  const rest = sentence.replace(SENTENCE_OPENING, "");
  // 1-8月份,全国新开工改造城镇老旧小区4.2万个: the country's figure, whoever reports it
  if (/^(?:全国|我国|全國|我國)/.test(rest)) return "全国";
  // …on a page of no known place, a clause that opens with 全国 (根据各地统计上报数据,1—6月份,全国新开工…)
  if (!documentRegion && /[,，](?:[^,，;；。]{0,12}[,，])?(?:全国|我国|全國|我國)/.test(rest)) return "全国";
  let lead = rest.length > 0 ? leadingPlace(rest) : null;
  if (lead === null && documentRegion && rest.length > 0) {
    // 普陀区 alone is ambiguous (上海, 舟山); read after the document's place it is not
    const within = leadingPlace(documentRegion + rest);
    if (within !== null && within.length > documentRegion.length) return documentRegion + within.name;
  }
  if (lead === null) return documentRegion ?? null;
  if (documentRegion && relateRegions(documentRegion, lead.name) === "same") return documentRegion;
  return lead.name;
}
