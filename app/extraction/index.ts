// The extraction engine: a pure function of the text and the document's date.
// No database, no clock, no framework. See README.md in this folder for the pipeline.
import type { Commitment, ExtractOptions, ExtractionResult, Observation } from "./types";
import { sameTextKey, shadowOf } from "./text/shadow";
import { paragraphsOf, sentencesOf, type Paragraph, type Sentence } from "./text/segment";
import { isPlanDocument, isPlanProgress, isTaskListLeadIn, scopeSentences, type SentenceScope } from "./pledge/scope";
import { assembleSentence } from "./pledge/assemble";
import { TASK_FIELD } from "./pledge/cues";
import { extractMetadata } from "./document/metadata";
import { attachBaselines } from "./observation/baseline";
import { extractTables } from "./pledge/table";
import { extractCellTables } from "./pledge/cell-table";
import { parseChineseNumeral } from "./numerals/chinese";
import { findTimes } from "./time";
import { normaliseInput, originalEnd, originalStart, type NormalisedText } from "./text/normalise";

export type * from "./types";

/**
 * Reads Simplified text without pinyin readings (text/normalise.ts); every span and quote in the
 * result points into `text` as given.
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const n = normaliseInput(text);
  const result = extractNormalised(n.text, options);
  return n.changed ? remap(result, text, n) : result;
}

/** A pinyin reading inserted after a character: (gè), (zhǎn). */
const READING_AFTER = /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/;

function remap(r: ExtractionResult, original: string, n: NormalisedText): ExtractionResult {
  const span = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: originalStart(n, x.start), end: originalEnd(n, x.end) });
  const quoted = <T extends { start: number; end: number; quote: string }>(x: T): T => {
    const y = span(x);
    // 停車設(shè)施7.7萬個(gè): the reading after the quote's last character belongs to it
    const reading = READING_AFTER.exec(original.slice(y.end, y.end + 12));
    if (reading) y.end += reading[0].length;
    return { ...y, quote: original.slice(y.start, y.end) };
  };
  return {
    document: r.document,
    commitments: r.commitments.map((c) => ({
      ...quoted(c),
      due: c.due ? { ...span(c.due), text: original.slice(originalStart(n, c.due.start), originalEnd(n, c.due.end)) } : null,
      baseline: c.baseline ? quoted(c.baseline) : null,
    })),
    observations: r.observations.map(quoted),
  };
}

// extractNormalised is split into the page's reading (what kind of page it is, its tables), the
// sentence pass and the merging of what they found: as one function V8 re-optimised it for long
// after each deoptimisation (issue 7). The steps run in the same order as before.
function extractNormalised(text: string, options: ExtractOptions): ExtractionResult {
  const shadow = shadowOf(text);
  const document = extractMetadata(shadow, options);
  const paragraphs = paragraphsOf(shadow);
  const sentences = sentencesOf(shadow, paragraphs);
  const page = readPage(text, shadow, document, paragraphs, sentences);
  const pass = readSentences(text, shadow, document, sentences, page);
  return merge(text, shadow, document, page, pass);
}

/** What the page is (a plan, a progress report), each sentence's scope, and what its tables pledge and report. */
interface Page {
  titleLike: string;
  planDocument: boolean;
  planProgress: boolean;
  scopes: SentenceScope[];
  /** paragraphs consumed by tables: the sentence pass skips them */
  used: Set<number>;
  commitments: Commitment[];
  observations: Observation[];
}

function readPage(text: string, shadow: string, document: ExtractionResult["document"], paragraphs: Paragraph[], sentences: Sentence[]): Page {
  // the title, or the page's first line when it has none (2023年广东省…公布了今年的十件民生实事。)
  const firstLine = (shadow.slice(0, 120).split("\n").find((l) => l.trim() !== "") ?? "").trim();
  // a long first line is a title only up to the name of the table or plan run into it (…责任分解表序号项目名称…)
  // (not a sentence that cites a plan by its title: 经省政府常务会议研究审定,…印发《…工作方案》)
  const titleLike = firstLine.length <= 60 ? firstLine : (/^[^。;《]{0,48}?(?:(?:分解|一览|任务|进度|统计|汇总|计划|明细|安排|责任|项目|清单)表|清单|方案|计划)|^[^。;《]{0,70}?[\d一二三四五六七八九十]+件(?:民生实事|实事|惠民实事)(?:项目)?/.exec(firstLine)?.[0] ?? "");
  // a headline's subtitle names the plan (真正把实事办实…\n——2024年省政府十方面民生实事)
  const subtitle = shadow.slice(0, 300).split("\n").map((l) => l.trim()).filter((l) => l !== "").slice(1, 3).find((l) => /^[—-]{1,2}[^—-]/.test(l) && l.length <= 40);
  const planDocument =
    isPlanDocument(document.title) || isPlanDocument(titleLike.replace(/政府工作报告/g, "")) || (subtitle !== undefined && isPlanDocument(subtitle.replace(/^[—-]+/, "")));
  // …while the plan's year is not over: a completion notice for a past year reports (its tasks are optional, GUIDE §1)
  const planYear = /(\d{4})年/.exec(document.title ?? titleLike)?.[1];
  const planProgress = !planDocument && (isPlanProgress(document.title) || isPlanProgress(titleLike)) && !yearIsOver(planYear, document.repliedOn);
  const scopes = scopeSentences(shadow, paragraphs, sentences, planDocument, planProgress);
  const tables = extractTables(text, shadow, paragraphs, document.repliedOn, document.agency);
  // a completion table of a year that is over reports; its tasks are optional (GUIDE §1) and not read as pledges
  const headYear = /(\d{4})年/.exec(document.title ?? shadow.slice(0, 120))?.[1];
  const pastReport = yearIsOver(headYear, document.repliedOn) && /完成情况|完成情况表|总结|公示/.test(document.title ?? shadow.slice(0, 120));
  const cells = extractCellTables(text, shadow, paragraphs, tables.used, document.repliedOn, document.agency, pastReport);
  for (const k of cells.used) tables.used.add(k);
  if (pastReport) tables.commitments.splice(0);
  // a table's lead unit speaks when the page names no agency of its own (区民政局)
  const leads = new Set<string>();
  for (const c of cells.commitments) if (c.agency !== null) leads.add(c.agency);
  if (!document.agency && leads.size === 1) document.agency = [...leads][0];
  // 进展情况表(截至9月底): the table's figures are as of that day, not of the page's date
  const titleLine = document.title ? shadow.slice(0, 2000).split("\n").find((l) => l.includes(document.title!)) : undefined;
  const tableAsOf = reportDate(titleLine ?? titleLike, document.repliedOn);
  if (tableAsOf) for (const o of [...tables.observations, ...cells.observations]) if (o.asOf === document.repliedOn) o.asOf = tableAsOf;
  const commitments: Commitment[] = [...tables.commitments, ...cells.commitments];
  const observations: Observation[] = [...tables.observations, ...cells.observations];
  return { titleLike, planDocument, planProgress, scopes, used: tables.used, commitments, observations };
}

/** A short line that heads a section (2021任务清单), and the year it names for a list of tasks or targets. */
const HEADING_LINE = /^[^,;。]{2,30}$/;
const SECTION_YEAR = /((?:19|20)\d\d|[一二][〇○零九][〇○零一二三四五六七八九]{2}(?=年))年?(?:度)?(?:[^,;。\d]{0,12}?)(?:任务清单|目标清单|目标任务|主要目标|预期目标|重点任务|民生实事|办实事项目|实事项目|工作任务|任务)/;
/** 2021 or 二○二五 (a year written digit by digit, with 〇, ○ or 零 for nought) as four digits. */
function sectionYearDigits(year: string): string {
  return /^\d{4}$/.test(year) ? year : String(parseChineseNumeral(year.replace(/○/g, "〇")));
}

const LEAD_IN_YEAR = /((?:19|20)\d\d)年(?!\d|底|末|以来|以前|前)/;

/** A category line inside a year's list (老有所享, 儿童友好): a heading that does not end the year's section. */
const CATEGORY_LINE = /^[^\d年、.．()（）一二三四五六七八九十第]{2,8}$/;

/** What the sentences pledge and report, added to the tables' findings, with each one's sentence key. */
interface SentencePass {
  commitments: Commitment[];
  observations: Observation[];
  keys: string[];
  keyOf: Map<Commitment | Observation, number>;
}

function readSentences(text: string, shadow: string, document: ExtractionResult["document"], sentences: Sentence[], page: Page): SentencePass {
  const { scopes, used, commitments, observations } = page;
  // sentences are known by a small number: the dedupe keys below stay short
  const sentenceIds = new Map<string, number>();
  const keys: string[] = [];
  const previousSubject = { value: null as string | null };
  let previousDue: Commitment["due"] = null;
  const reportYear = bulletinYear(document.title, shadow, document.repliedOn);
  let pledgedParagraph = -1; // the paragraph whose last sentence pledged
  let sectionDue: Commitment["due"] = null;
  let lastTask: Commitment[] = [];
  const keyOf = new Map<Commitment | Observation, number>();
  for (let i = 0; i < sentences.length; i++) {
    if (used.has(sentences[i].paragraph)) continue;
    // a repeat is still read (its first copy may sit in a run-together paragraph that reads
    // differently); what it yields is merged with the first copy's below
    const key = sameTextKey(sentences[i].s);
    let id = sentenceIds.get(key);
    const repeat = id !== undefined && key.length >= 8;
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      sentenceIds.set(key, id);
    }
    const carry = pledgedParagraph === sentences[i].paragraph;
    // 2021任务清单 / 2024年目标任务: a heading's year is the deadline of the items under it, up to the next heading
    // (HEADING_LINE matches 2 to 30 characters only: longer sentences are not tested)
    const sectionYear = sentences[i].s.length <= 30 && HEADING_LINE.test(sentences[i].s) ? SECTION_YEAR.exec(sentences[i].s) : null;
    if (sectionYear) {
      const at = sentences[i].start + sectionYear.index;
      const year = sectionYearDigits(sectionYear[1]);
      sectionDue = yearIsOver(year, document.repliedOn) ? null : { date: `${year}-12-31`, precision: "year", text: sectionYear[0], start: at, end: at + sectionYear[0].length, certainty: "inferred" };
    } else if (scopes[i].heading && !CATEGORY_LINE.test(sentences[i].s)) sectionDue = null;
    else if (isTaskListLeadIn(sentences[i].s)) {
      // 2015年,秦安县…将集中力量办好十件民生实事。: the list that follows is that year's
      const y = LEAD_IN_YEAR.exec(sentences[i].s);
      if (y && !yearIsOver(y[1], document.repliedOn)) {
        const at = sentences[i].start + y.index;
        sectionDue = { date: `${y[1]}-12-31`, precision: "year", text: y[0], start: at, end: at + y[0].length, certainty: "inferred" };
      }
    }
    // 责任单位:… / 完成时限:2020年6月底前。: a task table's fields pledge nothing; the deadline dates the task above
    if (TASK_FIELD.test(sentences[i].s)) {
      const when = /^(?:完成时限|时间节点|完成时间)/.test(sentences[i].s);
      const deadline = when ? findTimes(sentences[i].s, { docDate: document.repliedOn }).find((t) => t.role === "due" && t.date !== null) : undefined;
      if (deadline) for (const c of lastTask) if (!c.due || c.due.certainty === "inferred") c.due = { date: deadline.date!, precision: deadline.precision, text: deadline.text, start: sentences[i].start + deadline.start, end: sentences[i].start + deadline.end, certainty: "stated" };
      // (a deadline field that goes on with steps of its own — 完成时限:4月底前落实好用地…并开工建设 — is read too)
      const rest = deadline ? sentences[i].s.replace(TASK_FIELD, "").replace(deadline.text, "").replace(/[\s。;,]/g, "") : "";
      if (!when || rest.length <= 4) continue;
    }
    // (afterSemicolon: endsWith(";") says what /[;]$/ did, without a regex run per sentence)
    const r = assembleSentence(sentences[i], scopes[i], { text, docDate: document.repliedOn, agency: document.agency, previousDue, reportYear, afterSemicolon: i > 0 && sentences[i - 1].s.endsWith(";") }, previousSubject, carry);
    if (sectionDue && scopes[i].forward) for (const c of r.commitments) if (!c.due) c.due = { ...sectionDue };
    if (r.commitments.length > 0) lastTask = r.commitments;
    previousDue = r.commitments.reduce<Commitment["due"]>((d, c) => c.due ?? d, null);
    pledgedParagraph = r.commitments.length > 0 ? sentences[i].paragraph : -1;
    for (const c of r.commitments) keyOf.set(c, id);
    for (const o of r.observations) keyOf.set(o, id);
    commitments.push(...r.commitments);
    if (!repeat) observations.push(...r.observations);
  }
  return { commitments, observations, keys, keyOf };
}


/** Duplicates merged, headlines dropped, a plan's year as the default deadline, baselines, and each pledge's own words. */
function merge(text: string, shadow: string, document: ExtractionResult["document"], page: Page, pass: SentencePass): ExtractionResult {
  const { titleLike, planDocument, planProgress } = page;
  const { commitments, observations, keys, keyOf } = pass;
  // near-duplicates (a copy that lost a character of a date) still pledge once
  const looseIds = new Map<string, number>();
  // (filled by push, not map(): see readSentence's clausePast)
  const looseOf: number[] = [];
  for (const k of keys) {
    // (the date to drop needs digits: a key without any is its own loose key)
    const loose = hasDigit(k) ? k.replace(/\d{4}年?\d{1,2}月/g, "") : k;
    if (!looseIds.has(loose)) looseIds.set(loose, looseIds.size);
    looseOf.push(looseIds.get(loose)!);
  }
  const unique = dedupe(commitments, (c) => `${looseOf[keyOf.get(c) ?? -1] ?? c.quote}|${c.kind}|${c.target?.value ?? ""}|${c.target?.text ?? ""}|${c.due?.date ?? ""}|${c.indicator}`);
  dropContained(unique, (c) => keys[keyOf.get(c) ?? -1] ?? c.quote);
  // (several figures share a sentence, and the check below compares each with all others: each
  // quote's key is found once)
  const quoteKeys = new Map<string, string>();
  const quoteKey = (quote: string): string => {
    let key = quoteKeys.get(quote);
    if (key === undefined) {
      key = sameTextKey(shadowOf(quote));
      quoteKeys.set(quote, key);
    }
    return key;
  };
  // a news item's headline repeats the pledge its body states
  // (…unless the body does not: 河北今年将建城市公共停车设施7.7万个 over a body that only reports the year's
  // tasks, 建设任务3.8万个、…共计7.7万个, keeps the headline's pledge)
  if (document.kind === "report" && document.title) {
    const headlineKey = sameTextKey(shadowOf(document.title));
    for (let i = unique.length - 1; i >= 0; i--) {
      const c = unique[i];
      if (quoteKey(c.quote) !== headlineKey) continue;
      const restated = c.kind !== "quantitative" || unique.some((x) => x !== c && quoteKey(x.quote) !== headlineKey && x.target?.value === c.target?.value && x.target?.unit === c.target?.unit);
      if (restated) unique.splice(i, 1);
    }
  }
  // …and the figure its body reports (我国前三季度城镇新增就业1107万人 over 1至9月全国城镇新增就业1107万人):
  // the body's sentence is the one to quote
  if (document.title) {
    const headlineKey = sameTextKey(shadowOf(document.title));
    for (let i = observations.length - 1; i >= 0; i--) {
      const o = observations[i];
      if (quoteKey(o.quote) !== headlineKey) continue;
      if (observations.some((x) => x !== o && x.value === o.value && x.unit === o.unit && quoteKey(x.quote) !== headlineKey)) observations.splice(i, 1);
    }
  }
  // a plan for a year (2024年十件民生实事项目) is due at that year's end where an item names no date
  if (planDocument || planProgress) {
    const year = /(\d{4})年/.exec(titleLike || (document.title ?? ""))?.[1] ?? document.repliedOn?.slice(0, 4);
    // (a plan over several years, 2021年至2025年, names no single year's end)
    if (year && !yearIsOver(year, document.repliedOn) && !/\d{4}年.{0,6}(?:至|到|-)\d{4}年/.test(document.title ?? "")) {
      for (const c of unique) if (!c.due) c.due = { date: `${year}-12-31`, precision: "year", text: document.title ?? "", start: c.start, end: c.start, certainty: "inferred" };
    }
  }
  attachBaselines(unique, observations);
  dropChangeBeforeLevel(unique, shadow);
  narrowQuotes(unique, text, shadow);
  return { document, commitments: unique, observations: dedupe(observations, (o) => `${keyOf.get(o) ?? o.quote}|${o.value}|${o.unit}`) };
}

/** The date a report's title says its figures stand at (截至9月底, 1-6月), on or before the document's date. */
function reportDate(title: string, docDate: string | null): string | null {
  if (!docDate || !/截至|截止|\d{1,2}月/.test(title)) return null;
  const t = findTimes(title, { docDate }).find((x) => x.date && (x.role === "asOf" || /^截/.test(x.text)) && x.date <= docDate);
  return t?.date ?? null;
}

/** The year named is over by the document's date (both known). */
function yearIsOver(year: string | undefined, docDate: string | null): boolean {
  return !!year && !!docDate && docDate > `${year}-12-31`;
}

/** 2024年…统计公报: the year a statistical bulletin reports on (else the year before its date). */
function bulletinYear(title: string | null, shadow: string, docDate: string | null): number | null {
  const isBulletin = (title !== null && /统计公报|统计公告/.test(title)) || /^[^\n]{0,40}统计公报/.test(shadow);
  if (!isBulletin) return null;
  const y = /(\d{4})年/.exec(title ?? shadow.slice(0, 200));
  if (y) return Number(y[1]);
  return docDate ? Number(docDate.slice(0, 4)) - 1 : null;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A page that holds the reply twice may split it differently (one run-together paragraph, then
 * lines): the same target then sits in a longer and a shorter sentence. Keep the first.
 */
function dropContained(commitments: Commitment[], keyOf: (c: Commitment) => string): void {
  const groups = new Map<string, number[]>();
  commitments.forEach((c, i) => {
    const k = `${c.kind}|${c.target?.value ?? ""}|${c.target?.text ?? ""}|${c.indicator}|${c.due?.date ?? ""}`;
    // (pushed onto the group's list rather than copied into a new one for every member)
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const drop = new Set<number>();
  for (const idx of groups.values()) {
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        if (drop.has(idx[a]) || drop.has(idx[b])) continue;
        const ka = keyOf(commitments[idx[a]]);
        const kb = keyOf(commitments[idx[b]]);
        if (ka !== kb && (ka.includes(kb) || kb.includes(ka))) drop.add(idx[b]);
      }
    }
  }
  for (const i of [...drop].sort((x, y) => y - x)) commitments.splice(i, 1);
}

/**
 * 人均预期寿命从现在的79岁再提升1岁,达到80岁左右: a change followed at once by the level it leads to, in
 * the same unit, is one pledge said twice; the level is the pledge (GUIDE §2) and the change is dropped.
 */
function dropChangeBeforeLevel(commitments: Commitment[], shadow: string): void {
  const drop = new Set<Commitment>();
  for (const c of commitments) {
    if (!c.target?.change || !c.target.text) continue;
    const level = commitments.find(
      (d) => d !== c && d.start === c.start && d.end === c.end && d.target && !d.target.change && d.target.unit === c.target!.unit && d.target.text,
    );
    if (!level) continue;
    const s = shadow.slice(c.start, c.end);
    const from = s.indexOf(c.target.text);
    const to = s.indexOf(level.target!.text, from + c.target.text.length);
    if (from < 0 || to < 0) continue;
    const between = s.slice(from + c.target.text.length, to);
    if (between.length <= 8 && !/[;。；]/.test(between) && /^[,，]?\s*(?:并|将)?(?:达到|达|增至|提高到|提升到|提升至|降至|降到|下降到)?$/.test(between)) drop.add(c);
  }
  for (let i = commitments.length - 1; i >= 0; i--) if (drop.has(commitments[i]!)) commitments.splice(i, 1);
}

/** The end of a clause: read from a position with lastIndex, not by slicing the rest of the sentence. */
const CLAUSE_END = /[,;。，；、]/g;

/**
 * Several pledges in one sentence (今年城镇新增就业1100万人以上,城镇调查失业率5.5%左右,城镇登记失业率4.5%以内):
 * the first quotes the whole sentence, as GUIDE §1 defines a quote — a plan's item is usually named
 * with the clauses after its own (实施农村公路大中修100公里,新增公交线路3条; 完成175个老旧小区改造,改造户数18687户)
 * — and each later one quotes its own clauses, from the end of the pledge before to the end of its
 * own, so a figure reported later for one of them is shown beside that pledge's words and not beside
 * its neighbours' (issue 7 §3, issue 8 §5; docs/decisions/0020). Sentences whose pledges cannot be
 * told apart by their numbers (分别, milestones without one) keep the whole sentence for all.
 */
function narrowQuotes(commitments: Commitment[], text: string, shadow: string): void {
  const groups = new Map<string, Commitment[]>();
  for (const c of commitments) {
    const k = `${c.start}|${c.end}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || group.some((c) => !c.target?.text)) continue;
    const { start, end } = group[0];
    const s = shadow.slice(start, end);
    if (s.includes("分别")) continue;
    let cursor = 0;
    const ends: number[] = [];
    let ok = true;
    for (const c of group) {
      const at = s.indexOf(c.target!.text!, cursor);
      if (at < 0) { ok = false; break; }
      cursor = at + c.target!.text!.length;
      CLAUSE_END.lastIndex = cursor;
      const rest = CLAUSE_END.exec(s);
      ends.push(rest ? rest.index + 1 : s.length);
    }
    if (!ok) continue;
    const bounds = [...new Set(ends)].sort((a, b) => a - b);
    if (bounds.length < 2) continue;
    bounds[bounds.length - 1] = s.length;
    group.forEach((c, i) => {
      const e = bounds.find((b) => b >= ends[i]) ?? s.length;
      const k = bounds.indexOf(e);
      let b = k === 0 ? 0 : bounds[k - 1];
      while (b < e && /[\s,;，；、]/.test(s[b])) b++;
      c.start = start + b;
      c.end = start + (k === 0 ? s.length : e);
      c.quote = text.slice(c.start, c.end);
    });
  }
}
