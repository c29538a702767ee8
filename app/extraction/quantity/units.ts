// Units as agencies write them after a number. Longest first, so 人次 wins over 人.
export const UNITS = [
  "个百分点", "百分点", "微克/立方米", "毫克/升", "微克", "毫克", "个工作日", "工作日", "个月", "平方公里", "平方米", "立方米", "平米", "方米", "千瓦时", "千瓦", "公顷", "批次", "公斤", "斤", "万人次", "人次", "户次", "床位", "公里",
  "万元", "亿元", "元", "%", "‰",
  "家", "个", "张", "人", "名", "位", "所", "座", "处", "间", "套", "户", "项", "件", "次", "期", "场次", "场",
  "辆", "台", "条", "支", "类", "种", "门", "本", "份", "部", "只", "吨", "亩", "米", "倍", "床", "大", "对", "例", "册", "块", "栋", "幢", "村", "镇", "穴", "盏", "口", "眼", "艘", "架",
];

/** Units that count people: 人 and 名 are the same measure; 人次 is not. */
export function unitClass(unit: string | null): string | null {
  if (unit === null) return null;
  if (unit === "人" || unit === "名" || unit === "位") return "person";
  if (unit === "家" || unit === "个" || unit === "所" || unit === "座" || unit === "处" || unit === "大") return "place";
  if (unit === "张" || unit === "床" || unit === "床位") return "bed";
  return unit;
}

/** A bare 万/亿 before a count unit is expanded (1.2万人 → 12000 人); money and measures keep it: 万元, 亿元, 万吨, 万亩 (GUIDE §2). */
export const MONEY_UNITS = new Set(["元", "吨", "立方米", "亩", "斤", "公斤", "千瓦", "千瓦时", "平方米", "公顷"]);

/** 平米 and 方米 (as pages often shorten 平方米) are 平方米. */
export const UNIT_ALIAS: Record<string, string> = { 平米: "平方米", 方米: "平方米" };

/** Words before a unitless number that say what it counts: 人数达到7000以上 → 人. */
export function unitFromNoun(before: string): string | null {
  if (/(人数|人员|人口|老人|老年人|居民|职工|学生|群众|人)(?:总数|规模|数量)?(?:已经|已|将|要)?(?:达到|达|为|超过|突破|增至|增加到|提高到|稳定在|保持在|不少于|不低于|至少|约|近)?$/.test(before)) return "人";
  if (/(户数|户)(?:已经|已)?(?:达到|达|为|超过|突破)?$/.test(before)) return "户";
  if (/(床位数|床位)(?:总数)?(?:已经|已)?(?:达到|达|为|超过|突破)?$/.test(before)) return "张";
  if (/(人次)(?:已经|已)?(?:达到|达|为|超过|突破)?$/.test(before)) return "人次";
  return null;
}
