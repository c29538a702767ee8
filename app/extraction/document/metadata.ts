// Document fields (GUIDE §3): who replies to whom, about which suggestion, when, where.
import type { DocumentMeta } from "../types";
import { iso, validDate } from "../time/dates";
import { parseChineseNumeral } from "../numerals/chinese";

const HAN = "\\p{Script=Han}";
const ORG_SUFFIX = "(?:厅|局|委员会|委|办公室|办|中心|院|部|署|会|处|所|站|公司|集团|政府|室|馆|队|团|社|行|庭)";

const ADDRESSEE = new RegExp(`^\\s*(?:尊敬的)?(?!各位|全体|尊敬)([${HAN}·]{2,5}?)(?:等\\d*名?)?(代表|委员)(?:们)?\\s*[:,]`, "mu");
// 会议杭5号建议 / 会议第20230504号提案 / 会议朝人大建议第17号的答复 / 会议〔2024〕第23号提案
const REF_AFTER_SESSION = new RegExp(`会议\\s*((?:〔\\d{4}〕)?[${HAN}A-Za-z]{0,8}?\\s*第?\\d+号)\\s*(?:建议|提案|议案|意见|的答复|的办理|办理)`, "u");
const REF_PAREN = new RegExp(`[(]\\s*((?:〔\\d{4}〕)?[${HAN}]{0,8}?第?\\d+号)(?:建议|提案|议案)?\\s*[)]`, "u");
const REF_PLAIN = /(第\d+号)(?:建议|提案|议案)/;
// the session a reply answers (对/关于…会议第N号建议) or a report was given at (在…会议上)
const SESSION = /((?:全国|[省市县区州旗])?(?:人大|政协)?(?:第)?[一二三四五六七八九十]+届(?:全国)?(?:人大|政协)?(?:常委会)?第?[一二三四五六七八九十]+次(?:全体)?会议)/;
const SESSION_LONG = /((?:(?![日在于年月])[\p{Script=Han}]{2,6}?(?:省|市|县|区|州|旗))?第[一二三四五六七八九十]+届人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次会议)/u;
const TITLE_BOOK = /提出的?\s*《([^》]{4,120})》/;
const TITLE_QUOTE = /提出的?\s*“([^”]{4,120})”\s*(?:的)?(?:提案|建议|议案)?/;
const TITLE_ANY = /《(关于[^》]{2,120}(?:建议|提案|议案))》/;
const REGION = new RegExp(`^((?:[${HAN}]{2,7}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|自治县|区|旗))+)`, "u");
const CN_DATE = /(\d{4}|[二〇零一三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const DATE_LINE = new RegExp(`^\\s*${CN_DATE.source}\\s*$`);
const PUBLISHED = /(?:发布日期|发布时间|成文日期|日期|时间)\s*[:]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
// a news page's dateline: 2026-02-26 08:35 / 2026年2月26日 near the top
const DATELINE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+\d{1,2}:\d{2})?/m;

function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[二〇零一三四五六七八九]{4}$/.test(s)) return parseChineseNumeral(s) ?? NaN;
  return parseChineseNumeral(s) ?? NaN;
}

function dateFrom(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  const [y, mo, d] = [num(m[1]), num(m[2]), num(m[3])];
  return validDate(y, mo, d) ? iso(y, mo, d) : null;
}

/** A page's headline: the first line that reads like a title, not navigation or a byline. */
function headline(lines: string[]): string | null {
  for (const l of lines) {
    const t = l.replace(/\s+/g, "");
    if (t.length < 6 || t.length > 60) continue;
    if (/>|»|首页|当前位置|登录|注册|发布日期|发布时间|来源|作者|浏览|字号|分享|打印|索引号|网站|门户|^[\d年月日:-]+$|[。;,]$/.test(t)) continue;
    if (isOrg(t)) continue; // the site's or the signer's name, not a title
    if (/[。;]/.test(t)) continue;
    return t.replace(/[(](?:摘要|节选|全文|草案)[)]$/, "");
  }
  return null;
}

// patterns used once per document, compiled once per process
const ORG_BEFORE_DATE = new RegExp(`([${HAN}]{2,20}${ORG_SUFFIX})\\s*${CN_DATE.source}`, "gu");
const ORG_TITLE = new RegExp(`^\\s*([${HAN}]{2,20}?${ORG_SUFFIX})关于`, "mu");
const ORG_NEWS = new RegExp(`(?:从|据)([${HAN}]{2,20}?${ORG_SUFFIX})(?:获悉|了解到|介绍|消息)|([${HAN}]{2,20}?${ORG_SUFFIX})(?:相关负责人|负责同志|有关负责人)`, "u");
const ORG_FIELD = new RegExp(`(?:发布单位|发布机构|来源|信息来源)\\s*[:]?\\s*([${HAN}]{2,20}${ORG_SUFFIX})`, "u");

const ORG_NAME = new RegExp(`^[${HAN}]{2,20}${ORG_SUFFIX}$`, "u");
const ORG_LINE = new RegExp(`^[${HAN}()（）]{2,30}${ORG_SUFFIX}$`, "u");

function isOrg(s: string): boolean {
  return ORG_LINE.test(s.trim()) && !/代表|委员$|^关于/.test(s.trim());
}

export function extractMetadata(shadow: string, options: { documentDate?: string } = {}): DocumentMeta {
  const lines = shadow.split("\n").map((l) => l.trim());
  const nonEmpty = lines.map((l, i) => ({ l, i })).filter((x) => x.l.length > 0);

  // the signature: the last line that is only a date, and the organisation on the line before it
  let repliedOn: string | null = null;
  let agency: string | null = null;
  for (let k = nonEmpty.length - 1; k >= 0; k--) {
    const d = DATE_LINE.exec(nonEmpty[k].l);
    if (!d) continue;
    repliedOn = dateFrom(d);
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const cand = nonEmpty[j].l.replace(/\s+/g, "");
      if (isOrg(cand)) {
        agency = cand;
        break;
      }
    }
    if (repliedOn) break;
  }
  // run-together pages: 湖北省民政厅2023年8月23日
  if ((!repliedOn || !agency) && /[厅局委办院会]\s*\d{4}\s*年/.test(shadow)) {
    const re = ORG_BEFORE_DATE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last: RegExpExecArray | null = null;
    while ((m = re.exec(shadow))) last = m;
    if (last) {
      const d = dateFrom({ 1: last[2], 2: last[3], 3: last[4] } as unknown as RegExpExecArray);
      const org = last[1].replace(/^.*?(?:支持|工作|关心)[!。]?/, "");
      if (!repliedOn && d) repliedOn = d;
      if (!agency && isOrg(org)) agency = org;
    }
  }
  if (!repliedOn) repliedOn = dateFrom(PUBLISHED.exec(shadow) as RegExpExecArray | null);
  if (!repliedOn) repliedOn = dateFrom(DATELINE.exec(lines.slice(0, 12).join("\n")) as RegExpExecArray | null);
  if (!repliedOn && options.documentDate) repliedOn = options.documentDate;

  // the agency from a title like 杭州市民政局关于…的答复, or a 发布单位 field
  if (!agency) {
    const t = shadow.includes("关于") ? ORG_TITLE.exec(shadow) : null;
    if (t) agency = t[1];
  }
  if (!agency) {
    const lead = shadow.slice(0, 3000);
    const n = /获悉|了解到|介绍|消息|负责人|负责同志/.test(lead) ? ORG_NEWS.exec(lead) : null;
    if (n) agency = n[1] ?? n[2];
  }
  if (!agency) {
    const f = /发布单位|发布机构|来源/.test(shadow) ? ORG_FIELD.exec(shadow) : null;
    if (f) agency = f[1];
  }

  const who = ADDRESSEE.exec(shadow);
  const addressee = who ? who[1] : null;
  const addresseeRole = who ? (who[2] as "代表" | "委员") : /提案/.test(shadow.slice(0, 2000)) ? "委员" : /建议/.test(shadow.slice(0, 2000)) ? null : null;

  const head = shadow.slice(0, 4000);
  const refMatch = REF_AFTER_SESSION.exec(head) ?? REF_PAREN.exec(head) ?? REF_PLAIN.exec(head);
  const ref = refMatch ? refMatch[1].replace(/\s+/g, "") : null;
  const sessionAt = (head.includes("会议") ? SESSION.exec(head) : null) ?? (head.includes("人民代表大会") ? SESSION_LONG.exec(head) : null);
  // a session named in passing (按照…会议审议通过的…) is not the document's
  const session = sessionAt && (who || /(?:对|关于|在|于)\s*$/.test(head.slice(Math.max(0, sessionAt.index - 3), sessionAt.index)) || /^\s*(?:上|第?[\d〔]|[^,。]{0,12}号)/.test(head.slice(sessionAt.index + sessionAt[0].length))) ? sessionAt[1] : null;
  const titleMatch = TITLE_BOOK.exec(head) ?? TITLE_QUOTE.exec(head) ?? TITLE_ANY.exec(head);
  let title = titleMatch && who ? titleMatch[1].trim() : null;
  if (!title && !who) title = headline(nonEmpty.slice(0, 12).map((x) => x.l));

  let region: string | null = null;
  if (agency) {
    const r = REGION.exec(agency.replace(/人民政府.*$/, "政府"));
    if (r && r[1].length < agency.length) region = r[1];
  }
  if (!region) {
    for (const { l } of nonEmpty.slice(0, 8)) {
      const r = REGION.exec(l.replace(/^[\s>]+/, "").replace(/人民政府.*$/, "政府"));
      if (r && r[1].length >= 3 && !/^(?:关于|对)/.test(l)) { region = r[1]; break; }
    }
  }
  // a government work report is the government's
  if (!agency && region && title && /政府工作报告/.test(title)) agency = `${region}人民政府`;
  // 市教育局 in a news item from 洛阳市: the place belongs in the name
  if (agency && region && /^[省市县区]/.test(agency)) agency = region + agency.slice(1);

  // co-handling agencies, named in the opening paragraphs only
  const intro = head.slice(0, 1500);
  const co: string[] = [];
  // each phrase is looked up by its keyword first, then read in a window around it
  const CO: Array<[string, RegExp, "before" | "after"]> = [
    ["经商", /^经商([^。;:]{2,120}?)[,]?(?:现|同意|研究|共同|答复)/u, "after"],
    ["经与", /^经与([^。;:]{2,120}?)(?:共同|会商|协商|研究)/u, "after"],
    ["协办", /([^,。;:]{2,80})$/u, "before"],
    ["会同", /^会同([^。;:]{2,120}?)(?:,|进行|共同|认真|研究|办理|现)/u, "after"],
    ["协办单位", /^协办单位[:]?([^。;\n]{2,120})/u, "after"],
  ];
  for (const [keyword, re, side] of CO) {
    const at = intro.indexOf(keyword);
    if (at < 0) continue;
    const m = side === "after" ? re.exec(intro.slice(at, at + 160)) : re.exec(intro.slice(Math.max(0, at - 80), at));
    if (!m) continue;
    // names may hold 和 (市规划和自然资源局), so only 、 , 及 and 与 separate them
    for (const part of m[1].split(/[、,及与]/)) {
      const name = part.replace(/^(?:并|和|建议)?(?:经商?|经与)?(?:我[局厅委办])?(?:主办)?/, "").trim();
      if (ORG_NAME.test(name) && name !== agency && !co.includes(name)) co.push(name);
    }
  }

  const kind: "reply" | "report" = addressee || /答复|办理情况|办理结果/.test(head.slice(0, 300)) ? "reply" : "report";
  return { agency, addressee, addresseeRole, ref, session, title, repliedOn, region, coAgencies: co, kind };
}
