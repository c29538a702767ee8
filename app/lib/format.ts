// Readable Chinese renderings of stored values. Pure, shared by every page.

export const KIND_LABELS = {
  quantitative: "量化指标",
  milestone: "节点任务",
  qualitative: "定性表述",
} as const;

export const FIRMNESS_LABELS: Record<string, string> = {
  guarantee: "确保",
  strive: "力争",
  plan: "计划",
  intend: "拟/将",
  explore: "研究",
};

export const PRECISION_LABELS: Record<string, string> = { year: "年", month: "月", day: "日" };

const COMPARATOR_SYMBOLS: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "" };

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function firmnessLabel(firmness: string | null): string {
  if (!firmness) return "—";
  return FIRMNESS_LABELS[firmness] ?? firmness;
}

/** 85.78 → "85.78", 12000 → "12,000", 0.5 → "0.5" */
export function formatNumber(value: number): string {
  return value.toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}

export interface TargetFields {
  target_value: number | null;
  target_value_max: number | null;
  target_unit: string | null;
  target_per: string | null;
  target_comparator: string | null;
  target_mode: string | null;
}

/** "≥ 27 人/每万老年人", "2–3 个", "新增 169 张", "≤ 10 %"; "—" when there is no number. */
export function formatTarget(t: TargetFields): string {
  if (t.target_value === null) return "—";
  const symbol = COMPARATOR_SYMBOLS[t.target_comparator ?? "="] ?? "";
  const amount =
    t.target_value_max !== null && t.target_value_max !== t.target_value
      ? `${formatNumber(t.target_value)}–${formatNumber(t.target_value_max)}`
      : formatNumber(t.target_value);
  const unit = t.target_unit ? ` ${t.target_unit}` : "";
  const per = t.target_per ? `/${t.target_per}` : "";
  const prefix = t.target_mode === "increment" ? "新增 " : "";
  return `${prefix}${symbol ? `${symbol} ` : ""}${amount}${unit}${per}`;
}

export function formatValue(value: number | null, unit: string | null, per?: string | null): string {
  if (value === null) return "—";
  return `${formatNumber(value)}${unit ? ` ${unit}` : ""}${per ? `/${per}` : ""}`;
}

/** ISO date at a precision: "2027年", "2025年11月", "2022年9月30日". */
export function formatDate(iso: string | null, precision: string | null = "day"): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (precision === "year") return `${y}年`;
  if (precision === "month") return `${y}年${Number(mo)}月`;
  return `${y}年${Number(mo)}月${Number(d)}日`;
}

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  // Shown in China Standard Time regardless of where the server runs.
  const cst = new Date(date.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}-${pad(cst.getUTCMonth() + 1)}-${pad(cst.getUTCDate())} ${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}`;
}

export function addresseeLabel(addressee: string | null, role: string | null): string {
  if (!addressee) return "—";
  return role ? `${addressee}${role}` : addressee;
}
