// Document fields (GUIDE §3): who replies to whom, about which suggestion, when, where.
import type { DocumentMeta } from "../types";
import { iso, validDate } from "../time/dates";
import { parseChineseNumeral } from "../numerals/chinese";
import { leadingPlace, leadingProvinceShortName, onlyProvinceNamed, regionPath } from "../../domain/regions";

const HAN = "\\p{Script=Han}";
const ORG_SUFFIX = "(?:厅|局|委员会|委|办公室|办|中心|院|部|署|会|处|所|站|公司|集团|政府|室|馆|队|团|社|行|庭|司)";

// wire services and news sites publish; they are not the agency that speaks
const WIRE = /^(?:新华社|人民网|新华网|中新网|中国新闻网|央视网?|中央广播电视总台|国务院新闻办公室网站|国新网|光明网|中国网|澎湃新闻|上游新闻|人民日报|经济日报|中国经济网)$/;
// central bodies: their region is 全国
// (a ministry's department speaks for it too: 教育部发展规划司, 中国水利部农村水利水电司)
const CENTRAL = /^(?:国务院|国家|全国|中共中央|中央|(?:中国)?(?:民政|教育|财政|公安|司法|商务|文化和旅游|交通运输|水利|农业农村|自然资源|生态环境|住房和城乡建设|住房城乡建设|工业和信息化|科学技术|科技|人力资源和社会保障|人力资源社会保障|退役军人事务|应急管理|外交|国防|审计|住建|人社|工信|文旅)部(?:$|[^\s]{0,12}?[司局厅]$))/;
// a news item that names the place with the agency: 市教育局 of 洛阳市
const WITH_PLACE_IN_NAME = /记者|获悉|消息|讯|电/;
// 民政部副部长唐承沛表示 / 国务院日前印发的 / 据来自重庆市民政局的消息
const SPEAKER = new RegExp(`([${HAN}]{2,20}?${ORG_SUFFIX})(?:(?:党组|党委)?(?:副?书记[、,])?副?(?:部长|主任|局长|厅长|司长|署长|委员长|书记|秘书长)|新闻发言人|相关负责人|负责同志|有关负责人|负责人)|([${HAN}]{2,20}?${ORG_SUFFIX})(?:、[${HAN}]{2,14}?${ORG_SUFFIX})*(?:等\\d{1,2}个?部门)?(?:\\d{1,2}日|日前|近日|近期|今天|昨天)?(?:正式|联合|共同)*(?:印发|发布(?!会)|出台|披露|公布|公告|发表)(?:了|的)?|(?:从|据|来自)(?:来自)?([${HAN}]{2,20}?${ORG_SUFFIX})(?:(?:举行|召开)的[^,。;]{0,14}?上)?(?:的)?(?:获悉|了解到|介绍|消息)`, "u");

// (the first agency of 国家林草局、国家发展改革委近日联合印发 / 水利部等9部门联合印发 speaks; 国家统计局公告, 国务院新闻办公室29日发表)
const SPEAKER_TRIGGER = /部长|主任|局长|厅长|司长|署长|书记|发言人|负责人|负责同志|印发|发布|出台|披露|公布|公告|发表|获悉|了解到|介绍|消息/;

function issuingBody(head: string): string | null {
  const lead = head.slice(0, 1500);
  const trigger = SPEAKER_TRIGGER.exec(lead);
  if (!trigger) return null;
  // the name stands just before the first trigger word (or after 据/从/来自 before 消息): read a window there
  const m = SPEAKER.exec(lead.slice(Math.max(0, trigger.index - 40), trigger.index + 12)) ?? SPEAKER.exec(lead);
  if (!m) return null;
  const name = (m[1] ?? m[2] ?? m[3]).replace(/^(?:据|从|来自|在|由|经|和|与|及|、|近期|近日|日前|今天|昨天|目前)+/, "");
  // 省政府 without its place is the page's region's government; too vague alone
  if (/^[省市县区](?:政府|委|人民政府)$/.test(name)) return null;
  return WIRE.test(name) ? null : name;
}

function bodyAgency(head: string): string | null {
  ORG_WITH_PLACE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ORG_WITH_PLACE.exec(head))) {
    const name = m[1].replace(/^.*?(?:[,。;:]|代表|委员|答复|建议|提案|如下)/, "");
    const p = leadingPlace(name);
    if (p && p.length < name.length && !WIRE.test(name)) return name;
  }
  return null;
}

/** The place named just before `at` (对平江县|十七届…, 您在双柏县|第十八届…), and what precedes it. */
function placeBefore(head: string, at: number): { place: string | null; rest: string } {
  const before = head.slice(Math.max(0, at - 10), at);
  for (let k = Math.min(8, before.length); k >= 2; k--) {
    const cand = before.slice(before.length - k);
    const p = leadingPlace(cand);
    if (p && p.length === cand.length) return { place: cand, rest: before.slice(0, before.length - k) };
  }
  return { place: null, rest: before };
}

/**
 * For an agency written without its place (县民政局, 区教育局) or unknown: the first place in the
 * opening of the text at that level (平江县 for 县…), else the first place of any level named in
 * the title lines.
 */
/**
 * A city's report that never names the city but lists its counties (主城区、茌平、莘县成功创建…, 东阿获评…):
 * two or more counties or districts of one city, each an item of a 、 list, make the page that city's.
 */
function cityOfListedCounties(head: string): string | null {
  const cities = new Map<string, Set<string>>();
  const list = /[\p{Script=Han}]{2,4}(?:、[\p{Script=Han}]{2,4})+/gu;
  for (const m of head.slice(0, 2500).matchAll(list)) {
    const items = m[0].split("、");
    items.forEach((item, n) => {
      // the list's last item runs on into the sentence (莘县成功创建), its first may follow other words
      let p = leadingPlace(item);
      if (p && p.length !== item.length && n !== items.length - 1) p = null;
      if (!p && n === 0) {
        for (let j = 1; j <= item.length - 2 && !p; j++) {
          const q = leadingPlace(item.slice(j));
          if (q && q.length === item.length - j) p = q;
        }
      }
      if (!p) return;
      const path = regionPath(p.name);
      if (!path || path.length !== 3) return;
      const city = path[1]!;
      if (!cities.has(city)) cities.set(city, new Set());
      cities.get(city)!.add(p.name);
    });
  }
  const found = [...cities].filter(([, counties]) => counties.size >= 2);
  return found.length === 1 ? found[0]![0] : null;
}

/**
 * 全省…长沙市76.43%、衡阳市28.85%、株洲市58.84%: a page about "the province" that names three or more of
 * its cities and none of another province's is that province's.
 */
function provinceOfListedCities(head: string): string | null {
  const text = head.slice(0, 2500);
  if (!/全省|省委|省政府/.test(text)) return null;
  const provinces = new Map<string, Set<string>>();
  for (const m of text.matchAll(/[\p{Script=Han}]{2,6}?(?:自治州|市|州|盟)/gu)) {
    for (let j = 0; j <= m[0].length - 3; j++) {
      const p = leadingPlace(m[0].slice(j));
      if (!p || p.length !== m[0].length - j) continue;
      const path = regionPath(p.name);
      if (path && path.length === 2) {
        if (!provinces.has(path[0]!)) provinces.set(path[0]!, new Set());
        provinces.get(path[0]!)!.add(p.name);
      }
      break;
    }
  }
  const found = [...provinces];
  return found.length === 1 && found[0]![1].size >= 3 ? found[0]![0] : null;
}

/** County names that are also common words (会同 jointly, 通道 passage, 和平 peace, 东方 east). */
const WORDLIKE_PLACE = /^(?:会同|通道|和平|东方|南部|城区|新区|长安|太和|永和)/;
/** What may stand right before a place's name: no character (a line's start), a mark, a preposition, a higher level. */
function placeMayFollow(c: string | undefined): boolean {
  return c === undefined || !/\p{Script=Han}/u.test(c) || "在于对据从向由与和及省市州盟区县旗协委府是为到至经即全".includes(c);
}

/** The one prefecture-level city a page names by its short name (郑州, without 市), else null. */
function onlyCityShortName(text: string): string | null {
  let found: string | null = null;
  for (let i = 0; i + 2 <= text.length; i++) {
    if (!placeMayFollow(text[i - 1])) continue;
    const p = leadingPlace(text.slice(i, i + 8));
    if (!p || p.length !== 2 || !p.name.endsWith("市") || regionPath(p.name)?.length !== 2) continue;
    if (WORDLIKE_PLACE.test(text.slice(i, i + 2))) continue;
    if (found !== null && found !== p.name) return null;
    found = p.name;
  }
  return found;
}

function placeOfLevel(head: string, agency: string | null): string | null {
  const level = agency && /^[省市县区]/.test(agency) ? agency[0] : null;
  const text = head.slice(0, 2500);
  const ends = level ? level : "省市县区州旗";
  for (let i = 2; i < text.length; i++) {
    if (!ends.includes(text[i])) continue;
    for (let k = Math.min(8, i + 1); k >= 2; k--) {
      const cand = text.slice(i + 1 - k, i + 1);
      if (!/^[\p{Script=Han}]+$/u.test(cand)) continue;
      const p = leadingPlace(cand);
      // one of several places listed (主城区、茌平、莘县成功创建…) is not the page's own
      // (…分别为:长沙市76.43%、衡阳市28.85%: each with its own figure, listed all the same)
      const listed = text[i + 1 - k - 1] === "、" || text[i + 1] === "、" || /^[\d.]+[%个家人户所万亿]*[、,;]/.test(text.slice(i + 1, i + 16));
      // 国家水土保持示范县 / 示范区: a title, not the county 范县
      if (text[i + 1 - k - 1] === "示" && cand.startsWith("范")) continue;
      // 城乡和县域 / 建成县 / 要会同县督查: a short name inside running words is no place
      if ((k === 2 || (k === 3 && WORDLIKE_PLACE.test(cand))) && !placeMayFollow(text[i + 1 - k - 1])) continue;
      // 和县域高中 / 成县级: the suffix starts another word
      if (k === 2 && "域级城委乡镇".includes(text[i + 1] ?? "")) continue;
      if (p && p.length === cand.length && p.name.endsWith(text[i]) && !listed) {
        // 汉中市南郑区第十八届… / 日照市五莲县: the place at its own level is the inner one the chain ends in
        const chain = leadingPlace(text.slice(i + 1 - k, i + 1 - k + 16));
        return chain && chain.length > k && (!level || chain.name.endsWith(level)) ? chain.name : p.name;
      }
    }
  }
  return null;
}


// 张虹代表: / 马青、周丽等委员: / 姜欣(等10位)代表: / 易宁等十二位代表: — at a line's start or after a space
const ADDRESSEE = new RegExp(`^\\s*(?:尊敬的)?(?!各位|全体|尊敬)((?:[${HAN}·]{2,5}、)*[${HAN}·]{2,5}?)(?:[(]?等[\\d一二三四五六七八九十]*[名位]?[)]?)?(代表|委员)(?:们)?\\s*[:,]`, "mu");
const ADDRESSEE_INLINE = new RegExp(`[ \\t]\\s*(?:尊敬的)?(?!各位|全体|尊敬)((?:[${HAN}·]{2,5}、)*[${HAN}·]{2,5}?)(?:[(]?等[\\d一二三四五六七八九十]*[名位]?[)]?)?(代表|委员)(?:们)?\\s*[:,]`, "mu");
// a group: 驻温泉委员联络组: / 第三代表团:
const ADDRESSEE_GROUP = new RegExp(`^\\s*([${HAN}]{0,8}(代表|委员)[${HAN}]{0,6}(?:组|团|小组|工作站))\\s*[:]`, "mu");
// 会议杭5号建议 / 会议第20230504号提案 / 会议朝人大建议第17号的答复 / 会议〔2024〕第23号提案
const REF_AFTER_SESSION = new RegExp(`会议\\s*((?:〔\\d{4}〕)?[${HAN}A-Za-z]{0,8}?\\s*第?\\d+号)\\s*(?:建议|提案|议案|意见|的答复|的办理|办理)`, "u");
const REF_PAREN = new RegExp(`[(]\\s*((?:〔\\d{4}〕)?[${HAN}]{0,8}?第?\\d+号)(?:建议|提案|议案)?\\s*[)]`, "u");
const REF_PLAIN = /(第\d+号)(?:建议|提案|议案)/;
// the session a reply answers (对/关于…会议第N号建议) or a report was given at (在…会议上)
const SESSION = /((?:全国|[省市县区州旗])?(?:人大|政协)?(?:第)?[一二三四五六七八九十]+届(?:全国)?(?:人大|政协)?(?:常委会)?第?[一二三四五六七八九十]+次(?:全体)?会议)/;
// 宣州区第十三届政治协商会议第四次会议 / 昌宁县第十届委员会第二次会议
const SESSION_CPPCC = /((?:第)?[一二三四五六七八九十]+届(?:政治协商会议|委员会)第?[一二三四五六七八九十]+次(?:全体)?会议)/;
const SESSION_LONG = /((?:(?![日在于年月])[\p{Script=Han}]{2,6}?(?:省|市|县|区|州|旗))?第[一二三四五六七八九十]+届人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次会议)/u;
const TITLE_BOOK = /(?:提出|所提|所提出)的?\s*(?:关于)?\s*《([^》]{4,120})》/;
const TITLE_QUOTE = /(?:提出|所提|所提出)的?\s*(?:关于)?\s*“([^”]{4,120})”\s*(?:的)?(?:提案|建议|议案)?/;
const TITLE_BARE = /提出的?\s*(关于[^,。;:《》“”]{4,80}?的(?:提案|建议|议案))/;
const TITLE_ANY = /《(关于[^》]{2,120}(?:建议|提案|议案))》/;
const REGION = new RegExp(`^((?:[${HAN}]{2,7}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|自治县|区|旗))+)`, "u");
const CN_DATE = /(\d{4}|[二〇零一三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const DATE_LINE = new RegExp(`^\\s*${CN_DATE.source}\\s*$`);
// 2024.08.29 / 2024-8-29 / 2024/08/29 as the signature's date
const DOTTED_DATE_LINE = /^\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\s*$/;
const MONTH_DAY_LINE = /^\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$/;
// 发布日期：20240829 / 2024829: a date written without separators, read only where one reading is a real day
const PUBLISHED_COMPACT = /(?:发布日期|发布时间|成文日期|日期)\s*[:]?\s*(\d{7,8})(?!\d)/;

function compactDate(digits: string | null): string | null {
  if (!digits) return null;
  const y = Number(digits.slice(0, 4));
  const rest = digits.slice(4);
  const readings = rest.length === 4 ? [[rest.slice(0, 2), rest.slice(2)]] : [[rest.slice(0, 1), rest.slice(1)], [rest.slice(0, 2), rest.slice(2)]];
  const valid = readings.map(([m, d]) => [Number(m), Number(d)]).filter(([m, d]) => d > 0 && validDate(y, m, d));
  return valid.length === 1 ? iso(y, valid[0][0], valid[0][1]) : null;
}

// a wire item's dateline: 中新网7月31日电 / 本报北京11月30日电 / 新华社北京3月5日电
const WIRE_DATELINE = /(?:网|社|报|台|者)[\p{Script=Han}]{0,4}\s*(\d{1,2})月(\d{1,2})日\s*(?:电|讯)/u;
// (2023年1—7月 is a period, not the 7th of January: a day is never followed by 月)
const PUBLISHED = /(?:发布日期|发布时间|成文日期|日期|时间)\s*[:]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d|月)/;
// a news page's dateline: 2026-02-26 08:35 / 2026年2月26日 near the top
const DATELINE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d|月)日?(?:\s+\d{1,2}:\d{2})?/m;

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

const SITE_SECTION = /^(?:政府|政务)?(?:信息公开|公开目录|信息公开目录|政务公开|新闻中心|新闻动态|工作动态|通知公告|政策解读|部门动态|图片新闻|要闻|正文|详情|文章详情|信息详情)(?:专栏|栏目)?$/;

/** A page's headline: the first line that reads like a title, not navigation or a byline. */
function headline(lines: string[]): string | null {
  for (const l of lines) {
    const t = l.replace(/\s+/g, "");
    if (t.length < 6 || t.length > 60) continue;
    if (/>|»|\||首页|当前位置|登录|注册|发布日期|发布时间|来源|作者|编辑|浏览|字号|分享|打印|索引号|网站|门户|电话|地址|邮编|^[\d年月日:-]+$|[。;,:]$|^[(（]/.test(t)) continue;
    if (isOrg(t)) continue; // the site's or the signer's name, not a title
    if (/^[\p{Script=Han}]{1,12}[〔[【(]\d{4}[〕\]】)]第?\d{1,4}号$/u.test(t)) continue; // 洋政发〔2024〕8号: the document's number
    if (/[。;]/.test(t)) continue;
    // a site's section (政府信息公开, 工作动态), a numbered row or a line cut from the middle of one
    if (SITE_SECTION.test(t) || /^(?:\d{1,2}[、.]|[一二三四五六七八九十]+、|[”’」』)),、])/.test(t)) continue;
    return t.replace(/^【[^】]{1,10}】/, "").replace(/[(](?:摘要|节选|全文|草案|截至[^)]*|截止[^)]*)[)]$/, "");
  }
  return null;
}

// patterns used once per document, compiled once per process
// 宁陕县住房和城乡建设局(县城市执法管理局) 2024年7月12日: a second name in brackets may stand between
const ORG_BEFORE_DATE = new RegExp(`([${HAN}]{2,20}${ORG_SUFFIX})(?:[(][^()]{1,24}[)])?\\s*${CN_DATE.source}`, "gu");
// (唐山市丰南区农业农村局\n对丰南区第七届…第20号建议的答复: a title line of the agency's name, then 对…答复)
const ORG_TITLE = new RegExp(`(?:^|——|:)\\s*([${HAN}]{2,20}?${ORG_SUFFIX})(?:关于|\\s*对(?=[^。]{0,60}?(?:建议|提案|议案)[^。]{0,6}?答复))`, "mu");
// the first agency named with its place in a reply's body: 盘山县水利局对任大超代表的提议…
const ORG_WITH_PLACE = new RegExp(`([${HAN}]{2,24}?${ORG_SUFFIX})(?=对|高度重视|认真|经|会同|将|已|积极|答复|现|就|收到)`, "gu");
const ORG_NEWS = new RegExp(`(?:从|据)([${HAN}]{2,20}?${ORG_SUFFIX})(?:获悉|了解到|介绍|消息)|([${HAN}]{2,20}?${ORG_SUFFIX})(?:相关负责人|负责同志|有关负责人)`, "u");
const ORG_FIELD = new RegExp(`(?:发布单位|发布机构|来源|信息来源)\\s*[:]?\\s*([${HAN}]{2,20}${ORG_SUFFIX})`, "u");

const ORG_NAME = new RegExp(`^[${HAN}]{2,20}${ORG_SUFFIX}$`, "u");
const ORG_LINE = new RegExp(`^[${HAN}()（）]{2,30}${ORG_SUFFIX}$`, "u");

function isOrg(s: string): boolean {
  return ORG_LINE.test(s.trim()) && !/代表|委员$|^关于/.test(s.trim());
}

// extractMetadata is split into one function per field group (signature, addressee and session,
// agency and region, co-handling agencies): as one function V8 spent long re-optimising it after
// each deoptimisation (issue 7). The steps run in the same order as before.
export function extractMetadata(shadow: string, options: { documentDate?: string } = {}): DocumentMeta {
  // (filled by push, not map(): map() gave the arrays another shape in optimised code, and the steps
  // reading them were deoptimised by it)
  const lines: string[] = [];
  const nonEmpty: Array<{ l: string; i: number }> = [];
  for (const line of shadow.split("\n")) {
    const l = line.trim();
    if (l.length > 0) nonEmpty.push({ l, i: lines.length });
    lines.push(l);
  }
  const signed = signature(shadow, lines, nonEmpty, options);
  const repliedOn = signed.repliedOn;
  let agency = namedAgency(shadow, signed.agency);

  const head = shadow.slice(0, 4000);
  const { who, group, addressee, addresseeRole, ref, sessionAt, session } = addressing(head);
  const titleMatch = TITLE_BOOK.exec(head) ?? TITLE_QUOTE.exec(head) ?? TITLE_ANY.exec(head) ?? TITLE_BARE.exec(head);
  let title = titleMatch && (who || group || /建议|提案|议案/.test(titleMatch[1])) ? titleMatch[1].trim() : null;
  // a page that opens with a table's header (序号 / 项目) has no headline of its own
  if (!title && !who && !group && !/^(?:序号|编号|项目|名称|项目名称)$/.test(nonEmpty[0]?.l ?? "")) title = headline(nonEmpty.slice(0, 12).map((x) => x.l));

  const placed = agencyAndRegion(shadow, head, agency, who !== null || group !== null, title);
  agency = placed.agency;
  const region = placed.region;
  const co = coAgencies(head, agency);

  const kind: "reply" | "report" = addressee || /答复|办理情况|办理结果/.test(head.slice(0, 300)) ? "reply" : "report";
  // a report answers no suggestion: a session it names is where something was said, not its own
  return { agency, addressee, addresseeRole, ref, session: kind === "report" && !(sessionAt && /^\s*上/.test(head.slice(sessionAt.index + sessionAt[0].length))) && !/工作报告/.test(title ?? "") ? null : session, title, repliedOn, region, coAgencies: co, kind };
}

/** The signature: its date (else the page's publication date, else the one given) and the organisation above it. */
function signature(shadow: string, lines: string[], nonEmpty: Array<{ l: string; i: number }>, options: { documentDate?: string }): { repliedOn: string | null; agency: string | null } {
  // the signature: the last line that is only a date, and the organisation on the line before it
  let repliedOn: string | null = null;
  let agency: string | null = null;
  for (let k = nonEmpty.length - 1; k >= 0; k--) {
    const d = DATE_LINE.exec(nonEmpty[k].l) ?? DOTTED_DATE_LINE.exec(nonEmpty[k].l);
    // 8月29日 alone under the signature: the year is the page's (its publication line)
    const md = d ? null : k >= nonEmpty.length - 4 ? MONTH_DAY_LINE.exec(nonEmpty[k].l) : null;
    // 2023531 under the signature: a date whose separators were lost
    const compact = d || md || k < nonEmpty.length - 4 ? null : /^\s*((?:19|20)\d{5,6})\s*$/.exec(nonEmpty[k].l);
    if (!d && !md && !(compact && compactDate(compact[1]))) continue;
    if (compact) repliedOn = compactDate(compact[1]);
    else if (d) repliedOn = dateFrom(d);
    else {
      const year = PUBLISHED.exec(shadow)?.[1] ?? DATELINE.exec(lines.slice(0, 12).join("\n"))?.[1] ?? options.documentDate?.slice(0, 4);
      repliedOn = year ? dateFrom({ 1: year, 2: md![1], 3: md![2] } as unknown as RegExpExecArray) : null;
      if (!repliedOn) continue;
    }
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const cand = nonEmpty[j].l.replace(/\s+/g, "");
      if (isOrg(cand)) {
        agency = cand;
        break;
      }
    }
    if (repliedOn) break;
  }
  // a signature with no date under it: the organisation on one of the last lines
  if (!agency) {
    for (let k = nonEmpty.length - 1; k >= Math.max(0, nonEmpty.length - 5); k--) {
      const cand = nonEmpty[k].l.replace(/\s+/g, "");
      if (/^(?:抄送|抄报|联系|承办|签发|主办|版权|来源|发布)/.test(cand)) continue;
      // (a named organisation: 南华县交通运输局, 市水利局 — not a table cell like 建成启用区级老年活动中心)
      if (isOrg(cand) && (leadingPlace(cand) !== null || /^[省市县区]/.test(cand))) {
        agency = cand;
        break;
      }
    }
  }
  // run-together pages: 湖北省民政厅2023年8月23日
  if ((!repliedOn || !agency) && /[厅局委办院会)]\s*\d{4}\s*年/.test(shadow)) {
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
  // 中新网 7月31日电 on a page published 2024-11-27: the item's own date is its dateline's
  if (!repliedOn) {
    const wire = WIRE_DATELINE.exec(shadow.slice(0, 800));
    const published = dateFrom(PUBLISHED.exec(shadow) as RegExpExecArray | null);
    const year = published?.slice(0, 4) ?? options.documentDate?.slice(0, 4);
    const dated = wire && year ? dateFrom({ 1: year, 2: wire[1], 3: wire[2] } as unknown as RegExpExecArray) : null;
    if (dated && (!published || dated <= published)) repliedOn = dated;
  }
  if (!repliedOn) repliedOn = dateFrom(PUBLISHED.exec(shadow) as RegExpExecArray | null);
  if (!repliedOn) repliedOn = compactDate(PUBLISHED_COMPACT.exec(shadow)?.[1] ?? null);
  if (!repliedOn) repliedOn = dateFrom(DATELINE.exec(lines.slice(0, 12).join("\n")) as RegExpExecArray | null);
  if (!repliedOn && options.documentDate) repliedOn = options.documentDate;
  return { repliedOn, agency };
}

/** The signature's agency, else one from a title like 杭州市民政局关于…的答复, a news item's source, or a 发布单位 field. */
function namedAgency(shadow: string, signed: string | null): string | null {
  let agency = signed;
  if (!agency) {
    const t = shadow.includes("关于") || shadow.includes("答复") ? ORG_TITLE.exec(shadow) : null;
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
  return agency;
}

/** Whom a reply answers (张虹代表, 驻温泉委员联络组), the suggestion's number and the session it was made at. */
function addressing(head: string) {
  const who = ADDRESSEE.exec(head) ?? (/(?:代表|委员)(?:们)?\s*[:,]/.test(head) ? ADDRESSEE_INLINE.exec(head) : null);
  const group = who || !/(?:组|团|工作站)\s*:/.test(head) ? null : ADDRESSEE_GROUP.exec(head);
  const addressee = who ? who[1] : group ? group[1] : null;
  const addresseeRole = who ? (who[2] as "代表" | "委员") : group ? (group[2] as "代表" | "委员") : null;

  const refMatch = REF_AFTER_SESSION.exec(head) ?? REF_PAREN.exec(head) ?? REF_PLAIN.exec(head);
  // 第四次会议第67号: the number, not the session's tail
  const ref = refMatch ? refMatch[1].replace(/\s+/g, "").replace(/^.*次(?:全体)?会议/, "") : null;
  const sessionAt = (head.includes("会议") ? SESSION.exec(head) ?? SESSION_CPPCC.exec(head) : null) ?? (head.includes("人民代表大会") ? SESSION_LONG.exec(head) : null);
  // a session named in passing (按照…会议审议通过的…) is not the document's
  const addressed = who || group || /(?:对|关于|在|于)\s*$/.test(placeBefore(head, sessionAt?.index ?? 0).rest.slice(-3)) || (sessionAt && /^\s*(?:上|第?[\d〔]|[^,。]{0,12}号)/.test(head.slice(sessionAt.index + sessionAt[0].length)));
  let session: string | null = null;
  if (sessionAt && addressed) {
    // the place prefix as the text writes it: 平江县十七届人大四次会议, not 县十七届… nor 您在双柏县…
    const bare = sessionAt[1].replace(/^[省市县区州旗]/, "");
    const before = placeBefore(head, sessionAt.index + (sessionAt[1].length - bare.length));
    session = before.place ? before.place + bare : sessionAt[1];
    // 您在双柏县第十八届…: what stands before the place is not part of the name
    const lead = /^([\p{Script=Han}]*?)(?:第[一二三四五六七八九十]+届|[一二三四五六七八九十]+届)/u.exec(session);
    if (lead && lead[1] && !/(?:人大|政协|常委会)$/.test(lead[1])) {
      const p = placeBefore(lead[1], lead[1].length);
      session = (p.place ?? (/[省市县区州旗]$/.test(lead[1]) ? lead[1].slice(-1) : "")) + session.slice(lead[1].length);
    }
  }
  return { who, group, addressee, addresseeRole, ref, sessionAt, session };
}

/** The agency checked (no wire service, no division) or found in the body, and its region through the gazetteer. */
function agencyAndRegion(shadow: string, head: string, agency: string | null, addressed: boolean, title: string | null): { agency: string | null; region: string | null } {
  // a wire service, or a division inside the publisher (信息来源: 规划财务处), is not the agency
  // 住房和城乡建设部网站: the ministry, not its website
  if (agency) agency = agency.replace(/(?:门户)?(?:网站|官网|官方网站|微信公众号|公众号)$/, "") || null;
  if (agency && (WIRE.test(agency) || /^[\p{Script=Han}]{2,8}(?:处|科|室|股)$/u.test(agency) && !leadingPlace(agency))) agency = null;
  if (!agency) agency = issuingBody(head);
  if (!agency && addressed) agency = bodyAgency(head);
  // a government work report (…作政府工作报告) is the government's: 浙江省人民政府, 国务院
  if (!agency && /政府工作报告/.test(head.slice(0, 600))) {
    if (/国务院|总理/.test(head.slice(0, 600))) agency = "国务院";
    else {
      const place = placeOfLevel(head.slice(0, 600), null);
      if (place) agency = `${place}人民政府`;
    }
  }
  // the region through the gazetteer, at the agency's own level (衢江区, not 衢州市衢江区)
  let region: string | null = null;
  if (agency && CENTRAL.test(agency)) region = "全国";
  if (!region && agency) region = leadingPlace(agency)?.name ?? null;
  if (!region) region = placeOfLevel(head, agency);
  // 广西到2025年建成…: a headline that opens with a province's short name is that province's
  if (!region && title && leadingProvinceShortName(title) > 0) region = leadingPlace(title)?.name ?? null;
  if (!region && !agency) region = cityOfListedCounties(head) ?? provinceOfListedCities(head);
  // a news page about 广东 that never writes 广东省: the only province it names, twice or more
  // (a page of the province's own level — 全省, 省政府 — not a district's or county's that names its province)
  if (!region && !agency && /全省|省委|省政府|省人民政府|全市/.test(head.slice(0, 2000)) && !/全区|区委|区政府|全县|县委|县政府|我区|我县/.test(head.slice(0, 2000))) region = onlyProvinceNamed(head.slice(0, 2000));
  // 市既有住宅加装电梯工作领导小组办公室 / 全市…, on a page that writes its city only as 郑州 (郑州出台…)
  if (!region && ((agency && agency.startsWith("市")) || /全市|我市/.test(head.slice(0, 2000)))) region = onlyCityShortName(head.slice(0, 2000));
  // a government work report is the government's
  if (!agency && region && title && /政府工作报告/.test(title)) agency = `${region}人民政府`;
  // 市教育局 in a news item from 洛阳市: the place belongs in the name
  if (agency && region && /^[省市县区]/.test(agency) && region.endsWith(agency[0]) && WITH_PLACE_IN_NAME.test(shadow.slice(0, 300))) agency = region + agency.slice(1);
  return { agency, region };
}

// each phrase is looked up by its keyword first, then read in a window around it
const CO: Array<[string, RegExp, "before" | "after"]> = [
  ["经商", /^经商([^。;:]{2,120}?)[,]?(?:现|同意|研究|共同|答复)/u, "after"],
  ["经与", /^经与([^。;:]{2,120}?)(?:共同|会商|协商|研究)/u, "after"],
  // 我局…与县林业局、规划办等有关部门进行了认真对接
  ["等有关部门", /与([^。;:与]{2,80})$/u, "before"],
  ["协办", /([^,。;:]{2,80})$/u, "before"],
  ["会同", /^会同([^。;:]{2,120}?)(?:,|进行|共同|认真|研究|办理|现)/u, "after"],
  ["协办单位", /^协办单位[:]?([^。;\n]{2,120})/u, "after"],
];

/** Co-handling agencies, named in the opening paragraphs only. */
function coAgencies(head: string, agency: string | null): string[] {
  const intro = head.slice(0, 1500);
  const co: string[] = [];
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

  return co;
}
