// Units and denominators: which readings can be compared at all. The extractor keeps the unit as
// written (家, 名, 张, %, 人次 …) and has already expanded 万/亿 for bare counts (GUIDE §2), so
// here only the classifier's meaning matters.

export type UnitDimension =
  | "share" // %, a rate or coverage
  | "permille"
  | "people" // 人 / 名: the same thing counted
  | "person_times" // 人次: visits or trainings, not heads
  | "beds" // 张
  | "times" // 次, 场, 期: events
  | "money"
  | "count" // generic classifiers: 个 家 所 处 …
  | "unknown";

const GENERIC_COUNT = new Set(["个", "家", "所", "处", "座", "间", "站", "条", "项", "支", "户", "套", "台", "辆", "件", "类", "批", "种", "部", "只"]);

export function normalizeUnit(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined) return null;
  const u = unit.normalize("NFKC").trim();
  return u === "" ? null : u;
}

export function unitDimension(unit: string | null | undefined): UnitDimension {
  const u = normalizeUnit(unit);
  if (u === null) return "unknown";
  if (u === "%" || u === "个百分点") return "share";
  if (u === "‰") return "permille";
  if (u === "人" || u === "名" || u === "位") return "people";
  if (u === "人次" || u === "名次") return "person_times";
  if (u === "张") return "beds";
  if (u === "次" || u === "场" || u === "期" || u === "届") return "times";
  if (/^(元|万元|亿元|千元)$/.test(u)) return "money";
  if (GENERIC_COUNT.has(u)) return "count";
  return "unknown";
}

/** Units whose target can start from zero: things counted, not rates or money. */
export function isCountUnit(unit: string | null | undefined): boolean {
  const d = unitDimension(unit);
  return d === "people" || d === "person_times" || d === "beds" || d === "times" || d === "count";
}

export interface UnitComparison {
  compatible: boolean;
  /** same unit (or a plain synonym such as 人/名); false when compatible only loosely */
  exact: boolean;
  reason: string;
}

export function compareUnits(a: string | null | undefined, b: string | null | undefined): UnitComparison {
  const ua = normalizeUnit(a);
  const ub = normalizeUnit(b);
  if (ua === null || ub === null) {
    return { compatible: true, exact: false, reason: `单位未知：${ua ?? "—"}/${ub ?? "—"}` };
  }
  if (ua === ub) return { compatible: true, exact: true, reason: `单位一致：${ua}` };
  const da = unitDimension(ua);
  const db = unitDimension(ub);
  if (da === "people" && db === "people") return { compatible: true, exact: true, reason: `单位一致：${ua}/${ub}` };
  // 万元 vs 亿元: the same dimension, a reviewer converts; flagged as loose.
  if (da === "money" && db === "money") return { compatible: true, exact: false, reason: `单位同为金额：${ua}/${ub}` };
  // 个 vs 家 for the same facilities is common across agencies (站点1000个 / 1221家).
  if (da === "count" && db === "count") return { compatible: true, exact: false, reason: `量词不同但均为计数：${ua}/${ub}` };
  return { compatible: false, exact: false, reason: `单位不可比：${ua}/${ub}` };
}

/** 每万名老年人 → 每万老年人; 每万老人 → 每万老年人; full-width folded. */
export function normalizePer(per: string | null | undefined): string | null {
  if (per === null || per === undefined) return null;
  let p = per.normalize("NFKC").replace(/\s+/g, "");
  p = p.replace(/^(每(?:十万|百万|千万|万|千|百)?)名/, "$1");
  p = p.replace(/老人/g, "老年人").replace(/老年人口/g, "老年人");
  p = p.replace(/每(十万|百万|千万|万|千|百)?(?:个)?常住人口/, "每$1人口");
  return p === "" ? null : p;
}

const PER_IN_TEXT = /每(?:十万|百万|千万|万|千|百)名?(?:常住)?(?:老年人口|老年人|老人|人口|户籍人口|人)/;

/** A denominator written into an indicator (每万老年人拥有持证养老护理员) rather than into `per`. */
export function perFromIndicator(indicator: string): string | null {
  const m = PER_IN_TEXT.exec(indicator.normalize("NFKC"));
  return m ? normalizePer(m[0]) : null;
}

export function stripPerFromIndicator(indicator: string): string {
  return indicator.normalize("NFKC").replace(PER_IN_TEXT, "").replace(/^拥有/, "");
}
