// From a number in a pledge to a target: what it counts (indicator), per what (denominator),
// level or increment, and the comparator when the words do not state one (GUIDE §2).
import type { Quantity } from "./numbers";
import type { Comparator, Target } from "../types";
import { leadingPlace, leadingProvinceShortName } from "../../domain/regions";
import { isWhiteSpace } from "../text/shadow";

const PER = /每(?:处|家|所|站|座|例|辆|台|校|园)(?=[\p{Script=Han}])|每(?:[万千百十]|\d+(?:\.\d+)?万?)?(?:名|个|位|户)?(?:常住)?(?:60岁以上|65岁以上|80岁以上)?(?:老年人口|老年人|老人|人口|居民|户籍人口|户|家庭|设区市|县\(市、区\)|县\(市,区\)|县市区|县市|县区|县|乡镇\(街道\)|乡镇|街道|社区|村|千人|床位|张床|学生|职工|护理员|养老机构|机构)/gu;

export function findPer(s: string, from: number, to: number): { text: string; start: number } | null {
  if (!s.includes("每", from) || s.indexOf("每", from) >= to) return null;
  PER.lastIndex = from;
  let best: { text: string; start: number } | null = null;
  let m: RegExpExecArray | null;
  while ((m = PER.exec(s))) {
    if (m.index >= to) break;
    best = { text: m[0], start: m.index };
  }
  return best;
}

// 新建/新增/新开/新改建…: adding; 累计筹集 over a period is added too, 累计达到 is a level
const INCREMENT_VERB = /新[建增开改设招购配培铺修装添]|加装|(?:将|拟|再|计划)建(?![成设有])|增加|增设|改扩建|再建|补充|累计(?!达|拥有|建成的)[^,;。]{0,2}(?:筹集|新增|新建|改造|培训|建设|完成|开展|发放|招聘|引进|帮扶|投入)/;
const LEVEL_VERB = /累计|达到|总数|总量|拥有|建有|保持|稳定在|控制在|提高到|提升到|提高至|提升至|增至|覆盖|形成|培育|规模|总计|存量|全部/;
const ACTIVITY_VERB = /筹资|筹措|设立|设置|培训|完成|建设|建成|改造|开展|举办|组织|发放|招录|招聘|提供|实施|帮扶|救助|资助|惠及|安置|推进|打造|创建|评选|认定|走访|探访|投入|投资|安排|筹集|配备|落实|推动|实现|安装|培养|招收|吸引|引进|扶持|调整|优化|开通|整治|提升改造|铺设|修建|购置|更新|开发|硬化|引导/;

// 对12所学校进行改造 / 为3000名老人提供服务: the verb after the number says what is done to it
const ACTIVITY_AFTER = /^[^,;。]{0,12}?(?:进行|实施|开展)?(?:改造|维修|修缮|提升改造|建设|培训|救助|帮扶|资助|走访|体检|筛查|服务|补贴|安置)|^[^,;。]{0,16}?(?:进行|实施|开展|提供)[^,;。]{0,8}?(?:改造|维修|修缮|检查|体检|筛查|服务|培训|救助)/;

export function modeOf(before: string, q: Quantity, per: string | null, after = ""): "level" | "increment" {
  if (q.unit === "%" || q.unit === "‰") return /(提高|提升|增加|增长|下降|降低)[^,;。]*$/.test(before) && q.unit === "%" && /百分点/.test(q.text) ? "increment" : "level";
  if (q.unit === "个百分点" || q.unit === "百分点") return "increment";
  if (per) return "level";
  if (/^(?:达到|达|提高到|提升到|提高至|提升至|增至|保持在|稳定在|控制在|突破)/.test(q.text)) return "level";
  // 改扩建成42个班 / 建成…可容纳2000名学生: the size of what is built
  if (/(?:建|扩建|改建|改扩建)成$|可容纳$|容纳$/.test(before)) return "level";
  if (INCREMENT_VERB.test(before)) return "increment";
  if (LEVEL_VERB.test(before)) return "level";
  if (ACTIVITY_VERB.test(before)) return "increment";
  if (q.unit && /^(?:次|人次|期|场|场次|户次|批次|件)$/.test(q.unit)) return "increment";
  if (/(?:^|[对为给向])$/.test(before) && ACTIVITY_AFTER.test(after)) return "increment";
  return "level";
}

// Leading words that frame a clause but name nothing: cue words, subjects, adverbs.
const LEADING = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]|[一二三四五六七八九十]+是|同时|此外|另外|并且|并|其中|下一步|下阶段|今年|明年|年内|全年|本年度|年度|预计|计划|力争|争取|确保|努力|将|要|我们|我局|我厅|我委|我市|我省|我区|我县|全市|全省|全区|全县|各地|继续|进一步|持续|积极|加快|大力|重点|着力|逐步|全面|通过|到\d{4}年(?:底|末|内)?|至\d{4}年(?:底|末|内)?|\d{4}年(?:底|末|内)?|再|共|还|都|均|已|,|:|\s)+/;
const TRAILING = /(?:达到|达|为|不低于|不少于|不超过|至少|超过|约|近|控制在|保持在|稳定在|提高到|提升到|提高至|提升至|增至|突破|的|人数|数量|总数|建设|试点|工作|任务|目标|必须|须|应|要|均|都|需)+$/;
const VERB_HEAD = /^(?:建(?![档设成立筑])|新建成|新增|新建|增加|增设|新改扩建|改扩建|培训|完成|建设|建成|培育|推进|打造|创建|实现|形成|开展|举办|组织|发放|提供|实施|配备|落实|推动|培养|招收|引进|累计|拥有|建有|覆盖|达到|新培育|再新建|改造|投入|安排|改建|扩建|开办|新开办|开设|设立|组建|筹措|筹集|开通|铺设|购置|招聘|招录|资助|帮扶)+/;

// A pattern anchored at the end ($) is tried by the regex engine from every position of the string:
// where the string's last character ends none of its words it cannot match, and is not run.
function lastChars(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
/** The last character of `s` that is not white space (\s), as a char code; NaN when there is none. */
function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isWhiteSpace(s.charCodeAt(i))) i--;
  return i >= 0 ? s.charCodeAt(i) : NaN;
}
const TRAILING_LAST = lastChars("到达为于过少约近在至破的数量设点作务标须应要均都需");
const isEdgeMark = (c: number): boolean => c === 0x2c || c === 0x3a || c === 0x3001; // , : 、

function clean(text: string): string {
  const lead = text.replace(LEADING, "");
  const body = TRAILING_LAST[lead.charCodeAt(lead.length - 1)] === 1 ? lead.replace(TRAILING, "") : lead;
  return (isEdgeMark(body.charCodeAt(0)) || isEdgeMark(body.charCodeAt(body.length - 1)) ? body.replace(/^[,:、]+|[,:、]+$/g, "") : body).trim();
}

/** A short noun phrase for what the number counts. */
export function indicatorOf(s: string, clauseStart: number, q: Quantity, per: { text: string; start: number } | null, previousSubject: string | null): string {
  // in a list (不低于20%、持救护员证比例不低于70%) each item names its own indicator
  const dun = s.lastIndexOf("、", q.start - 1);
  let segStart = !per && dun >= clauseStart ? dun + 1 : clauseStart;
  // 硬化道路10万平方米并安装太阳能路灯1000盏: 并 + a verb opens the next item of the clause
  const and = s.lastIndexOf("并", q.start - 1);
  if (!per && and > segStart && and - 1 > clauseStart && /^并(?:安装|新建|建设|改造|完成|实施|开展|新增|培训|铺设|修建|配备|购置|建成)/.test(s.slice(and, and + 3)) && /[\d万亿个张米盏处所座台户人]$/.test(s.slice(clauseStart, and))) segStart = and + 1;
  // 床位520万张(其中护理型床位占比为58.9%): a figure in open brackets is named inside them
  const open = s.lastIndexOf("(", q.start - 1);
  if (open >= segStart && s.indexOf(")", open) > q.start - 1) segStart = open + 1;
  let before = s.slice(per ? per.start : segStart, q.start);
  const afterMatch = /^[^,;。、:]*/.exec(s.slice(q.end));
  let after = afterMatch ? afterMatch[0] : "";
  if (AFTER_LAST[after.charCodeAt(after.length - 1)] === 1) after = after.replace(/(?:的生动发展局面|的目标|的要求|建设试点|建设|试点|以上|左右)$/, "");
  if (per) return cleanIndicator(clean(before).replace(/(拥有|有)$/, "")) || per.text;
  // 细颗粒物浓度比2020年下降10%: the measure is what changes
  const change = isChange(before, q);
  if (change) before = before.replace(/(?:比|较|同比|环比)[^,;。]{0,14}?(?:提高|增长|增加|下降|减少|降低|上升|提升|扩大|缩小)了?$|(?:年均|平均每年|每年平均|年平均)?(?:增长|提高|增加|下降|减少)$/, "");
  before = clean(before);
  const verbOnly = before.replace(VERB_HEAD, "");
  let indicator: string;
  if (!verbOnly) indicator = clean(after).replace(VERB_HEAD, "") || after;
  else indicator = verbOnly;
  // 已建成康养联合体1300家，覆盖95.2%的乡镇(街道): what covers is the thing named before
  const covers = !verbOnly && /覆盖$/.test(before) && q.unit === "%";
  if (q.unit === "%" && !change && !/率|比例|占比|比重|浓度|指数|总值|收入|增加值/.test(indicator)) {
    const subject = covers && previousSubject ? `${cleanIndicator(previousSubject).replace(VERB_HEAD, "")}覆盖` : indicator.endsWith("覆盖") && indicator.length <= 2 && previousSubject ? previousSubject + indicator : covers ? "" : indicator;
    const tail = cleanIndicator(clean(after));
    // 覆盖的乡镇(街道): the noun after the number, once
    indicator = `${subject.endsWith(tail) ? subject : subject + (subject.includes(tail) && tail.length > 2 ? "" : tail)}比例`;
  }
  let cleaned = cleanIndicator(indicator.slice(0, 40));
  // 目前已建成康养联合体: the thing, not the verb that reports it
  const noVerb = cleaned.replace(VERB_HEAD, "");
  if (noVerb.length >= 2 && noVerb !== cleaned) cleaned = noVerb;
  // 今年全国将再改造(5万个城镇老旧小区) / 明确到2030年累计建成(12亿亩高标准农田): a verb alone names
  // nothing; the thing is after the number
  if (cleaned.length >= 2 && noVerb === "") {
    const thing = cleanIndicator(clean(after).replace(VERB_HEAD, ""));
    if (thing.length >= 2) return thing;
    const subject = segStart > clauseStart ? subjectBeforeList(s, clauseStart, segStart) : "";
    if (subject) return subject;
    // 开工建设“口袋公园”88个,目前已建成64个: nothing after it either; the thing the clause before named
    // (of which 64 are built: the parks, not the ones begun)
    if (previousSubject && previousSubject.length >= 2) return sameThingAtStage(previousSubject, before);
  }
  // 该幼儿园能开设(12个教学班) / 可容纳(360名幼儿): what is opened or held is named after the number
  if (CAPACITY_VERB.test(cleaned)) {
    const thing = cleanIndicator(clean(after).replace(VERB_HEAD, ""));
    if (thing.length >= 2) return thing;
  }
  if (cleaned.length >= 2) return cleaned;
  // 与 / 有 / 人: nothing named before the number; the noun after it, else the subject before
  const fromAfter = cleanIndicator(clean(after).replace(VERB_HEAD, ""));
  if (fromAfter.length >= 2) return fromAfter;
  const subject = segStart > clauseStart ? subjectBeforeList(s, clauseStart, segStart) : "";
  if (subject) return subject;
  if (previousSubject && previousSubject.length >= 2) return sameThingAtStage(previousSubject, before);
  // 全国城镇新增就业完成情况快于时序进度,1-9月达到1045万人: the measure whose progress the clause before reports
  const reported = progressSubjectBefore(s, clauseStart);
  return reported || (q.unit ? `${q.unit}数` : "数量");
}

const AFTER_LAST = lastChars("面标求点设上右");

/** The subject named before, without the stage it was counted at when this number counts another (已建成 after 开工建设…). */
function sameThingAtStage(subject: string, before: string): string {
  if (!/建成|完工|竣工|投用|投入使用/.test(before)) return subject;
  const thing = subject.replace(/^(?:新)?开工(?:建设|改造|新建)?/, "");
  return thing.length >= 2 ? thing : subject;
}

/** 新能源装机在全国率先破亿、达到1.35亿千瓦: the subject the clause opened with, before its first verb. */
function subjectBeforeList(s: string, clauseStart: number, segStart: number): string {
  const subject = SUBJECT_BEFORE_VERB.exec(s.slice(clauseStart, segStart - 1).trim());
  const name = subject ? cleanIndicator(subject[1]) : "";
  return name.length >= 2 ? name : "";
}

const SUBJECT_BEFORE_VERB = /^([\p{Script=Han}A-Za-z\d()]{2,16}?)(?:在|已|将|要|率先|达|破|超|突破|实现|完成|增长|提高|首次)/u;

const PROGRESS_SUBJECT = /^(?:全国|全省|全市|全区|全县|我省|我市|我区|我县|今年|全年)?([\p{Script=Han}()]{2,20}?)(?:工作)?(?:完成情况|进展情况|推进情况|进展|进度)/u;

/** The measure named before 完成情况/进展 in the clause before `clauseStart`, when that clause holds no figure. */
function progressSubjectBefore(s: string, clauseStart: number): string {
  const end = clauseStart - 1;
  if (end <= 1) return "";
  const from = Math.max(s.lastIndexOf(",", end - 1), s.lastIndexOf(";", end - 1), s.lastIndexOf("。", end - 1), s.lastIndexOf(":", end - 1)) + 1;
  const clause = s.slice(from, end).trim();
  if (/\d/.test(clause)) return "";
  const m = PROGRESS_SUBJECT.exec(clause);
  const name = m ? cleanIndicator(m[1]) : "";
  return name.length >= 2 ? name : "";
}

// What may not stand at either end of an indicator (GUIDE §2: a short noun phrase naming what is
// measured): cue words, function words, reporting verbs, table pipes, quotes.
// A list item's own number (09 新改建养老机构护理型床位, 3. 新增…) is no part of the name either.
const INDICATOR_HEAD = /^(?:[■◆·•▪●○]|\d{1,3}(?:[ \t\u3000]+|[.、．](?!\d))|了|年末|年初|全年|当年|上年末|[|“”"'《》()、,:;\s]|截至目前|截至[^,;。]{0,8}?(?:底|末)|(?:明确|提出|要求)?(?:到|至)?(?:19|20)\d\d年(?:底|末|前|内)?|(?:(?:19|20)\d\d年)?\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?|(?:前|第)?[一二三四1-4]个?季度|上半年|下半年|目前|现有|已有|共有|拥有|累计|已经|共|有|已|在|为|由|对|与|和|及|以及|的|将|要|拟|力争|计划|确保|争取|预计|其中|即|全国|全市|全省|全区|全县|我市|我省|我区|我县|该省|该市|该区|该县|本省|本市|本区|本县|今年|本年|年内|还将|再|之前|以前|此前)+/;
const TAIL_WORDS = new Set(["|", "“", "”", '"', "'", "《", "、", ",", ":", ";", " ", "\t", "\n", "力争", "争取", "确保", "计划", "预计", "将", "要", "拟", "可", "能", "现有", "共有", "已有", "的有", "的", "与", "和", "及", "以及", "了", "在", "为", "是", "有", "达到", "达", "超过", "超", "约", "近", "共", "已", "等", "分别", "分别达到", "均", "都", "新增", "新建", "增加", "提高", "提升", "下降", "降低", "实现", "完成", "控制在", "保持在", "稳定在", "每立方米", "进行", "下降到", "下降至", "降到", "降至", "提高到", "提高至", "提升到", "提升至", "增加到", "增长到", "增至", "已经", "已经达到", "已达到", "已达", "突破", "率先", "已率先", "首次", "累计", "稳步", "明显", "显著", "大幅", "不断", "逐步", "缩小", "增强", "改善", "只有", "只", "仅有", "仅", "继续保持", "保持", "继续"]);

// the last characters of the words of TAIL_WORDS: where the text ends in none of them no word of
// any length ends there, and the four substrings stripTail would look up are not made
const TAIL_LAST = (() => {
  const table = new Uint8Array(65536);
  for (const w of TAIL_WORDS) table[w.charCodeAt(w.length - 1)] = 1;
  return table;
})();

/** Drops the words of TAIL_WORDS from the end, longest first, as often as they occur. */
function stripTail(t: string): string {
  let end = t.length;
  outer: while (end > 0) {
    if (TAIL_LAST[t.charCodeAt(end - 1)] !== 1) break;
    for (let k = Math.min(4, end); k >= 1; k--) {
      if (TAIL_WORDS.has(t.slice(end - k, end))) {
        end -= k;
        continue outer;
      }
    }
    break;
  }
  return end === t.length ? t : t.slice(0, end);
}

const COMPARED_TO = /(?:(?:较|比|相比)(?:目前|现在|现有|当前|上年|去年|上一年|上年末|基期|(?:19|20)\d\d年(?:末|底)?)|(?:从|由)(?:现在?|目前|当前|现有|(?:19|20)\d\d年(?:末|底)?)?)的?$|^使/;

const THERE_ARE = /^[\p{Script=Han}]{1,8}?(?:现有|共有|已有)/u;

const CAPACITY_VERB = /(?:^|能|可|可以)(?:开设|容纳|提供|接纳|收治|安置)$/;

const LEADING_WHERE = /^(?:在)?\d+个[^,;。\d]{0,6}?(?:村|乡镇|镇|乡|社区|街道|县|区|市|小区)(?:[(（][^()（）]{0,6}[)）])?/;

// /^[^省市县区州旗]{1,12}[省市县区州旗]/.test(t) as a loop over char codes: the first of those
// characters stands at index 1 to 12
const PLACE_SUFFIX = (() => {
  const t = new Uint8Array(65536);
  for (const ch of "省市县区州旗") t[ch.charCodeAt(0)] = 1;
  return t;
})();
function placeSuffixNearStart(t: string): boolean {
  const n = Math.min(t.length, 13);
  for (let i = 0; i < n; i++) if (PLACE_SUFFIX[t.charCodeAt(i)] === 1) return i >= 1;
  return false;
}

const YEAR_LAST = lastChars("年底末");

export function cleanIndicator(text: string): string {
  let t = text.trim();
  // 优质教育综合提升工程 | 2024- 2025 | 完成…食堂建设: cells of a run-together row; the name is in the last one
  if (t.includes("|")) t = t.split("|").map((c) => c.trim()).filter((c) => /\p{Script=Han}{2}/u.test(c)).pop() ?? "";
  for (let i = 0; i < 3; i++) {
    const before = t;
    // 重庆市今年开工建设口袋公园: the place the sentence opens with is no part of the name
    // (looked up only when a place suffix stands near the start: a place written so must end with one)
    const place = placeSuffixNearStart(t) ? leadingPlace(t) : null;
    if (place && t.length - place.length >= 2 && /^(?:省|市|县|区|州|旗)$/.test(t[place.length - 1] ?? "")) t = t.slice(place.length);
    // 安徽已建成老年食堂 / 广西人均体育场地面积: a province by its short name is no part of the name either
    const short = leadingProvinceShortName(t);
    if (short > 0 && t.length - short >= 3) t = t.slice(short);
    // (在)17个乡镇(街道办)硬化道路: where the work is done is no part of what it delivers
    const where = LEADING_WHERE.exec(t);
    if (where && t.length - where[0].length >= 2) t = t.slice(where[0].length);
    // 重庆现有 / 衢江城区公办幼儿园有: a subject that only says "there are"
    if (t.includes("有") && THERE_ARE.test(t)) t = t.replace(THERE_ARE, "");
    if (INDICATOR_HEAD.test(t)) t = t.replace(INDICATOR_HEAD, "");
    t = stripTail(t);
    // 农村自来水普及率2025年(达到88%): the date belongs to the target, not the name
    if (YEAR_LAST[t.charCodeAt(t.length - 1)] === 1) t = t.replace(/(?:到|至)?(?:19|20)\d\d年(?:底|末)?$/, "");
    // 人均预期寿命较目前(的76.34岁): the comparison belongs to the baseline, not the name
    // (the pattern needs 较, 比, 从 or 由, or a leading 使: without them it cannot match)
    if (t.startsWith("使") || t.includes("较") || t.includes("比") || t.includes("从") || t.includes("由")) {
      const compared = t.replace(COMPARED_TO, "");
      if (compared.length >= 2) t = compared;
    }
    if (t === before) break;
  }
  // a quotation mark left open by the cut (开工建设“口袋公园): the name without it
  if ((t.includes("“") || t.includes("”")) && (t.match(/“/g) ?? []).length !== (t.match(/”/g) ?? []).length) t = t.replace(/[“”]/g, "");
  // unbalanced brackets left by a cut: 服务中心(站 → 服务中心(站)
  let open = 0;
  let close = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) open++; // ( （
    else if (c === 0x29 || c === 0xff09) close++; // ) ）
  }
  if (open > close) t += ")".repeat(open - close);
  if (close > open) t = t.replace(/^[^(（]*?[)）]/, "").trim() || t;
  return t;
}

/**
 * A change rather than a level (较上年提高9.4个百分点, 比2020年提高1.32岁, 平均每年增长0.26岁,
 * 增长6%左右): it says how far a value moves, so it never stands for the value itself.
 */
const CHANGE_BEFORE = /(?:比|较|同比|环比)[^,;。]{0,14}?(?:提高|增长|增加|下降|减少|降低|上升|提升|扩大|缩小|多|少)了?\s*$|(?:年均|平均每年|每年平均|年平均)(?:增长|提高|增加|下降|减少)\s*$|^\s*(?:增长|下降)\s*$/;

// 再提升1岁 / 提高2个百分点 / 延长0.5年: a level-type unit moved by a number is a change (提高到80岁 is a level)
const MOVED_BY = /(?:提升|提高|增加|增长|延长|下降|降低|减少|缩短|上升)(?:了)?(?:约)?\s*$/;
const LEVEL_UNITS = new Set(["岁", "%", "‰", "年"]);

// (the last characters, before any white space, of MOVED_BY's and CHANGE_BEFORE's matches)
const MOVED_LAST = lastChars("升高加长降低少短了约");
const CHANGE_LAST = lastChars("高长加降少低升大小多了");

export function isChange(before: string, q: Quantity): boolean {
  if (q.unit === "个百分点" || q.unit === "百分点") return true;
  const last = lastNonSpace(before);
  if (q.unit && LEVEL_UNITS.has(q.unit) && q.unit !== "%" && MOVED_LAST[last] === 1 && MOVED_BY.test(before)) return true;
  return CHANGE_LAST[last] === 1 && CHANGE_BEFORE.test(before.length > 24 ? before.slice(-24) : before);
}

/** The comparator when the words state none (GUIDE §2): a range or a level is reached from below (>=),
 * an increment is a number to deliver (=). */
export function defaultComparator(q: Quantity, mode: "level" | "increment"): Comparator {
  if (q.comparator) return q.comparator;
  if (q.approximate) return "="; // 增长6%左右 / 约860名: a point to hit, not a floor
  return q.valueMax !== undefined || mode === "level" ? ">=" : "=";
}

// Targets without a number: 全覆盖, 全部…到位 / 全部开工, 每个县市建有…, 每个乡镇至少办好1所… → 100% (GUIDE §2)
const COVERAGE = /全覆盖|全面覆盖|全部[^,;。]{0,30}?(?:到位|达标|建成|覆盖|配齐|开工|完工|投用|投入使用)|(?:每个|每一个|所有)[^,;。、]{1,14}?(?:都|均)?(?:至少)?(?:建有|设有|配有|拥有|办好|建成|配备|有)(?:(?:1|一)(?:所|个|家|座|处|名|支|条)|(?![\d一二两三四五六七八九十]))|各(?:县|市|区|乡镇|街道|社区|村|设区市|地)[^,;。、]{0,8}?(?:都|均)(?:建有|设有|配有|拥有|建成|配备)(?![\d一二两三四五六七八九十])/g;

export function findCoverage(s: string): Quantity[] {
  if (!/覆盖|全部|每个|每一个|所有|各/.test(s)) return [];
  const out: Quantity[] = [];
  COVERAGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COVERAGE.exec(s))) {
    if (/^(?:每个|每一个|所有|各)/.test(m[0]) && /有$/.test(m[0]) && !/(?:建有|设有|配有|拥有)$/.test(m[0])) continue; // 每个…有 alone is too loose
    out.push({ start: m.index, end: m.index + m[0].length, numberStart: m.index, value: 100, unit: "%", comparator: ">=", approximate: false, chinese: false, text: m[0] });
  }
  return out;
}

/**
 * A target from its number (fields set one by one in the order the engine always wrote them: the
 * output is compared byte for byte). `approximate` and `change` only where the reader asks for them.
 */
export function targetFor(q: Quantity, per: string | null, mode: "level" | "increment", marks: { approximate?: boolean; change?: boolean } = {}): Target {
  const target = { value: q.value } as Target;
  if (q.valueMax !== undefined) target.valueMax = q.valueMax;
  target.unit = q.unit;
  if (per) target.per = per;
  target.comparator = defaultComparator(q, mode);
  target.mode = mode;
  if (marks.approximate) target.approximate = true;
  target.text = q.text;
  if (marks.change) target.change = true;
  return target;
}
