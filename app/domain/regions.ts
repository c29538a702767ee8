// Place names, only as far as matching needs them: is this the same place, a place inside it, or
// another province? Province-level names are a closed list; anything below that is compared by
// its written name, because telling 慈溪市 is in 宁波市 would need a full gazetteer.

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

/** The province a region name starts with (浙江省杭州市 → 浙江), or null when it does not say. */
export function provinceOf(region: string): string | null {
  for (const p of PROVINCES) if (region.startsWith(p)) return p;
  return null;
}

function stripSuffix(name: string): string {
  return name.replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔|自治州|地区|盟|县|区|旗)+$/, "");
}

export type RegionRelation = "same" | "contains" | "within" | "different_province" | "different" | "unknown";

/**
 * How region `a` (the commitment's) relates to region `b` (the candidate's): `contains` when b is
 * inside a (浙江省 ⊃ 浙江省杭州市, 全国 ⊃ 浙江省), `within` the other way round.
 */
export function relateRegions(a: string | null | undefined, b: string | null | undefined): RegionRelation {
  const ra = normalizeRegion(a);
  const rb = normalizeRegion(b);
  if (ra === null || rb === null) return "unknown";
  if (ra === rb || stripSuffix(ra) === stripSuffix(rb)) return "same";
  const na = isNational(ra);
  const nb = isNational(rb);
  if (na && nb) return "same";
  if (na) return "contains";
  if (nb) return "within";
  if (rb.startsWith(ra) || rb.startsWith(stripSuffix(ra))) return "contains";
  if (ra.startsWith(rb) || ra.startsWith(stripSuffix(rb))) return "within";
  const pa = provinceOf(ra);
  const pb = provinceOf(rb);
  if (pa !== null && pb !== null && pa !== pb) return "different_province";
  return "different";
}
