// Numbers with their units, bounds and ranges, found in a shadow sentence: 1,235家, 23.77万张,
// 4600万以上, 7,037.91万元, 85.78%, 2—3个, 1200余人, 约860名, 不少于348人, 不低于20%, 百分之八十,
// 两千人, 翻一番. Years, dates, ages, durations, document numbers and titles are not quantities.
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "../numerals/chinese";
import { startScan } from "../text/starts";
import { MONEY_UNITS, UNIT_ALIAS, UNITS, unitFromNoun } from "./units";
import { leadingPlace } from "../../domain/regions";
import type { Comparator } from "../types";

export interface Quantity {
  start: number;
  end: number;
  /** where the number itself starts (after any bound word) */
  numberStart: number;
  value: number;
  valueMax?: number;
  unit: string | null;
  comparator: Comparator | null; // from bound words only; null = not stated
  approximate: boolean;
  /** written with Chinese numerals (一家, 两千人) */
  chinese: boolean;
  text: string;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const AR = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

const UNIT_RE = UNITS.map((u) => u.replace(/[%‰]/g, (c) => c)).join("|");
const RANGE_SEP = String.raw`(?:-|至|到|~)`;
// a run of Chinese numerals is a number only when a unit, a multiplier or a bound follows (一步, 统一 are words)
const NUM = `(?:${AR}|(?<=百分之)${CN}+|${CN}+(?=(?:余|多)?(?:[万亿千])?(?:余|多)?(?:${UNIT_RE}|以上|以下|左右|${RANGE_SEP})))`;

const PRE_BOUND = "缩短至|缩短到|压缩至|压缩到|不少于|不低于|不超过|不高于|不多于|至少|超过|多于|高于|低于|少于|逾|突破|达到|达|约|大约|近|接近|控制在|保持在|稳定在|提高到|提升到|提高至|提升至|增至|增加到|降至|降低到|力争|年均";
const QTY = new RegExp(
  String.raw`(${PRE_BOUND})?(百分之)?(${NUM})(余|多)?(万亿?|[亿千])?(余|多)?` +
    String.raw`(?:(${UNIT_RE})?${RANGE_SEP}(${NUM})(余|多)?(万亿?|[亿千])?)?` +
    String.raw`(${UNIT_RE})?(?:\([^)]{1,3}\)(?=以上|以下|以内|及以上|左右))?(以上|以下|以内|及以上|左右|之内|上下)?`,
  "u",
);
/**
 * The quantity pattern tried only where a match can start — a bound word, 百分之, or the number itself
 * (a digit or a Chinese numeral): the regex engine tried its bound words at every position it
 * passed, and after a numeral that starts no quantity (进一步) it went on through the rest of the
 * sentence that way.
 */
const QTY_AT = startScan(QTY, `${PRE_BOUND.split("|").map((w) => w[0]).join("")}百0123456789${CHINESE_NUMERAL_CHARS}`);

// After the number, these make it a date, an ordinal, an age, a duration or a code, not a quantity.
const NOT_QUANTITY_AFTER = /^(?:年|月|日|号|届|次会议|周岁|岁|时|点|分钟|小时|天|周|世纪|后|级|星|[A-Za-z+＋]|\.\d|:\d|－|-\d)/;
// 控制在12分钟以内 / 缩短至8小时: a bounded duration is a target
const DURATION = /^(分钟|小时|个工作日|工作日|天|日)/;
// 公交站点500米覆盖率 / 15分钟生活圈: a distance or time that qualifies a noun
const QUALIFIER_AFTER = /^(?:米|公里|分钟|小时)?(?:覆盖|服务半径|半径|范围|以内的|生活圈|服务圈|如厕圈|便民圈|圈)/;
// Idioms built from numerals: 两张皮, 一张网, 一盘棋, 一揽子, 一件事 …
const IDIOM_AFTER = /^(?:张皮|张网|张图|张蓝图|张清单|盘棋|揽子|条龙|件事|站式|体化|体|线|流|批|些|系列|道|起|方面|手|把手|号)/;

function parseArabic(s: string): number {
  // (most numbers have no thousands separator: the replace, a regex run, only where one is)
  return Number(s.includes(",") ? s.replace(/,/g, "") : s);
}

function parseNum(s: string): number | null {
  if (/\d/.test(s)) return parseArabic(s);
  return parseChineseNumeral(s);
}

// the characters a number can start with, [0-9${CHINESE_NUMERAL_CHARS}], as a table: finding the
// next one is a loop over char codes (the regex engine took ~9 ns a character for this class)
const NUMERAL = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (const ch of CHINESE_NUMERAL_CHARS) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Index of the first digit or Chinese numeral at or after `from`, or -1. */
function nextNumeral(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (NUMERAL[s.charCodeAt(i)] === 1) return i;
  return -1;
}
// UNIT_ALIAS as a Map: looking a unit (a fresh substring) up as an object's key was one in ten of
// this function's samples; the units are no names of Object.prototype's, so both say the same
const ALIASES = new Map(Object.entries(UNIT_ALIAS));
const MULT: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 万亿: 1e12 };

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function findQuantities(s: string, exclude: (pos: number) => boolean = () => false): Quantity[] {
  const out: Quantity[] = [];
  if (nextNumeral(s, 0) < 0) return out;
  // The full pattern opens with optional bound words, so the regex engine would try it at every
  // position; instead jump to each numeral and start the pattern a few characters before it (a
  // bound word is at most five long). Leftmost-match semantics make this the same as a full scan.
  let resumeAt = 0;
  let m: RegExpExecArray | null;
  for (;;) {
    const c = nextNumeral(s, resumeAt);
    if (c < 0) break;
    m = QTY_AT.execFrom(s, Math.max(resumeAt, c - 5));
    if (!m) break;
    resumeAt = m.index + Math.max(1, m[0].length);
    const [whole, bound, percentWord, numText, approx1, mult, approx2, midUnit, maxText, approxMax, multMax, unitText, post] = m;
    if (!numText) continue;
    const numberStart = m.index + (bound?.length ?? 0) + (percentWord?.length ?? 0);
    const before = s.slice(Math.max(0, numberStart - 1), numberStart);
    const after = s.slice(m.index + whole.length, m.index + whole.length + 8); // the rules look a few characters ahead
    // (an Arabic number starts with a digit, and a Chinese one holds none: the first character tells)
    const first = numText.charCodeAt(0);
    const chinese = !(first >= 0x30 && first <= 0x39);
    // digits glued to letters or other digits, 第N, 每万/每百 (a denominator), parts of codes
    // glued to digits, 第N, 每万 (a denominator), codes; after Latin letters only with a unit (AED1860台, not G20)
    if (/[0-9.\-+第每〔]/.test(before) || (/[A-Za-z]/.test(before) && !(unitText ?? midUnit))) continue;
    if (exclude(numberStart)) continue;
    // 五家渠城区 / 三门县 / 六盘水: a numeral that begins a place's name counts nothing
    if (chinese && !bound && leadingPlace(s.slice(numberStart, numberStart + 12)) !== null) continue;
    let unit = unitText ?? midUnit ?? null;
    // 人均预期寿命达到79岁 / 比2020年提高1.32岁: an age that is the measure itself, not 60岁以上老人
    if (!unit && after.startsWith("岁") && !chinese && /寿命|年龄|岁数/.test(s.slice(Math.max(0, m.index - 30), m.index)) && !/^岁(?:以上|及以上|以下|至|-|老|的|人口)/.test(after)) {
      const value = parseNum(numText);
      if (value !== null) {
        out.push({ start: m.index, end: m.index + whole.length + 1, numberStart, value, unit: "岁", comparator: bound && /^(?:不少于|不低于|至少|超过|超|达到|达|力争)$/.test(bound) ? ">=" : null, approximate: /约|左右|近/.test(bound ?? "") || /^岁左右/.test(after), chinese, text: whole + "岁" });
        resumeAt = Math.max(resumeAt, m.index + whole.length + 1);
      }
      continue;
    }
    // 平均受教育年限提高到11.3年 / 达10.9年: years of schooling are the measure itself, not a date
    if (!unit && after.startsWith("年") && !chinese && /年限/.test(s.slice(Math.max(0, m.index - 20), m.index)) && !/^年(?:以上|以下|至|-|内|后|前|底|末|初)/.test(after)) {
      const value = parseNum(numText);
      if (value !== null && value < 30) {
        out.push({ start: m.index, end: m.index + whole.length + 1, numberStart, value, unit: "年", comparator: bound && /^(?:不少于|不低于|至少|超过|超|达到|达|力争)$/.test(bound) ? ">=" : null, approximate: /约|左右|近/.test(bound ?? "") || /^年左右/.test(after), chinese, text: whole + "年" });
        resumeAt = Math.max(resumeAt, m.index + whole.length + 1);
        continue;
      }
    }
    if (!(unitText ?? midUnit) && !percentWord && (bound || post || /[为是]$/.test(s.slice(0, m.index))) && DURATION.test(after)) {
      const d = DURATION.exec(after)![1];
      if (!QUALIFIER_AFTER.test(after)) {
        const value = parseNum(numText);
        const postAfter = /^(?:以内|以下|之内)/.exec(after.slice(d.length));
        if (value !== null) {
          out.push({
            start: m.index, end: m.index + whole.length + d.length + (postAfter ? postAfter[0].length : 0), numberStart, value, unit: d,
            comparator: bound && /^(?:控制在|不超过|缩短至|缩短到|压缩至|压缩到|降至|低于)$/.test(bound) || postAfter ? "<=" : bound ? ">=" : null,
            approximate: false, chinese, text: whole + d + (postAfter?.[0] ?? ""),
          });
          resumeAt = Math.max(resumeAt, m.index + whole.length + d.length);
        }
        continue;
      }
    }
    const hasMult = !!(mult || multMax);
    if (!unit && !percentWord && !post && !hasMult && !approx1 && !approx2) {
      // bare numbers are quantities only when the noun before says what they count
      if (chinese || !bound) continue;
    }
    if (QUALIFIER_AFTER.test((unitText ?? "") + after) && (unitText === "米" || unitText === "公里" || !unitText)) continue;
    if (NOT_QUANTITY_AFTER.test(after) && !unit) continue;
    if (unit && NOT_QUANTITY_AFTER.test(unit + after) && unit.length === 1 && /^(?:年|月|日|号)/.test(after)) continue;
    if (unit === "次" && /^(?:会议|全体会议|常委会)/.test(after)) continue; // 十四届四次会议
    if (chinese) {
      if (/^[万亿千百]/.test(numText) && !(percentWord && numText === "百")) continue; // 万人 / 千家万户: not a number
      if (IDIOM_AFTER.test((unit ?? "") + after) || IDIOM_AFTER.test(after)) continue;
      if (unit === "大" && /^(?:功能|板块|领域|工程|行动|任务|目标|体系|机制|片区|服务)/.test(after) && numText.length === 1) {
        // 七大功能 / 四大工作目标: a count of listed things, kept only with digits (10大企业)
        continue;
      }
    }
    if (unit === "大" && (chinese || !/^[\p{Script=Han}“]/u.test(after))) continue; // 二十大 / 七大功能 name things
    let value = parseNum(numText);
    // 八百万元 is 800 万元: money keeps its 万/亿 (GUIDE §2), also when the numeral is Chinese
    if (chinese && !mult && unit === "元" && /[万亿]$/.test(numText)) {
      value = parseNum(numText.slice(0, -1));
      unit = `${numText.slice(-1)}元`;
    }
    if (value === null || !Number.isFinite(value)) continue;
    let valueMax = maxText ? parseNum(maxText) : undefined;
    if (valueMax === null) valueMax = undefined;
    if (unit !== null && unit !== undefined) {
      const alias = ALIASES.get(unit);
      if (alias) unit = alias;
    }
    const multiplier = mult ? MULT[mult] : 1;
    const multiplierMax = multMax ? MULT[multMax] : mult && !multMax ? MULT[mult] : 1;
    let finalUnit: string | null = unit;
    if (percentWord) finalUnit = "%";
    if (mult === "千" && !unit) continue; // 千 alone: not a count we can read
    // 申请40万福彩公益金 / 投入1.2亿资金: money written without 元
    if (mult && mult !== "千" && !unit && !percentWord && /^(?:元)?[\p{Script=Han}]{0,4}?(?:资金|公益金|经费|补助|补贴|奖补|投资|预算|拨款|专项债)/u.test(after)) unit = "元";
    if (multiplier > 1 || (valueMax !== undefined && multiplierMax > 1)) {
      if (unit && MONEY_UNITS.has(unit)) {
        finalUnit = `${mult ?? multMax}${unit}`; // 7,037.91万元 stays in 万元
      } else {
        value = round(value * multiplier);
        if (valueMax !== undefined) valueMax = round(valueMax * multiplierMax);
      }
    }
    if (!finalUnit) {
      // 人数达到7000以上 / 缴费人员已达4600万以上: the noun before says what is counted
      finalUnit = unitFromNoun(s.slice(Math.max(0, m.index - 12), m.index + (bound?.length ?? 0)));
      if (!finalUnit && !hasMult) continue;
    }
    // 每立方米60微克: the unit written around the number
    if ((finalUnit === "微克" || finalUnit === "毫克") && /每立方米$/.test(s.slice(Math.max(0, m.index - 4), m.index))) finalUnit = `${finalUnit}/立方米`;
    if (finalUnit === "万人次") {
      finalUnit = "人次";
      value = round(value * 1e4);
      if (valueMax !== undefined) valueMax = round(valueMax * 1e4);
    }
    let comparator: Comparator | null = null;
    if (bound && /^(?:不少于|不低于|至少|超过|多于|高于|逾|突破|达到|达|力争)$/.test(bound)) comparator = ">=";
    if (bound && /^(?:不超过|不高于|不多于|低于|少于|控制在|降至|降低到)$/.test(bound)) comparator = "<=";
    if (post && /以上|及以上/.test(post)) comparator = ">=";
    if (post && /以下|以内|之内/.test(post)) comparator = "<=";
    if ((approx1 || approx2) && !comparator) comparator = ">=";
    // 就业超1.2万人: 超 alone before the number is a floor
    if (!bound && !comparator && m.index > 0 && s.charCodeAt(m.index - 1) === 0x8d85) comparator = ">=";
    const approximate = !!(bound && /约|近|接近|大约/.test(bound)) || post === "左右" || post === "上下" || !!(approx1 || approx2);
    const end = m.index + whole.length;
    // two literals rather than a spread in one: the same fields in the same order, built without
    // the spread's slow path (one in five of this function's samples)
    out.push(
      valueMax !== undefined && valueMax > value
        ? { start: m.index, end, numberStart, value, valueMax, unit: finalUnit, comparator, approximate, chinese, text: whole }
        : { start: m.index, end, numberStart, value, unit: finalUnit, comparator, approximate, chinese, text: whole },
    );
  }
  // 翻一番 / 翻两番: doubling (×2) and quadrupling (×4) of the base
  // (without them the list is in order already: each match starts after the one before, and every
  // quantity starts where its match does; the stable sort left it as it was)
  if (!s.includes("翻")) return out;
  const FAN = /翻(一|两|二)番/g;
  let f: RegExpExecArray | null;
  while ((f = FAN.exec(s))) {
    if (exclude(f.index)) continue;
    out.push({ start: f.index, end: f.index + f[0].length, numberStart: f.index, value: f[1] === "一" ? 2 : 4, unit: "倍", comparator: ">=", approximate: false, chinese: true, text: f[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
