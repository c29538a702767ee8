// Chinese numerals: 一千二百三十五, 两千零五, 十五, 三万五千, 二〇二五 (digit by digit), 百分之八十.
// nzh's decodeS misreads 两百 / 两千零五 (HOUSE_STYLE), so this small parser is ours and tested.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export const CHINESE_NUMERAL_CHARS = "零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億";

/** Parses a run of Chinese numeral characters; returns null when it is not a well-formed number. */
export function parseChineseNumeral(run: string): number | null {
  if (!run) return null;
  // 二〇二五 / 一九九八: positional digits without units (years); 三四 is "three or four", not 34
  if ((run.length === 4 || /[〇零]/.test(run)) && run.length >= 2 && [...run].every((c) => c in DIGITS)) {
    let v = 0;
    for (const c of run) v = v * 10 + DIGITS[c];
    return v;
  }
  let yi = 0; // completed 亿 groups
  let wan = 0; // completed 万 group inside the current 亿 group
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = Infinity;
  let lastBig = 0;
  for (const c of run) {
    if (c in DIGITS) {
      if (digit !== null && DIGITS[c] !== 0) return null; // 三四 is not one number
      if (DIGITS[c] === 0) lastUnit = Infinity; // 两千零五: after 零 any smaller unit may follow
      else digit = DIGITS[c];
    } else if (c in SMALL_UNITS) {
      const u = SMALL_UNITS[c];
      if (u >= lastUnit) return null; // 十百 is malformed
      section += (digit ?? 1) * u; // 十五 = 1×10 + 5
      digit = null;
      lastUnit = u;
    } else if (c in BIG_UNITS) {
      const u = BIG_UNITS[c];
      const group = section + (digit ?? 0);
      if (u === 1e8) {
        if (group === 0 && wan === 0 && yi === 0) return null;
        yi = (yi + wan + group) * 1e8;
        wan = 0;
      } else {
        if (group === 0) return null;
        wan = group * 1e4;
      }
      section = 0;
      digit = null;
      lastUnit = Infinity;
      lastBig = u;
    } else {
      return null;
    }
  }
  // 两千五 = 2500 (an elided unit after the last unit), 一万五 = 15000, 三亿五 = 350000000
  if (digit !== null) {
    if (lastUnit !== Infinity && lastUnit >= 10) section += digit * (lastUnit / 10);
    else if (lastBig && section === 0 && /[万萬亿億]$/.test(run.slice(0, -1))) section += digit * (lastBig / 10);
    else section += digit;
  }
  return yi + wan + section;
}
