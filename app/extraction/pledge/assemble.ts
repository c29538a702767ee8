// A sentence that pledges becomes one commitment per numeric target, or else one milestone or
// qualitative commitment (GUIDE §1). Reported values in the same sentence become observations.
import type { Commitment, CommitmentKind, Due, Observation, Target } from "../types";
import type { Sentence } from "../text/segment";
import { clauseAt, clausesOf, inSpans, titleSpans, type Clause } from "../text/segment";
import type { TimeMention } from "../time";
import { findTimes } from "../time";
import { findQuantities, type Quantity } from "../quantity/numbers";
import { cleanIndicator, isChange, findCoverage, findPer, indicatorOf, modeOf, targetFor } from "../quantity/targets";
import { ACTION_VERB, COURTESY, ENUMERATOR, isBoilerplate, CONTINUATION, REFUSAL, DISPOSAL, FUTURE_CUE, MILESTONE, MILESTONE_BESIDE_NUMBER, PAST_MARKER, REPORT_OPENER, firmnessOf } from "./cues";
import type { SentenceScope } from "./scope";
import { startScan } from "../text/starts";

export interface SentenceResult {
  commitments: Commitment[];
  observations: Observation[];
}

interface Ctx {
  text: string; // the original text, for quotes
  docDate: string | null;
  agency: string | null;
  /** the deadline the sentence before set: 届时 refers to it */
  previousDue?: Due | null;
  /** a statistical bulletin's year: its 年末 and 全年 are that year's, and it pledges only in words */
  reportYear?: number | null;
  /** the sentence before ended in ；: this one is the next item of its list */
  afterSemicolon?: boolean;
}

// Spans whose numbers describe rather than count: 集…于一体, 在…基础上 (a baseline), 按照…标准.
function describingSpans(s: string): Array<[number, number]> {
  const spans = s.includes("《") ? titleSpans(s) : [];
  // one pass over the sentence finds which guards' first characters it holds: most sentences hold
  // few, and a guard whose first character is missing cannot occur (ten s.includes per sentence before)
  const present = guardsPresent(s);
  for (let g = 0; g < DESCRIBING.length; g++) {
    if ((present & DESCRIBING_BIT[g]) === 0) continue;
    const [guard, re] = DESCRIBING[g];
    if (guard.length > 1 && !s.includes(guard)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      // (其中护理型床位占比为58.9%): a figure stated in brackets is a figure, not a description
      if (m[0][0] === "(" && STATED_IN_BRACKETS.test(m[0])) continue;
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  return spans;
}

const STATED_IN_BRACKETS = /(?:占比|比例|比重|率|数)(?:为|达|达到|是)?[\d.]+(?:%|个百分点|万?[人张个所家户])/;

const DESCRIBING: Array<[string, RegExp]> = [
  ["于一体", /集[^。;]{1,60}?于一体/g],
  ["基础上", /在[^。;,]{1,40}?(?:的)?基础上/g],
  ["按照", /按照[^。;,]{0,30}?(?:标准|要求|比例)/g],
  ["“", /“[^”]{0,12}”(?=[^,;。]{0,4}(?:模式|机制|体系|工程|行动|计划))/g],
  ["“", /[“(][^”)]{0,20}[一二三四五六七八九十\d]+[^”)]{0,20}[”)]/g],
  ["(", /[“(][^”)]{0,20}[一二三四五六七八九十\d]+[^”)]{0,20}[”)]/g],
  ["等", /等\d+(?:个|家|项|部门)/g],
  // 重点抓好15件大事和民生实事 / 十件民生实事: the count of the list, not a target
  ["件", /[\d一二三四五六七八九十]+件(?:大事|民生实事|实事|重点民生实事|惠民实事)/g],
  ["+", /\d+[+]\d+/g],
  ["中", /的[^,;。]{0,4}[\d一二两三四五六七八九十百千万.]+[^,;。]{0,14}?中(?=[,:])/g],
];

// each guard's first character as a bit (DESCRIBING_BIT, per guard), and a table from char code to bit
const GUARD_CHAR_BIT = new Int32Array(65536);
const DESCRIBING_BIT: number[] = [];
{
  const bitOf = new Map<number, number>();
  for (const [guard] of DESCRIBING) {
    const c = guard.charCodeAt(0);
    if (!bitOf.has(c)) bitOf.set(c, 1 << bitOf.size);
    DESCRIBING_BIT.push(bitOf.get(c)!);
  }
  for (const [c, bit] of bitOf) GUARD_CHAR_BIT[c] = bit;
}

function guardsPresent(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= GUARD_CHAR_BIT[s.charCodeAt(i)];
  return m;
}

// a sentence without a cue can still hold a number, a coverage target or a deadline without digits
// (its first branch, [0-9], as a loop over char codes before the regex runs the others: most
// sentences that matter hold a digit, and the regex tried every branch at each character before it)
const MAY_MATTER_WITHOUT_DIGITS = startScan(/[一二两三四五六七八九十百千万][家个张人名次所座处项件期场倍]|百分之|覆盖|全部|每个|每一个|所有|翻.番|今年|明年|后年|今明|年底|年末|年内|半年|季度|十.五|月底|月前|月份/, "一二两三四五六七八九十百千万覆全每所翻今明后年半季月");
function mayMatter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return MAY_MATTER_WITHOUT_DIGITS.test(s);
}


function isArticleOne(q: Quantity): boolean {
  // 新建一家5A级中心 is a milestone, not a quantity of 1 (GUIDE §2); 一次 and 一倍 are counts
  return q.value === 1 && q.chinese && !(q.unit && /^(?:次|倍|期|场)$/.test(q.unit));
}

function enumerationCount(s: string, q: Quantity, clauseStart: number): boolean {
  // 供需适配、成本分担、多元参与、规范监管四项机制: the number counts the items just listed
  const before = s.slice(clauseStart, q.start);
  return q.chinese && q.value <= 12 && /、[^、,;。]{1,12}$/.test(before) && !/(?:新增|新建|培育|建设|建成|达到|培训|完成)[^、]*$/.test(before);
}

/**
 * Where the future part of a sentence starts, and how it was recognised. A `weak` start (今年, a
 * bare later year) pledges only when a number follows: "今年我们成立…中心" reports as often as it
 * promises, while "今年新增床位169张" is a target either way.
 */
interface Cue {
  index: number;
  text: string;
}

/** Every future cue in the sentence, found once and used by the sentence and by each clause. */
const FROM_LEVEL = /(?:从|由)(?:现在|目前|当前|现有|(?:19|20)\d\d年(?:末|底)?)的?$/;
const GENERIC_NAME = /^(?:岁数|比例|数量|人数|个数|数|总数|年限)$/;

const RESULT_AGAINST_TARGET = /(?:低于|高于|超过|超出|符合|完成|实现|达到|好于|优于|快于|达成)[^,;。]{0,16}?(?:预期目标|年度目标|年度任务|目标任务|计划目标|全年目标|序时进度)|超额完成/;
// (every match holds 目标, 任务, 进度 or 超额完成: looked up before the slow scan of the alternation)
const STRONG_CUE = /将|筹划|正在|力争|争取|确保|计划|拟|下一步|下阶段|预计|努力|要/;
function isResultAgainstTarget(s: string): boolean {
  return (s.includes("目标") || s.includes("任务") || s.includes("进度") || s.includes("超额完成")) && RESULT_AGAINST_TARGET.test(s);
}
const TARGET_AFTER = /^(?:以内|以上|以下|左右)?的?(?:预期目标|年度目标|目标任务|计划目标|全年目标|目标)/;

// (tried only where a cue's first character stands: 下今接即将计拟希有通力争努确务预目要正待)
const FUTURE_CUE_AT = startScan(FUTURE_CUE, "下今接即将计拟希有通力争努确务预目要正待");

function cuesOf(s: string): Cue[] {
  const out: Cue[] = [];
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = FUTURE_CUE_AT.execFrom(s, from))) {
    from = m.index + m[0].length;
    if (s[m.index + m[0].length] === "了") continue; // 确保了 / 计划了: done
    if (m[0].endsWith("将") && DISPOSAL.test(s.slice(m.index + m[0].length - 1, clauseEndAt(s, m.index)))) continue;
    out.push({ index: m.index, text: m[0] });
  }
  return out;
}

function pledgeStart(s: string, scope: SentenceScope, times: TimeMention[], docDate: string | null, titles: Array<[number, number]>, cues: Cue[]): { from: number; cue: string; weak: boolean } | null {
  if (scope.forward) return { from: 0, cue: "下一步", weak: false };
  let best: { from: number; cue: string; weak: boolean } | null = null;
  for (const c of cues) {
    if (inSpans(titles, c.index)) continue;
    best = { from: c.index, cue: c.text, weak: false };
    break;
  }
  const strongCue = best;
  for (const t of times) {
    if (best && t.start >= best.from) break;
    if (inSpans(titles, t.start)) continue;
    // 今年新建557万亩高标准农田 in a page with no date: still this year's plan, a weak cue without a date
    if (t.date === null) {
      if (docDate === null && t.parser === "relative-year" && /^(?:今年|年内|本年度?|明年)$/.test(t.text) && !/^[\d一二三四五六七八九十]+(?:-\d+)?月|^以来/.test(s.slice(t.end))) { best = { from: t.start, cue: t.text, weak: !strongCue }; break; }
      continue;
    }
    // 纲要显示,“十三五”期间我国生态状况明显改善: a plan's period looked back on, not a deadline
    if (t.parser === "plan-period" && /期间|时期/.test(t.text) && LOOKING_BACK.test(s)) continue;
    if (docDate === null) {
      // without a date for the document only a stated deadline (到2027年, 2026年底前) can be a cue
      if (t.role === "due" && t.certainty === "stated") { best = { from: t.start, cue: t.text, weak: false }; break; }
      continue;
    }
    if (t.date < docDate) continue;
    const docYearEnd = docDate.slice(0, 4) + "-12-31";
    // a plain date after the document's (2024年8月完成… in a reply of May 2024) can only be ahead
    // 12月份,全国城镇调查失业率为5.1%,比上年同期下降… / 四季度是1.56 in a page of February: a month or
    // quarter without its year, with a value stated for it, is last year's, reported
    if (t.precision !== "year" && !/^(?:19|20)\d\d/.test(t.text) && !/前|底|末/.test(t.text) && (REPORTED_AT.test(s.slice(t.end, clauseEndAt(s, t.end))) || SAME_PERIOD.test(s))) continue;
    const laterPoint = t.role === "point" && (t.date > docYearEnd || (t.precision !== "year" && t.date > docDate && !PAST_MARKER.test(s.slice(t.end, clauseEndAt(s, t.end)))));
    if (t.role !== "due" && !laterPoint) continue;
    // 今年1-5月 / 今年以来 report the past
    if (/^(?:今年|本年|年内)/.test(t.text) && /^[\d一二三四五六七八九十]+(?:-\d+)?月/.test(s.slice(t.end))) continue;
    // a plan period that began before this year (2021-2023年) frames what was done in it
    if (t.parser === "year-range" && Number(t.text.slice(0, 4)) < Number(docDate.slice(0, 4)) && t.date <= docYearEnd) continue;
    // 截至6月底,…今年开工建设88个: after a date the figures stand at, 今年 is the year so far
    if (t.parser === "relative-year" && /^(?:今年|本年)$/.test(t.text) && times.some((x) => x.start < t.start && x.role === "asOf" && x.date !== null && x.date < docDate && /^截[至止]/.test(x.text))) continue;
    // 全年 / 年度 / 当年 name the year's plan or report on it ("全年改造412个", "完成年度目标的55.6%"): no cue
    if (t.parser === "relative-year" && /^(?:全年|年度|当年)$/.test(t.text)) continue;
    const weak = (t.role === "point" && !(t.precision !== "year" && t.date <= docYearEnd)) || (t.parser === "relative-year" && /^(?:今年|本年)$/.test(t.text)) || (t.parser === "plan-period" && !/^(?:到|至)|末|期末/.test(t.text));
    best = { from: t.start, cue: t.text, weak: weak && !strongCue };
    break;
  }
  return best;
}

const LOOKING_BACK = /显示|表明|回顾|成效|成就|明显(?:改善|提升|提高|增强|下降)|取得|实现了|完成了/;

/** A value stated for the date (…是1.56, …为5.1%) or set against the same period of last year: a report. */
const REPORTED_AT = /^份?[^,;。]{0,20}?(?:是|为)[\d.]+/;
const SAME_PERIOD = /同比|(?:比|较)(?:上年|去年)同期/;

/** …均不纳入改造计划，…暂无运动场建设计划: a sentence that ends in a refusal, or refuses twice, pledges nothing. */
function refuses(s: string): boolean {
  if (!REFUSAL.test(s)) return false;
  const parts = s.split(/[,;。]/).filter((p) => p.trim());
  return REFUSAL.test(parts[parts.length - 1] ?? "") || parts.filter((p) => REFUSAL.test(p)).length >= 2;
}

/**
 * Where the courtesy clauses of a sentence end, when they all stand before its last clause
 * (感谢您对教育工作的关心，下一步我局将…); -1 when the sentence ends in courtesy (…，欢迎您继续提出宝贵意见).
 */
function leadingCourtesyEnd(s: string, clauses: Clause[]): number {
  let end = 0;
  for (let i = 0; i < clauses.length; i++) {
    if (!COURTESY.test(s.slice(clauses[i].start, clauses[i].end))) continue;
    if (i === clauses.length - 1) return -1;
    end = clauses[i].end;
  }
  return end;
}

// the next item of a list of works: 实施体育综合运动中心、环长安河步道等项目
const LIST_ITEM_OF_WORKS = /^(?:实施|建设|新建|改造|改扩建|推进|启动|开工|打造|完成)[^。;]{0,40}?(?:项目|工程|改造|建设)/;
// a document to produce: 制定…指南, 完善…大纲, 出台…办法
/** A clause that states where a measure is to stand: 户籍人口城镇化率明显提高 / 粤港澳大湾区基本建成 / 城市内涝治理取得明显成效. */
const STATE_CLAUSE = /^[^,;。]{3,30}?(?:(?:明显|稳步|显著|进一步|大幅|不断|持续|基本|全面|有序|逐步)(?:提高|提升|增强|缩小|下降|降低|改善|形成|建成|消除|划定|完善|优化|疏解|推进)|取得(?:明显|重要|积极|显著)?(?:成效|进展))[,;。]?$/;
/** …of which these are done or not done: milestones. */
const DONE_STATE = /(?:基本|全面)(?:形成|建成|消除|划定)[,;。]?$/;
/** A clause that opens with the verb of a programme: 加强草原保护修复 / 构建…体系 / 做优做强林草产业. */
const PROGRAMME_CLAUSE = /^(?:科学|全面|持续|积极|大力|深入|着力|进一步|不断|切实)?(?:加强|强化|构建|推进|做优做强|做强做优|做强|完善|健全|推动|实施|开展|提升|优化|深化|建立|落实|加快|扩大|发展|保障|守住|筑牢)/;
/** …and the subject or cue a clause may open with before that verb. */
const PROGRAMME_SUBJECT = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]|[一二三四五六七八九十]+是)?(?:我国|我省|我市|我区|我县|全国|全省|全市|各地)?(?:将|要|还将|也将)?/;
/** A clause that names one work to do: 开工新建西环路 / 改造提升新城路、像山路 / 完成柳湖片区黑臭水体治理 */
const WORKS_CLAUSE = /^(?:加快|启动|推进|确保)?(?:开工新建|开工建设|新建|改建|扩建|迁建|改扩建|改造提升|提升改造|改造|建成|续建|完成|实施)[^,;。]{2,30}?(?:路|街|桥|隧道|校|学校|幼儿园|医院|中心|馆|园|站|场|厂|工程|项目|治理|改造|整治|管网)[,;。]?$/;
const DELIVERABLE = /(?:制定|出台|印发|修订|编制|完善|起草|修改|研究制定|发布)[^,;。]{0,30}?(?:指南|大纲|办法|方案|标准|规范|意见|制度|规划|细则|清单|目录|条例)(?=[,;。]|$)/;
const MONEY = /^(?:元|万元|亿元)$/;
function unitCost(s: string, clauseStart: number, q: Quantity): boolean {
  return q.unit !== null && MONEY.test(q.unit) && /每(?:个|张|所|户|人|名|平方米|套|座|处|床|间|公里|亩)[^,;。]{0,8}$/.test(s.slice(clauseStart, q.start));
}

const NO_RESPECTIVE = new Map<Quantity, string>();
/**
 * 城镇、农村和贫困地区的覆盖率分别达到85%、95%和90%: each value gets its own name from the list
 * before 分别, with the measure the list shares.
 */
function respectively(s: string, clauses: Clause[], quantities: Quantity[]): Map<Quantity, string> {
  const out = new Map<Quantity, string>();
  for (const c of clauses) {
    const text = s.slice(c.start, c.end);
    const at = text.indexOf("分别");
    if (at < 0) continue;
    const qs = quantities.filter((q) => q.start >= c.start + at && q.start < c.end);
    if (qs.length < 2) continue;
    const m = /^(.*?)(?:的)?([^,;。、和及与的]{0,10}?(?:率|比例|占比|比重|覆盖率|浓度|数|人数|规模))?$/.exec(text.slice(0, at));
    if (!m) continue;
    const names = cleanIndicator(m[1].replace(/^(?:今年|明年|到\d{4}年底?|\d{4}年)?[,]?(?:全市|全省|全区|全县|全国|我市|我省|我区|我县)?/, "")).split(/、|和|及|与/).map((n) => cleanIndicator(n)).filter(Boolean);
    if (names.length !== qs.length) continue;
    qs.forEach((q, i) => out.set(q, `${names[i]}${m[2] ?? ""}`));
  }
  return out;
}

interface Observed {
  sen: Sentence;
  quote: string;
  times: TimeMention[];
  clauses: Clause[];
  ctx: Ctx;
  previousSubject: { value: string | null };
  /** the last figure named in this sentence */
  sentenceSubject: string | null;
  out: SentenceResult;
}

/** A reported figure of the sentence: its indicator, denominator, date, and whether it is a change. */
function observe(o: Observed, q: Quantity, ci: number): void {
  const s = o.sen.s;
  const t = asOfFor(o.times, q.start, o.ctx.docDate);
  const per = findPer(s, o.clauses[ci].start, q.start);
  const change = isChange(s.slice(o.clauses[ci].start, q.start), q);
  // 比上年末增加1.2万人: a change with no noun of its own is the change of the figure just named
  const indicator = indicatorOf(s, o.clauses[ci].start, q, per, change && o.sentenceSubject ? o.sentenceSubject : o.previousSubject.value);
  if (!change) o.sentenceSubject = indicator;
  if (!q.unit || q.unit !== "%") o.previousSubject.value = indicator;
  // (the optional fields set one by one, in the order the conditional spreads gave them: spreading
  // into a literal took the runtime's slow path for every figure)
  const ob = { quote: o.quote, start: o.sen.start, end: o.sen.end, indicator, value: q.value, unit: q.unit } as Observation;
  if (per) ob.per = per.text;
  if (change) ob.change = true;
  ob.asOf = t?.date && t.role !== "since" ? t.date : o.ctx.reportYear ? `${o.ctx.reportYear}-12-31` : o.ctx.docDate;
  ob.asOfText = t?.text ?? null;
  if (q.approximate) ob.approximate = true;
  o.out.observations.push(ob);
}

/** 1-8月份…4.2万个 / 最新数据显示…: the sentence dates its figure or cites data, so it reports. */
function datesItsFigure(s: string, times: TimeMention[]): boolean {
  // (截至8月20日 without its year is as much a report's date as 截至2019年8月20日)
  return times.some((t) => t.role === "asOf" && t.date !== null && (t.certainty === "stated" || t.text.startsWith("截"))) || /(?:数据|统计|监测|纲要|公报|报告|调查|结果)显示|据统计|上报情况|上报数据/.test(s);
}

/** 比2020年 / 较2019年: a year after 比 or 较 is the base of a change. */
function isChangeBase(s: string, t: TimeMention): boolean {
  return t.start > 0 && (s.charCodeAt(t.start - 1) === 0x6bd4 || s.charCodeAt(t.start - 1) === 0x8f83);
}

function clauseEndAt(s: string, pos: number): number {
  const m = /[,;。:]/.exec(s.slice(pos));
  return m ? pos + m.index : s.length;
}

/**
 * 计划建设…800个,设立…5180个,到2022年全部完成: a deadline in a later clause that holds no target
 * of its own applies to the targets before it.
 */
function laterDue(s: string, times: TimeMention[], clauses: Clause[], targets: Array<{ clause: number }>, from: number, docDate: string | null, titles: Array<[number, number]>): TimeMention | null {
  if (times.length === 0) return null;
  for (let i = from + 1; i < clauses.length; i++) {
    if (targets.some((t) => t.clause === i)) continue;
    const c = clauses[i];
    const t = dueFor(times.filter((x) => x.start >= c.start && x.start < c.end), c.end, c.end, docDate, titles);
    if (t && /全部|全面|均|都|完成|建成|实现|到位/.test(s.slice(c.start, c.end))) return t;
  }
  return null;
}

// (a module function rather than a closure inside dueFor: dueFor runs for every target and clause,
// and each closure it made was also named at run time by the TypeScript loader's keepNames helper)
function isDue(t: TimeMention, docDate: string | null, titles: Array<[number, number]>): boolean {
  return !inSpans(titles, t.start) && t.date !== null && (t.role === "due" || (t.role === "point" && docDate !== null && t.date >= docDate)) && (docDate === null || t.date >= docDate);
}

function dueFor(times: TimeMention[], pos: number, clauseEnd: number, docDate: string | null, titles: Array<[number, number]>): TimeMention | null {
  let before: TimeMention | null = null;
  for (const t of times) {
    if (t.start >= pos) break;
    if (t.role === "frequency" && /^(?:每年|年均|每季|每月|每半年|每周)/.test(t.text)) before = null; // 每年计划培训1500名: a recurring target, no deadline
    else if (isDue(t, docDate, titles)) before = t;
  }
  if (before) return before;
  for (const t of times) if (t.start >= pos && t.start < clauseEnd && isDue(t, docDate, titles)) return t;
  return null;
}

/** A deadline found in the sentence, with its span moved into the document's offsets. */
function dueIn(sen: Sentence, t: TimeMention | null, certainty?: Due["certainty"]): Due | null {
  if (!t || t.date === null) return null;
  return { date: t.date, precision: t.precision, text: t.text, start: sen.start + t.start, end: sen.start + t.end, certainty: certainty ?? t.certainty };
}

function asOfFor(times: TimeMention[], pos: number, docDate: string | null): TimeMention | null {
  let best: TimeMention | null = null;
  for (const t of times) {
    if (t.start >= pos) break;
    if (t.date === null) continue;
    // (2019年至2023年,全国累计…22万个: a period over by the document's date stands at its end)
    if (t.role === "asOf" || ((t.role === "point" || t.parser === "year-range") && (docDate === null || t.date <= docDate))) best = t;
    if (t.role === "since") best = null;
  }
  return best;
}

function milestoneCue(s: string): boolean {
  return MILESTONE.some((re) => re.test(s));
}

/** 起草了《…办法》,即将…印发实施: the named document sits before the cue. */
function issuesNamedDocument(sentence: string, pledgePart: string): boolean {
  return /《[^》]+》/.test(sentence) && /(?:印发|出台|发布|施行|颁布)/.test(pledgePart);
}

function insideQuote(s: string, pos: number): boolean {
  let depth = 0;
  for (let i = 0; i < pos; i++) {
    if (s[i] === "“") depth++;
    else if (s[i] === "”" && depth > 0) depth--;
  }
  return depth > 0;
}

function qualitativeIndicator(s: string): string {
  const body = s
    .replace(/^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]|[一二三四五六七八九十]+是)\s*/, "")
    .replace(/^(?:下一步|下阶段|今后|同时|此外|另外)?[,]?(?:我们|我局|我厅|我委|我市|我省|全市|全省)?(?:将|要)?/, "");
  // the thing done, not the means: skip 综合考虑… / 通过… / 按照… clauses when another one follows
  // 优质教育综合提升工程 | 2024- 2025 | 完成…食堂建设: in a run-together table row, the cells are read as clauses
  const parts = body.split(/[,;。:|]/).filter((c) => /\p{Script=Han}{2}/u.test(c));
  const main = parts.filter((c) => !/^(?:综合考虑|通过|按照|根据|结合|围绕|依托|立足|坚持|以|在|为|针对|聚焦|对照|会同|联合)/.test(c));
  const clause = (main.length ? main : parts).find((c) => ACTION_VERB.test(c)) ?? parts[0] ?? body;
  // the thing done, without its date and cue: 项目计划于2024年9月开工建设 → 项目开工建设
  const named = clause
    .replace(/(?:于|在|到|至)?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:年底|底|末|份|上半年|下半年)?(?:前|之前)?|(?:于|在|到|至)?(?:今年|明年|年内|年底前?)?\d{1,2}月(?:底|份|中旬|下旬|上旬)?(?:前|之前)?/g, "")
    .replace(/(?:计划|预计|力争|争取|拟|将|要)(?=[于在到开完建启投实推新改])/g, "")
    .replace(/^(?:继续|进一步|持续|积极|加快|大力|着力|逐步|全面|认真|切实|不断|深入)+/, "");
  return cleanIndicator((named || clause).slice(0, 40));
}

// assembleSentence is split into the steps below (reading the sentence, sorting its numbers,
// choosing the pledged ones, then one builder per kind of commitment): as one function it was so
// large that V8 spent more time re-optimising it after each deoptimisation than the engine spent
// reading the benchmark corpus (issue 7). The steps run in the same order as before.

type Pledge = { from: number; cue: string; weak: boolean };
type Placed = { q: Quantity; clause: number };

/** What the rules read in a sentence that may pledge: found once, used by every step below. */
interface Reading {
  sen: Sentence;
  s: string;
  scope: SentenceScope;
  ctx: Ctx;
  cues: Cue[];
  clauses: Clause[];
  courtesyEnd: number;
  boiler: boolean;
  titles: Array<[number, number]>;
  times: TimeMention[];
  quantities: Quantity[];
  quote: string;
  reports: boolean;
  pledge: Pledge | null;
  pledgeFrom: number;
  /** per clause: it reports rather than pledges (empty when the sentence has no pledge) */
  clausePast: boolean[];
}

function readSentence(sen: Sentence, scope: SentenceScope, ctx: Ctx, carry: boolean, cues: Cue[]): Reading | null {
  const s = sen.s;
  // the numbers and dates first: a sentence with neither, no cue, not carried on from a pledge and
  // outside a forward scope can neither pledge (pledgeStart has no cue and no date to start from)
  // nor report a figure, and the rest of its reading is skipped (null). Both finders depend on the
  // sentence alone, so reading them before the courtesy and boilerplate checks changes nothing.
  const describing = describingSpans(s);
  const quantities = findQuantities(s, (pos) => inSpans(describing, pos));
  const allTimes = findTimes(s, { docDate: ctx.docDate });
  if (quantities.length === 0 && allTimes.length === 0 && cues.length === 0 && !carry && !scope.forward) return null;
  const clauses = clausesOf(s);
  // courtesy (感谢您…, 您提出的…) vetoes its own clauses when the plan comes after them; a
  // sentence that closes with it is a sign-off
  // (正如您所说…: a sentence that echoes the deputy concedes the point; it is not the plan)
  const courtesyEnd = COURTESY.test(s) ? (/如您所说|正如您|如您所言/.test(s) ? -1 : leadingCourtesyEnd(s, clauses)) : 0;
  const boiler = isBoilerplate(s) || refuses(s) || courtesyEnd < 0;
  const titles = titleSpans(s);
  const times = sentenceTimes(s, ctx, courtesyEnd, allTimes);
  const quote = ctx.text.slice(sen.start, sen.end);

  // …以下工作： announces the list that follows (the items are the pledges); 2025年是…之年 frames the year
  // (each pattern only where the sentence holds what it needs: a closing colon, 之年, 件)
  const announcesList = (s.endsWith(":") && /(?:以下|如下)[^,;。]{0,8}[:]$/.test(s)) || (s.includes("之年") && /是[^,;。]{0,30}之年/.test(s)) || (hasListCount(s) && /(?:^|,)[^,;。]{0,30}[\d一二三四五六七八九十]+件(?:大事|民生实事|实事|惠民实事)(?:和民生实事|和实事)?(?:(?!完成|全部)[^,;。]){0,6}[。:]?$/.test(s));
  // 低于5.5%左右的预期目标 / 超额完成年度任务: a result set against its target reports; it pledges nothing
  const againstTarget = isResultAgainstTarget(s);
  const reports = REPORT_OPENER.test(s) || againstTarget;
  const liveCues = courtesyEnd > 0 ? cues.filter((c) => c.index >= courtesyEnd) : cues;
  let pledge = boiler || scope.heading || announcesList ? null : pledgeStart(s, reports ? { ...scope, forward: false } : scope, ctx.reportYear ? times.filter((t) => t.role === "due" && t.certainty === "stated" && t.date !== null && t.date > `${ctx.reportYear}-12-31`) : times, ctx.docDate, titles, liveCues);
  if (pledge && pledge.from < courtesyEnd) pledge = { ...pledge, from: courtesyEnd };
  // 上半年,城镇新增就业2.9万人,完成年度目标任务的68.9%: a result set against its target, dated by the
  // period it covers, pledges nothing unless a word of intent says so
  if (pledge && againstTarget && !scope.forward && !STRONG_CUE.test(s)) pledge = null;
  // …实施健安桥廊桥改造；实施体育综合运动中心…项目: an item of a list split by ； goes on with the plan
  // (a sentence that dates its figure — 1-8月份, 截至6月底 — or cites data — 最新数据显示 — reports instead)
  // (…nor one that opens with a report: 上半年已完成建设4022公里,新解决1075个…)
  if (!pledge && carry && !boiler && !scope.heading && !reports && !ctx.reportYear && !datesItsFigure(s, times) && !PAST_MARKER.test(s.slice(clauses[0]?.start ?? 0, clauses[0]?.end ?? 0))) pledge = { from: 0, cue: "(上句)", weak: !CONTINUATION.test(s) && !(ctx.afterSemicolon && LIST_ITEM_OF_WORKS.test(s)) };
  let pledgeFrom = Infinity;
  if (pledge) pledgeFrom = clauses[clauseAt(clauses, pledge.from)].start;

  // a clause that reports (已建成…, 累计…) is not pledged, unless it carries its own future cue
  // (filled by push, not map(): map() made arrays of one shape in optimised code and of another in
  // the builtin, and each step reading them was deoptimised by the other shape; only read where the
  // sentence pledges, so left empty where it does not)
  const clausePast: boolean[] = [];
  if (pledge) for (const c of clauses) clausePast.push(c.end <= courtesyEnd || (PAST_MARKER.test(s.slice(c.start, c.end)) && !cues.some((k) => k.index >= c.start && k.index < c.end)));
  return { sen, s, scope, ctx, cues, clauses, courtesyEnd, boiler, titles, times, quantities, quote, reports, pledge, pledgeFrom, clausePast };
}

/** 件大事 / 件民生实事 / 件实事 / 件惠民实事: what the count of a list of works needs (looked up before its slow pattern). */
function hasListCount(s: string): boolean {
  return s.includes("件") && (s.includes("件大事") || s.includes("件民生实事") || s.includes("件实事") || s.includes("件惠民实事"));
}

/** The sentence's dates (allTimes: findTimes' on the sentence), without the base of a change, the courtesy before the plan, or (in a bulletin) its own year's words. */
function sentenceTimes(s: string, ctx: Ctx, courtesyEnd: number, allTimes: TimeMention[]): TimeMention[] {
  // 比2020年提高… / 较2019年: the base of a change, not a date of the sentence
  const baseTimes = allTimes.some((t) => isChangeBase(s, t)) ? allTimes.filter((t) => !isChangeBase(s, t)) : allTimes;
  const spoken = courtesyEnd > 0 ? baseTimes.filter((t) => t.start >= courtesyEnd) : baseTimes;
  // a statistical bulletin reports its year: 年末 / 全年 are that year's, and no date makes a pledge
  if (!ctx.reportYear) return spoken;
  // (each mention rebuilt with findTimes' own literal, and the list by push rather than map() or a
  // spread: objects and arrays of another shape deoptimised every step that reads the times)
  const yearEnd = `${ctx.reportYear}-12-31`;
  const times: TimeMention[] = [];
  for (const t of spoken) {
    if (t.parser === "relative-year" || t.parser === "now") times.push({ start: t.start, end: t.end, text: t.text, role: "asOf", date: yearEnd, precision: t.precision, certainty: t.certainty, parser: t.parser });
    else times.push(t);
  }
  return times;
}

/** Each number of the sentence is a target (returned) or a reported figure (observed), or neither. */
function sortQuantities(r: Reading, seen: Observed): Placed[] {
  const { s, clauses, pledgeFrom, clausePast } = r;
  const targets: Placed[] = [];
  for (const q of r.quantities) {
    const ci = clauseAt(clauses, q.start);
    // 符合4.5%以内的预期目标: the target restated beside a result is neither a pledge nor a figure
    if (r.reports && TARGET_AFTER.test(s.slice(q.end, q.end + 12))) continue;
    // 每个床位投资15-20万元: a unit cost describes the work, it is neither a target nor a figure to track
    if (unitCost(s, clauses[ci].start, q)) continue;
    // 在17个乡镇(街道办)硬化道路10万平方米: where the work is done, not what it delivers
    if (q.start > 0 && s[q.start - 1] === "在" && WHERE_COUNT.test(s.slice(q.end, q.end + 10))) continue;
    // 从现在的79岁再提升1岁: the level it starts from is a figure, not the target
    const fromNow = FROM_LEVEL.test(s.slice(Math.max(clauses[ci].start, q.start - 8), q.start));
    if (q.start >= pledgeFrom && !clausePast[ci] && !fromNow && !isArticleOne(q) && !enumerationCount(s, q, clauses[ci].start)) targets.push({ q, clause: ci });
    else if (!isArticleOne(q) && !r.boiler) observe(seen, q, ci);
  }
  return targets;
}

/** The targets the pledge holds, with the coverage targets (全覆盖); null when a weak cue holds none. */
function pledgedTargets(r: Reading, pledge: Pledge, targets: Placed[], seen: Observed): Placed[] | null {
  const { s, clauses, pledgeFrom, clausePast } = r;
  // targets without a number: 全覆盖, 全部…到位, 每个县市建有… → 100% (GUIDE §2)
  const coverage: Placed[] = [];
  for (const q of findCoverage(s)) {
    if (q.start < pledgeFrom || inSpans(r.titles, q.start)) continue;
    const ci = clauseAt(clauses, q.start);
    if (clausePast[ci]) continue;
    // 每个乡镇至少办好1所: the 1 belongs to the coverage
    for (let k = targets.length - 1; k >= 0; k--) if (targets[k].q.start >= q.start && targets[k].q.start < q.end) targets.splice(k, 1);
    if (targets.some((t) => t.clause === ci)) continue;
    coverage.push({ q, clause: ci });
  }
  let all = [...targets, ...coverage].sort((a, b) => a.q.start - b.q.start);
  if (pledge.weak) {
    // 今年… alone pledges only numbers that something is done to: not 中心城区13所, not 总投资6.3亿元;
    // a clause of the same list with no verb goes on from the one before (改造跑道968平方米,足球场1043平方米)
    let keptClause = -2;
    all = all.filter(({ q, clause }) => {
      const c = s.slice(clauses[clause].start, clauses[clause].end).replace(/总投资|总规模|总面积|总额/g, "");
      const listed = keptClause === clause - 1 && !/^其中/.test(c) && !/(?:是|为|有)/.test(c);
      // (…年均增长12%以上: a bound word after the number marks a target as one before it does)
      const keep = /^(?:达到|达|不少于|不低于|至少|超过|控制在|提高到|提升到|稳定在)/.test(q.text) || /(?:以上|以内)$/.test(q.text) || ACTION_VERB.test(c) || listed;
      if (keep) keptClause = clause;
      // what a weak cue does not pledge is still a reported figure (城镇化率为68.3%)
      else if (!r.boiler && targets.some((t) => t.q === q)) observe(seen, q, clause);
      return keep;
    });
    if (all.length === 0) return null;
  }
  return all;
}

type Base = Pick<Commitment, "quote" | "start" | "end" | "agency" | "firmness" | "cue">;

/**
 * A commitment of the sentence: base's fields, then the commitment's own, in the order
 * `{ ...base, kind, indicator, target, baseline, due, rule }` gives them. One literal: the spread
 * copied base and then added the other six fields one at a time, for every commitment.
 * (The arguments are evaluated in the order the literal's fields were.)
 */
function commitmentOf(base: Base, kind: CommitmentKind, indicator: string, target: Target | null, due: Due | null, rule: string): Commitment {
  return { quote: base.quote, start: base.start, end: base.end, agency: base.agency, firmness: base.firmness, cue: base.cue, kind, indicator, target, baseline: null, due, rule };
}

/** One quantitative commitment per pledged target. */
function quantitativeCommitments(r: Reading, all: Placed[], base: Base, previousSubject: { value: string | null }, out: SentenceResult): void {
  const { s, clauses, times, ctx, sen, titles } = r;
  const respective = s.includes("分别") ? respectively(s, clauses, all.map((t) => t.q)) : NO_RESPECTIVE;
  let previousMode: "level" | "increment" | null = null;
  let levelSeen = false;
  for (const { q, clause } of all) {
    const c = clauses[clause];
    const per = findPer(s, c.start, q.start);
    const before = s.slice(c.start, q.start);
    // 达到80岁左右，比2020年提高1.32岁: the change restates the level target before it
    const change = isChange(before, q);
    if (levelSeen && change) continue;
    // 新增救护车20辆，其中负压救护车不少于5辆: a part has the mode of its whole
    // …处理站5个,农村生活污水处理站5个: a clause that names only the thing goes on with the verb before it
    const goesOn: boolean = previousMode !== null && !per && q.unit !== "%" && (/^其中/.test(before) || (q.start - c.start <= 16 && !ACTION_VERB.test(before) && !/[达到有为是共计占约]|累计|总/.test(before)));
    const mode: "level" | "increment" = goesOn && previousMode ? previousMode : modeOf(before, q, per?.text ?? null, s.slice(q.end, c.end));
    previousMode = mode;
    if (mode === "level" && !change) levelSeen = true;
    const target = targetFor(q, per?.text ?? null, mode, { approximate: q.approximate, change });
    const due = dueFor(times, q.start, c.end, ctx.docDate, titles) ?? laterDue(s, times, clauses, all, clause, ctx.docDate, titles);
    out.commitments.push(
      commitmentOf(
        base,
        "quantitative",
        respective.get(q) ?? indicatorOf(s, c.start, q, per, previousSubject.value),
        target,
        // 预计到11月全面投入运营。届时，…将达到1000个
        dueIn(sen, due) ?? (ctx.previousDue && /届时/.test(s.slice(0, q.start)) ? { ...ctx.previousDue, certainty: "inferred" as const } : null),
        // (the four names as literals rather than a template built for every target)
        q.text === "全覆盖" ? (r.scope.forward ? "scope:coverage" : "cue:coverage") : r.scope.forward ? "scope:number" : "cue:number",
      ),
    );
  }
}

/** A forward sentence without a number: milestones (steps, deliverables) or one qualitative commitment. */
function wordCommitments(r: Reading, base: Base, out: SentenceResult): void {
  const { s, clauses, pledgeFrom, clausePast, times, ctx, sen, titles } = r;
  // a forward sentence without a number: a milestone when it names a thing to build or issue
  const pledgePart = s.slice(pledgeFrom === Infinity ? 0 : pledgeFrom);
  const live = clauses.filter((c, i) => c.end > pledgeFrom && !clausePast[i] && ACTION_VERB.test(s.slice(c.start, c.end)));
  if (live.length === 0) return;
  // 计划2022年6月前开工建设，2023年底前建成投入使用: steps with their own deadlines are milestones each
  // (a loop rather than map(): see clausePast in readSentence)
  const steps: Array<{ c: Clause; due: TimeMention | null }> = [];
  for (const c of live) {
    const due = dueFor(times.filter((t) => t.start >= c.start && t.start < c.end), c.end, c.end, ctx.docDate, titles);
    if (due && /开工|竣工|完工|建成|投入使用|投用|上线|完成|出台|印发|审批|运营|开通/.test(s.slice(c.start, c.end))) steps.push({ c, due });
  }
  if (steps.length >= 2 && new Set(steps.map((x) => x.due!.date)).size === steps.length) {
    for (const { c, due } of steps) {
      out.commitments.push(commitmentOf(base, "milestone", qualitativeIndicator(s.slice(c.start, c.end)), null, dueIn(sen, due), "cue:milestone-steps"));
    }
    return;
  }
  // 开工新建西环路，改造提升新城路、像山路: two works, each begun by its own verb, are two pledges
  const works = live.filter((c) => WORKS_CLAUSE.test(s.slice(c.start, c.end).trim().replace(/^[^,:]{0,8}:\s*/, "").replace(ENUMERATOR, "")));
  if (works.length >= 2 && works.length === live.length) {
    for (const c of works) {
      const text = s.slice(c.start, c.end);
      out.commitments.push(
        commitmentOf(base, "milestone", qualitativeIndicator(text), null, dueIn(sen, dueFor(times, c.end, c.end, ctx.docDate, titles) ?? dueFor(times, s.length, s.length, ctx.docDate, titles)), "cue:works"),
      );
    }
    return;
  }
  // 构建…保护地体系,加强草原保护修复,强化湿地保护修复,…: four or more programmes, each opened by
  // its own verb, are a pledge each (GUIDE §1: several pledges in one sentence); the first quotes the
  // sentence, each later one its own clause (three are often one programme told in steps:
  // 开设康复护理类专业，扩大招生规模，做强一批…学科)
  const programmes = clauses.filter((c, i) => c.end > pledgeFrom && !clausePast[i] && ((live.includes(c) && PROGRAMME_CLAUSE.test(s.slice(c.start, c.end).trim().replace(PROGRAMME_SUBJECT, ""))) || STATE_CLAUSE.test(s.slice(c.start, c.end).trim())));
  // (目标到2025年,常住人口城镇化率稳步提高,户籍人口城镇化率明显提高,…差距明显缩小: states of three
  // measures are three targets)
  const states = programmes.filter((c) => STATE_CLAUSE.test(s.slice(c.start, c.end).trim())).length;
  if ((programmes.length >= 4 || (programmes.length >= 3 && states >= 2)) && programmes.length >= live.length - 1 && steps.length < 2) {
    const due = dueIn(sen, dueFor(times, s.length, s.length, ctx.docDate, titles));
    programmes.forEach((c, i) => {
      const text = s.slice(c.start, c.end);
      const kind = milestoneCue(text) || DONE_STATE.test(text.trim()) ? "milestone" : "qualitative";
      out.commitments.push({ ...commitmentOf(base, kind, qualitativeIndicator(text), null, due, "cue:programmes"), ...(i === 0 ? {} : clauseQuote(r, c.start, c.end)) });
    });
    return;
  }
  // 研究制定…建设指南，完善…装修设计大纲: two documents to produce are two pledges
  const deliverables = live.filter((c) => DELIVERABLE.test(s.slice(c.start, c.end)));
  if (deliverables.length >= 2) {
    for (const c of deliverables) {
      const text = s.slice(c.start, c.end);
      out.commitments.push(commitmentOf(base, milestoneCue(text) ? "milestone" : "qualitative", qualitativeIndicator(text), null, dueIn(sen, dueFor(times, c.end, c.end, ctx.docDate, titles)), "cue:deliverables"));
    }
    return;
  }
  const kind: CommitmentKind = milestoneCue(pledgePart) || issuesNamedDocument(s, pledgePart) || r.quantities.some((q) => isArticleOne(q) && q.start >= pledgeFrom && /新建|建设|建成|打造|设立|成立/.test(s.slice(clauses[clauseAt(clauses, q.start)].start, q.start))) ? "milestone" : "qualitative";
  // 洋县2024年老旧小区改造项目 | / 2024年建设内容 |: a table cell that names a project or a column pledges nothing itself
  if (kind === "qualitative" && NAME_CELL.test(s)) return;
  const due = dueFor(times, s.length, s.length, ctx.docDate, titles);
  const c = commitmentOf(base, kind, qualitativeIndicator(pledgePart), null, dueIn(sen, due), `${r.scope.forward ? "scope" : "cue"}:${kind}`);
  if (kind === "qualitative" && !r.scope.forward && /研究|探索/.test(pledgePart)) c.needsReview = true;
  out.commitments.push(c);
}

const NAME_CELL = /^[^,;:。|]{2,40}(?:项目|工程|内容|名称)\s*\|\s*$/;

/** A milestone beside the numbers: 新增床位169张，试点将…列入长护险保障范围 / 力争6月底前建成投运，届时…达到… */
function milestoneBesideNumbers(r: Reading, all: Placed[], base: Base, out: SentenceResult): void {
  const { s, clauses, pledgeFrom, clausePast, times, ctx, sen, titles } = r;
  const lastTargetClause = Math.max(...all.map((t) => t.clause));
  const targetClauses = new Set(all.map((t) => t.clause));
  // 城市可持续发展能力明显增强,城镇开发边界全面划定,新增建设用地规模控制在2950万亩以内,城市内涝治理取得明显成效:
  // beside the numbers, three or more states of other measures are targets each, quoting their own clause
  const states: number[] = [];
  for (let i = 0; i < clauses.length; i++) {
    if (targetClauses.has(i) || clauses[i].end <= pledgeFrom || clausePast[i]) continue;
    if (STATE_CLAUSE.test(s.slice(clauses[i].start, clauses[i].end).trim())) states.push(i);
  }
  if (states.length >= 3) {
    const due = dueIn(sen, dueFor(times, s.length, s.length, ctx.docDate, titles), "inferred");
    for (const i of states) {
      const text = s.slice(clauses[i].start, clauses[i].end);
      const kind = DONE_STATE.test(text.trim()) ? "milestone" : "qualitative";
      out.commitments.push({ ...commitmentOf(base, kind, qualitativeIndicator(text), null, due, "cue:states-beside-numbers"), ...clauseQuote(r, clauses[i].start, clauses[i].end) });
    }
    return;
  }
  for (let i = 0; i < clauses.length; i++) {
    if (targetClauses.has(i) || clauses[i].end <= pledgeFrom) continue;
    const text = s.slice(clauses[i].start, clauses[i].end);
    if (clausePast[i] || insideQuote(s, clauses[i].start) || !ACTION_VERB.test(text)) continue;
    // 到2022年全部完成: the targets' deadline, not a thing of its own
    if (/^(?:到|至|于)?[\d年月底前末内]*(?:全部|全面|均|都)?(?:完成|建成|到位|实现)[,;。]?$/.test(text.replace(/\s/g, ""))) continue;
    const ownDeadline = times.some((t) => t.start >= clauses[i].start && t.start < clauses[i].end && t.role === "due");
    // before the last target only a named thing built or launched stands on its own (建成…信息平台，…达到100%)
    if (i < lastTargetClause && !ownDeadline && !MILESTONE_BESIDE_NUMBER.slice(0, 1).some((re) => re.test(text))) continue;
    // a named thing built or launched, or a step done by its own deadline (5月底前完成…清掏疏通)
    const step = ownDeadline && /完成|建成|实现|开工|竣工|投运|上线|出台|印发/.test(text);
    if (!step && !MILESTONE_BESIDE_NUMBER.some((re) => re.test(text))) continue;
    const due = dueFor(times, clauses[i].start, clauses[i].end, ctx.docDate, titles);
    out.commitments.push(commitmentOf(base, "milestone", qualitativeIndicator(text), null, dueIn(sen, due, "inferred"), "cue:milestone-beside-number"));
    break;
  }
}

/** 达到80岁左右 after 人均预期寿命…再提升1岁: a bare measure word is named by the sentence's own subject. */
function nameGenericMeasures(out: SentenceResult): void {
  for (const c of out.commitments) {
    if (c.kind !== "quantitative" || !GENERIC_NAME.test(c.indicator)) continue;
    const named = [...out.commitments, ...out.observations].find((x) => x !== c && !GENERIC_NAME.test(x.indicator) && x.indicator.length >= 2 && ("target" in x ? x.target?.unit : x.unit) === c.target?.unit);
    if (named) c.indicator = named.indicator;
  }
}

/**
 * `carry`: the sentence before, in the same paragraph, pledged. A sentence that goes on from it
 * (同时，… / 并…) pledges too; any other one pledges its numbers unless it reports (已, 目前).
 */
export function assembleSentence(sen: Sentence, scope: SentenceScope, ctx: Ctx, previousSubject: { value: string | null }, carry = false): SentenceResult {
  const s = sen.s;
  const out: SentenceResult = { commitments: [], observations: [] };
  // the deputy's requests, what follows the signature, and lists of related links (· 标题（日期）)
  // (a bullet is a list of related links when it ends with a page date: · 标题（2024-05-01）; a bullet of
  // targets — ■全市生产总值增长6%-6.5% — is read)
  if (scope.request || scope.tail || (/^[·•▪■◆]/.test(s) && (/[(（]\d{4}[-./年]\d{1,2}/.test(s) || s.length < 8))) return out;
  // most sentences hold no number, no date and no cue word: nothing to find there
  const cues = cuesOf(s);
  if (!scope.forward && !carry && cues.length === 0 && !mayMatter(s)) return out;
  // a headline that announces a plan (我市今年将新增公办学位1.2万个) restates the body: no figure of its own
  if (scope.heading && cues.length > 0) return out;
  const r = readSentence(sen, scope, ctx, carry, cues);
  if (!r) return out;
  const seen: Observed = { sen, quote: r.quote, times: r.times, clauses: r.clauses, ctx, previousSubject, sentenceSubject: null, out };
  const targets = sortQuantities(r, seen);
  const pledge = r.pledge;
  if (!pledge) return out;
  const all = pledgedTargets(r, pledge, targets, seen);
  if (!all) return out;

  const future = s.slice(r.pledgeFrom);
  const firmness = firmnessOf(future);
  const base: Base = {
    quote: r.quote, start: sen.start, end: sen.end, agency: ctx.agency, firmness, cue: pledge.cue,
  };
  quantitativeCommitments(r, all, base, previousSubject, out);
  // 清单包括:5G+同步课堂项目、…长者食堂建设项目、…: each project the list names is a task of its own
  if (r.scope.forward && projectList(r, all, base, out)) {
    nameGenericMeasures(out);
    return out;
  }
  if (all.length === 0) wordCommitments(r, base, out);
  else milestoneBesideNumbers(r, all, base, out);
  nameGenericMeasures(out);
  return out;
}

/**
 * A clause of the sentence (offsets in the sentence) as its own quote: from its first character to its
 * last, without the mark that ends it — the quote of each later pledge of a sentence (GUIDE §1).
 */
function clauseQuote(r: Reading, start: number, end: number): Pick<Commitment, "quote" | "start" | "end"> {
  const text = r.s.slice(start, end);
  const from = r.sen.start + start + (text.length - text.trimStart().length);
  const to = from + text.trim().replace(/[,;。、]+$/, "").length;
  return { quote: r.ctx.text.slice(from, to), start: from, end: to };
}

const WHERE_COUNT = /^[^,;。]{0,6}?(?:村|乡镇|镇|乡|社区|街道|县|区|市|小区)/;

const PROJECT_ITEM = /(?:项目|工程|行动|计划)[”"]?$/;

/**
 * A sentence of the plan that lists projects by name, 、 between them: one milestone per project
 * without a number of its own (those with one are its quantitative targets already). The first
 * pledge of the sentence quotes it whole, each later one its own item. False when the sentence is
 * no such list (fewer than three items, or fewer than two in three named as projects).
 */
function projectList(r: Reading, all: Placed[], base: Base, out: SentenceResult): boolean {
  const { s } = r;
  if (!s.includes("、")) return false;
  const from = Math.max(s.lastIndexOf(":", s.indexOf("、")) + 1, r.pledgeFrom === Infinity ? 0 : r.pledgeFrom);
  const items: Array<{ start: number; end: number; text: string }> = [];
  let at = from;
  for (const piece of s.slice(from).split(/[、。;]/)) {
    const text = piece.trim();
    const start = s.indexOf(piece, at) + (piece.length - piece.trimStart().length);
    at = start + piece.trim().length;
    if (text.length >= 3 && text.length <= 40) items.push({ start, end: start + text.length, text });
  }
  const projects = items.filter((i) => PROJECT_ITEM.test(i.text));
  if (items.length < 3 || projects.length < 3 || projects.length * 3 < items.length * 2) return false;
  const numbered = new Set(all.map((t) => t.q.start));
  let first = out.commitments.length === 0;
  for (const item of projects) {
    if ([...numbered].some((q) => q >= item.start && q < item.end)) continue;
    out.commitments.push({ ...commitmentOf(base, "milestone", qualitativeIndicator(item.text), null, null, "scope:project-list"), ...(first ? {} : clauseQuote(r, item.start, item.end)) });
    first = false;
  }
  return true;
}
