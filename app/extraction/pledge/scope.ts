// Which sentences stand where a reply makes its plans: a section headed 下一步工作, the rest of a
// paragraph that opens with 下一步, and the table cells that hold the deputy's own requests (which
// are not the agency's pledges, however imperative they sound).
import type { Paragraph, Sentence } from "../text/segment";
import { CLOSING, ENUMERATOR, FORWARD_HEADING, FORWARD_OPENER, REPORT_OPENER, TASK_FIELD, enumeratorStyle } from "./cues";

export interface SentenceScope {
  /** in a section or paragraph of plans */
  forward: boolean;
  /** a heading: (一)加强设施配建。 — says what follows, pledges nothing itself */
  heading: boolean;
  /** in a request cell of a 序号/具体诉求/答复内容 table */
  request: boolean;
  /** after the signature: contact lines, page chrome */
  tail: boolean;
}

const DATE_LINE = /^\s*(?:\d{4}|[二〇零一三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$/;

function paragraphText(shadow: string, p: Paragraph): string {
  return shadow.slice(p.start, p.end);
}

const SECTION_MARK = /^[■◆▲★▶【]/;
const ITEM_BULLET = /^[●•·▪]/;
function isHeadingParagraph(t: string): boolean {
  // (■ 2025年经济社会发展的主要预期目标: a section mark opens a heading as a number does)
  return t.length <= 40 && !/[,;。]./.test(t) && (ENUMERATOR.test(t) || SECTION_MARK.test(t) || t.length <= 16) && !/\d{3,}[家个张人名%]/.test(t);
}

/**
 * A document that is itself a plan: a 民生实事 list, a work plan or task list, the year's main
 * targets (GUIDE §1: each task is a commitment, cue word or not, while its period is not over).
 * Reports on such a plan (完成情况, 进展, 公示, 总结) are not.
 */
export function isPlanDocument(title: string | null): boolean {
  if (!title) return false;
  return /民生实事|惠民实事|民生事项|为民办实事|民生工程|实事项目|工作要点|实施方案|行动方案|工作方案|推进方案|建设方案|行动计划|实施计划|工作计划|任务清单|重点任务|主要预期目标|目标任务/.test(title) && !/完成情况|进展|公示|总结|成效|回顾|通报|报告|落实情况|办理情况|答复|超额完成|圆满完成|全面完成|完成(?:年度|全年)?目标|已完成/.test(title);
}

/** A report on a plan's progress (民生实事…进度表, 进展情况): its numbered items restate the tasks. */
export function isPlanProgress(title: string | null): boolean {
  return !!title && /民生实事|实事项目|为民办实事|民生工程|重点任务/.test(title) && /进展|进度|完成情况|推进情况/.test(title);
}

// …民生实事项目具体如下 / 重点抓好15件大事和民生实事。分别是: / 今年的十件民生实事：
// …云南将继续推出10件惠民实事: what follows are this year's tasks
const TASK_LIST_LEADIN = /(?:民生实事|实事项目|为民办实事|件大事|件实事|重点任务)[^。;]{0,24}(?:如下|分别是|具体是|包括)[:]?$|(?:民生实事|件大事|件实事)(?:项目)?[^。;]{0,6}[:]$|将(?:继续)?(?:[^,;。]{0,12}?[,])?(?:集中力量|全力|着力|精心)?(?:重点)?(?:推出|办好|抓好|实施|实施好|办理|推进)[\d一二三四五六七八九十]+(?:件|项|方面)(?:重点)?(?:民生实事|惠民实事|民生实事项目|实事|大事)/;

// (…提出了2018年的主要目标,即地区生产总值增长10%左右,…: the items follow 即 in the same sentence)
const TARGETS_LEADIN = /(?:预期目标|主要目标|发展目标|目标任务|主要指标)(?:是|为|有)?(?:[:]|,即|,分别是)/;

// Both lead-ins are tested on every sentence, and a regex opening with an alternation of words
// scans slowly: what every match must hold (实事/大事/任务; a colon) is looked up first.
export function isTaskListLeadIn(s: string): boolean {
  return (s.includes("实事") || s.includes("大事") || s.includes("任务")) && TASK_LIST_LEADIN.test(s);
}
function isTargetsLeadIn(s: string): boolean {
  return (s.includes(":") || s.includes(",即") || s.includes(",分别是")) && TARGETS_LEADIN.test(s);
}

// scopeSentences is split into one function per kind of passage (plans, requests, the tail) and
// the sentence pass: as one function V8 spent long re-optimising it after each deoptimisation
// (issue 7). Each paragraph's enumerator style is found once; the passes below asked for it again
// for every heading they looked past.

export function scopeSentences(shadow: string, paragraphs: Paragraph[], sentences: Sentence[], planDocument = false, planProgress = false): SentenceScope[] {
  // (filled by push, not map(): see forwardParagraphs)
  const texts: string[] = [];
  const styles: Array<string | null> = [];
  for (const p of paragraphs) {
    const t = paragraphText(shadow, p);
    texts.push(t);
    styles.push(enumeratorStyle(t));
  }
  const forwardParagraph = forwardParagraphs(texts, styles, planDocument, planProgress);
  const requestParagraph = requestParagraphs(texts);
  const tailParagraph = tailParagraphs(texts);
  return sentenceScopes(sentences, styles, forwardParagraph, requestParagraph, tailParagraph, planDocument || planProgress);
}

/** The paragraphs that stand in a passage of plans. */
function forwardParagraphs(texts: string[], styles: Array<string | null>, planDocument: boolean, planProgress: boolean): boolean[] {
  // in a plan document every paragraph after the title is a plan (headings and the sign-off excepted below)
  // (filled by push: an array made by map() had another shape in optimised code than in the builtin,
  // and the stores below deoptimised this function again and again)
  const forwardParagraph: boolean[] = [];
  for (let i = 0; i < texts.length; i++) forwardParagraph.push(planDocument && i > 0 && !/^(?:发布日期|发布时间|来源|索引号|日期)/.test(texts[i]));

  if (planProgress) for (let i = 1; i < texts.length; i++) if (ENUMERATOR.test(texts[i]) && /\d|[一二两三四五六七八九十]+[个所家张人户座处]/.test(texts[i])) forwardParagraph[i] = true;
  // sections of plans, from a heading to the next heading of the same style or the sign-off
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!(isHeadingParagraph(t) && FORWARD_HEADING.test(t))) continue;
    // 2020年目标任务完成情况: a heading over what was done reports
    if (/完成情况|进展情况|落实情况|已完成|回顾|成效/.test(t)) continue;
    const style = styles[i];
    for (let j = i + 1; j < texts.length; j++) {
      const u = texts[j];
      if (CLOSING.test(u) || DATE_LINE.test(u)) break;
      if (style && styles[j] === style && u.length <= 40 && isHeadingParagraph(u)) break;
      if (!style && isHeadingParagraph(u) && styles[j] === "cn-dun") break;
      forwardParagraph[j] = true;
    }
  }

  // 下一步，我们将重点做好以下工作： with its items on lines of their own; the lead-in may also end
  // in 。 (下一步，我们将从以下几个方面重点用力，…。) and be followed by numbered paragraphs
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    const leadIn = /[:]$/.test(t) ? FORWARD_OPENER.test(t) || /下一步|下阶段|今后|以下工作|如下工作|重点做好/.test(t) : /[。]$/.test(t) && t.length <= 120 && FORWARD_OPENER.test(t) && /以下|如下/.test(t);
    const style = styles[i + 1] ?? null;
    if (!style) {
      // 我们会做到如下方面： followed by one paragraph of plans
      // (主要进度如下： announces a report: 主要 is no 要, and progress is no plan)
      if (/[:]$/.test(t) && /(?:将|会|(?<![主需重只])要|拟|计划)[^,;。]{0,12}(?:以下|如下)/.test(t) && !/答复|报告|汇报|说明|介绍|函告|(?:进度|进展|完成情况|推进情况|落实情况)(?:如下|情况如下)[:]$/.test(t) && texts[i + 1] && !CLOSING.test(texts[i + 1])) forwardParagraph[i + 1] = true;
      continue;
    }
    if (!leadIn) continue;
    for (let j = i + 1; j < texts.length && styles[j] === style && !CLOSING.test(texts[j]); j++) {
      if (isHeadingParagraph(texts[j]) && style === "cn-dun") break;
      forwardParagraph[j] = true;
    }
  }
  return forwardParagraph;
}

/** List-style replies: a bare 序号 line is followed by the deputy's request cell. */
function requestParagraphs(texts: string[]): boolean[] {
  const requestParagraph = new Array<boolean>(texts.length).fill(false);
  const hasRequestTable = texts.some((t) => /^(?:具体诉求|建议内容|诉求内容|代表建议|建议事项|意见建议|提案内容|主要诉求)$/.test(t));
  if (hasRequestTable) {
    for (let i = 0; i + 1 < texts.length; i++) {
      if (/^\d{1,3}$/.test(texts[i])) requestParagraph[i + 1] = true;
    }
  }
  return requestParagraph;
}

/** The signature: the last date line; what follows is contact details and page chrome. */
function tailParagraphs(texts: string[]): boolean[] {
  const tailParagraph = new Array<boolean>(texts.length).fill(false);
  let lastDate = -1;
  for (let i = 0; i < texts.length; i++) if (DATE_LINE.test(texts[i])) lastDate = i;
  // (a bulletin or news item dated at its top goes on with its body: long prose after the date is no tail)
  const proseAfter = lastDate >= 0 && texts.slice(lastDate + 1).some((t) => t.length > 60 && /[。;]/.test(t) && !/联系|电话|地址|邮编|版权|备案|主办|承办/.test(t));
  if (lastDate >= 0 && lastDate >= texts.length * 0.5 && !proseAfter) for (let i = lastDate + 1; i < texts.length; i++) tailParagraph[i] = true;
  return tailParagraph;
}

function sentenceScopes(sentences: Sentence[], styles: Array<string | null>, forwardParagraph: boolean[], requestParagraph: boolean[], tailParagraph: boolean[], planLike: boolean): SentenceScope[] {
  const out: SentenceScope[] = [];
  let openParagraph = -1; // a paragraph whose 下一步 opened a forward passage
  let listFrom = -1; // a 民生实事 list announced (…民生实事项目具体如下 / 重点抓好15件大事和民生实事。分别是:)
  for (let k = 0; k < sentences.length; k++) {
    const sen = sentences[k];
    const s = sen.s;
    // the lead-in may be split: …抓好15件大事和民生实事。分别是:
    if (listFrom < 0 && (isTaskListLeadIn(s) || (k > 0 && /^(?:分别是|具体如下|具体是|如下)[:]?$/.test(s) && /民生实事|实事项目|件大事|件实事|为民办实事/.test(sentences[k - 1].s)))) listFrom = k + 1;
    // …重点抓好15件大事和民生实事。分别是: (1)加快建设… — the first item shares the lead-in's sentence
    else if (listFrom < 0 && k > 0 && /^(?:分别是|具体如下|具体是|主要有|包括)[:]./.test(s) && /民生实事|实事项目|件大事|件实事|为民办实事/.test(sentences[k - 1].s)) listFrom = k;
    // 这十件民生实事分别是:完成…工程; — lead-in and first item in one sentence
    else if (listFrom < 0 && s.includes(":") && /(?:民生实事|实事项目|件大事|件实事|为民办实事)[^。;:]{0,12}(?:分别是|具体是|主要有|包括)[:]./.test(s)) listFrom = k;
    else if (listFrom >= 0 && k >= listFrom && CLOSING.test(s)) listFrom = Infinity;
    // 今年主要预期目标是：A；B；C。 — every item of the paragraph is a target
    if (FORWARD_OPENER.test(s) || isTargetsLeadIn(s)) openParagraph = sen.paragraph;
    // in a page run together into one paragraph, the next part (二、关于…) or a report ends the plans
    else if (openParagraph === sen.paragraph && (enumeratorStyle(s) === "cn-dun" || REPORT_OPENER.test(s))) openParagraph = -1;
    // a sign-off inside a run-together paragraph ends the plans before it, not those after it
    if (openParagraph === sen.paragraph && (CLOSING.test(s) || /感谢|欢迎您/.test(s))) openParagraph = -1;
    const forwardHere = forwardParagraph[sen.paragraph] || openParagraph === sen.paragraph || (listFrom >= 0 && k >= listFrom);
    const next = sentences[k + 1];
    const sameParagraphNext = next && next.paragraph === sen.paragraph ? next.s : null;
    const heading = isHeading(sentences, k, styles, sameParagraphNext, forwardHere, planLike);
    out.push({ forward: forwardHere, heading, request: requestParagraph[sen.paragraph], tail: tailParagraph[sen.paragraph] });
  }
  return out;
}

/** A heading: (一)加强设施配建。 — says what follows, pledges nothing itself. */
function isHeading(sentences: Sentence[], k: number, styles: Array<string | null>, sameParagraphNext: string | null, forwardHere: boolean, planLike: boolean): boolean {
  const sen = sentences[k];
  const s = sen.s;
  const next = sentences[k + 1];
  const style = enumeratorStyle(s);
  let heading = false;
  if (style) {
    const body = s.replace(ENUMERATOR, "");
    const shortItem = body.length <= 22 && !/[,;:]/.test(body) && !/[;]$/.test(s);
    // in a plan or a progress table of one, a numbered task with its number is the task, not a heading
    if (shortItem && !(planLike && /\d/.test(body))) {
      // a heading is followed by its elaboration, not by a sibling item of the same style
      if (sameParagraphNext !== null) heading = enumeratorStyle(sameParagraphNext) !== style;
      else if (sen.ordinal === 0 && style !== "shi") heading = (styles[sen.paragraph + 1] ?? null) !== style;
    }
  }
  // 1.完成全市农村公益性公墓建设工作。 followed by 责任单位:… is a task of the table, not a heading
  if (heading && next && TASK_FIELD.test(next.s)) heading = false;
  // a heading cut off right after (the page ends inside its elaboration) is all that is left of the pledge
  if (heading && forwardHere && next && k + 1 === sentences.length - 1 && next.paragraph === sen.paragraph && next.s.length <= 6 && !/[。;!?]$/.test(next.s)) heading = false;
  // (a short line with a figure in a section of plans is a target, not a heading: ■全市生产总值增长6%)
  // (●居民收入增长与经济增长同步 among ● items of a section of plans is an item: a bullet marks items, not headings)
  if (!style && sen.ordinal === 0 && sameParagraphNext === null && isHeadingParagraph(s) && !/。$/.test(s) && s.length <= 20 && !(forwardHere && (/\d/.test(s) || ITEM_BULLET.test(s)))) heading = true;
  return heading;
}
