import type { TimeParser } from "../types";

// 十四五(期间/末) → 2025-12-31; 十五五 → 2030-12-31 (GUIDE §2). From the third plan (1966–1970) on,
// plans follow each other without a gap, so the N-th ends in 1955 + 5N (the 1963–65 adjustment years
// sit between the second and the third).
const ORDINAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export const planPeriod: TimeParser = {
  name: "plan-period",
  trigger: /十.五/,
  needs: "十",
  pattern: /(?:到|至|在)?“?十([一二三四五六七八九])五”?(?:规划)?(?:以来|期间|期末|末|时期|时|内)?/g,
  extract(m, ctx) {
    const n = 10 + ORDINAL[m[1]];
    const endYear = 1955 + 5 * n;
    if (m[0].endsWith("以来")) return { role: "since", date: `${endYear - 4}-01-01`, precision: "year", certainty: "stated" };
    // “十三五”时期…达到77.3岁 in 2022: a period that is over dates a result, it is no deadline
    if (ctx.docDate && ctx.docDate > `${endYear}-12-31` && !/^(?:到|至)/.test(m[0])) return { role: "asOf", date: `${endYear}-12-31`, precision: "year", certainty: "stated" };
    return { role: "due", date: `${endYear}-12-31`, precision: "year", certainty: "stated" };
  },
};
