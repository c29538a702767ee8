// The words agencies use to pledge, and the words that mark a sentence as something else.
// Each list is drawn from how replies and work reports are written, not from any one document.
import type { Firmness } from "../types";
import { startScan } from "../text/starts";

/** Words that open a forward-looking passage: from here to the end of the paragraph is a plan. */
export const FORWARD_OPENER = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]?\s*)?(?:同时|此外|另外)?[,]?(?:下一步|下阶段|下一阶段|下步|今后|接下来|后续|下一步工作中|今后一个时期|今后一段时期|未来[一二三两几五]年)/;

/** A heading that opens a section of plans: 四、下一步工作计划 / 三、下步打算. */
export const FORWARD_HEADING = /预期目标|主要目标|工作目标|总体目标|发展目标|重点任务|主要任务|目标任务|任务清单|目标清单|下一步|下阶段|下步|今后|工作计划|工作打算|工作安排|工作思路|努力方向|下一步打算|后续工作|工作举措|工作重点|重点工作|将采取的措施/;

/** Explicit future cues inside a sentence. The capture tells the firmness. */
export const FUTURE_CUE = new RegExp(
  [
    "(?<![为在到从至])(?:下一步|下阶段|下一阶段|下步|今后|接下来)",
    "即将|将要|计划(?<!(?:有|年度|占全年|总|行动|三年|五年|工作|投资|先行|提升|工程|专项|培训|建设|原|曾|按|按照|依|根据)计划)(?!生育|单列|任务|外|单位|的|实施以来|实施后|执行以来|启动以来|以来|[,;。、”》)])(?![^,;。的]{1,8}的)|(?<![模拟虚原曾])拟(?![定稿写人])(?=[\\u4e00-\\u9fff\\d])(?![^,;。的]{1,6}的)",
    // 希望通过5年的努力 / 有望达到: a goal announced for the years ahead
    "希望通过|(?<![已])有望(?=达到|实现|超过|突破|提高|提升)|通过[\\d一二三四五两]+年(?:的|左右的)?努力",
    "力争|争取(?=在|到|于|实现|达到|完成|建成|通过|早日|尽快|提前|\\d|今年|明年|年内|年底|上半年|下半年|更多|创建|列入|纳入)|力求|努力(?:实现|达到|做到|确保)|确保(?!了)|务必|预计|预期(?!的?寿命|目标)|目标(?:是|为)|要(?:在|把|确保|力争|实现)",
    // lookbehinds placed after the character they guard, so they run only where it occurs
    "将(?<=(?:我们|我局|我厅|我委|我办|我市|我省|我区|我县|本局|本厅|我部|我院|我中心|我会|下一步|下阶段|今后|今年|明年|年内|年底前|还|也|并|均|都|仍|亦|后续|同时|此外|届时|起|后|市|省|区|县|局|厅|委|办|府|道|镇|乡|村|校|院|站|所|部|署|队|心|司|\\d年|\\d月|\\d日)将)",
    // 正筹划建设 / 待…后即可: plans in the making
    "正(?:在)?(?:筹划|谋划|规划|筹备|计划)(?=建设|新建|实施|推进|开展|启动)",
    // 待资金到位后即可开工: a plan waiting on its condition
    "待(?=[^,;。]{1,16}后(?:即可|方可|再|将|立即|马上))",
    "将(?=开园|开学|开馆|开工|开业|投用|投入使用|正式|继续|进一步|全面|积极|加快|加大|大力|认真|按照|会同|联合|结合|重点|着力|持续|不断|逐步|深入|推进|推动|开展|建立|建设|完善|加强|实施|做好|落实|启动|组织|围绕|根据|依托|坚持|研究|出台|制定|制订|印发|修订|编制|力争|确保|争取|于|在|通过|以|进行|适时|及时|尽快|严格|切实|主动|牵头|配合|协调|督促|指导|统筹|探索|鼓励|支持|引导|采取|针对|聚焦|立足|对|从|把|努力|再|新建|新增|投入|安排|陆续|分批|有序|与|实现|打造|构建|培育|提升|提高|扩大|优化|强化|深化|建成|完成|开通|上线|发布|召开|举办|继续)",
  ].join("|"),
  "g",
);

export function firmnessOf(s: string): Firmness {
  if (/确保|务必|必须|保证|坚决/.test(s)) return "guarantee";
  if (/力争|争取|力求|努力(?:实现|达到|做到)/.test(s)) return "strive";
  if (/研究|探索|试点|谋划|视情|适时|论证|调研/.test(s) && !/计划|新建|新增|建成|完成|实现/.test(s)) return "explore";
  if (/计划|拟|预计|安排|目标/.test(s)) return "plan";
  return "intend";
}

/** The verbs of doing: a forward-looking sentence without one of these is not a pledge. */
export const ACTION_VERB = new RegExp(
  "推进|推动|加强|加快|加大|完善|健全|建立|建设|建成|新建|新增|增加|扩大|提升|提高|优化|强化|深化|落实|实施|开展|做好|抓好|探索|研究|制定|制订|修订|出台|印发|编制|培育|培养|培训|打造|构建|实现|确保|保障|发展|支持|鼓励|引导|指导|督促|组织|举办|启动|试点|推行|推广|规范|整合|迭代|升级|改造|拓展|提供|增设|设立|成立|组建|搭建|上线|开设|覆盖|达到|形成|保持|执行|贯彻|配合|争取|力争|扩面|延伸|创建|创新|用好|发挥|巩固|统筹|完成|解决|降低|减少|控制|整治|监管|落地|丰富|满足|补齐|夯实|畅通|增强|纳入|列入|办好|抓实|压实|兜牢|守牢|扩容|提质|改善|普及|开通|投入|安排|招聘|招录|配备|新改扩建|改扩建|培训|评定|认定|建好|管好|实行|探索|贯通|做强|做大|做优|转为|开园|开学|开馆|开业|投用|招生|引进|吸引|保证|达|拓宽|延长|缩短|减轻|减免|简化|加密|织密|盘活|激发|激活|引入|营造|宣传|弘扬|报批|报送|提交|审批|审定|审议|开工|竣工|完工|严禁|禁止|杜绝|严格|升格|合并|撤并|整合",
);

/** Courtesy, routing and sign-off: never a pledge, whatever verbs it holds. */
const BOILERPLATE_WORDS = startScan(/敬请|请予|特此|此复|答复如下|答复如下|现将.{0,16}答复|收悉|联系人|联系电话|邮政编码|认真研究|积极吸纳|吸收采纳|参考采纳|予以采纳|审签|签发|抄送|抄报|办理情况|建议办理|提案办理|为契机/, "敬请特此答现收联邮认积吸参予审签抄办建提为");
/** Courtesy: 您, 感谢, 满意 — it vetoes its own clause; a sentence that ends in it (a sign-off) pledges nothing. */
export const COURTESY = /您|感谢|谢谢|欢迎|满意(?!度|率)|宝贵意见|关心和支持|关心支持|关注和支持/;

const PUBLICATION = /现将[^。;]{0,20}(?:公示|公布|通报|印发)|公示如下|予以公示|现印发给你们|现予印发|(?:特|现)?制定本(?:方案|计划|办法|意见)/;

/** Courtesy, routing, sign-off and notices (现将…予以公示): never a pledge, whatever verbs it holds. */
export function isBoilerplate(s: string): boolean {
  return BOILERPLATE_WORDS.test(s) || ((s.includes("公示") || s.includes("公布") || s.includes("通报") || s.includes("印发") || s.includes("制定本")) && PUBLICATION.test(s));
}

/** The field lines of a task table written out: 责任单位:市财政局 / 完成时限:2020年6月底前。 */
export const TASK_FIELD = /^(?:责任单位|牵头单位|主责单位|配合单位|协办单位|(?:市|县|区|省)级(?:配合|督导|牵头)单位|督导单位|完成时限|时间节点|完成时间|责任领导|分管领导|责任人)\s*[:]/;

/** Sign-off lines that end a section of plans. */
export const CLOSING = /^(?:衷心)?(?:感谢|谢谢|欢迎|此复|特此|联系人|联系电话|抄送|抄报|附件|此答复|对以上答复|如有|再次感谢)/;

const PROGRESS_MARKER = /正在(?:施工|建设|实施|推进|进行|开展|改造|装修)|尚未|未(?:开工|确定|完成|启动|选址)|在建/;
const PAST_WORDS = startScan(/(?:提高|增长|增加|下降|减少|降低|上升|提升|延长|缩短|达到|突破|超过)了|已经|已(?!于将|将|建成?(?:的|住宅|小区|项目|区域|设施))|截至|截止|目前|先后|共有|共计|现有|均已|取得了|了[,。;]|以来|此前|去年|上年|曾|完成了|成功|实际(?:完成|开工|投入|建成|到位|发放|使用)|(?:解决|建成|实现|惠及|安置|开工|完工|新增|帮扶|培训|救助|改造|投入)了|占(?:全年|年度|总)?(?:计划|目标|任务)|完成率|完成(?:年度|全年)(?:目标任务|目标|任务|计划)的|序时进度/, "提增下减降上延缩达突超已截目先共现均取了以此去曾完成实解建惠安开新帮培救改投占序");
/** Markers that a clause reports the past or present (已建成…, 截至…) or progress (正在施工N个, 尚未开工N个). */
export const PAST_MARKER = {
  test(clause: string): boolean {
    return PAST_WORDS.test(clause) || ((clause.includes("正在") || clause.includes("未") || clause.includes("在建")) && PROGRESS_MARKER.test(clause));
  },
};

/** A named thing built, issued or launched: a milestone (GUIDE §1). */
const BUILT = /(?:新建|建设|建成|建立|设立|成立|组建|搭建|创建|开通|开工新建|开工建设|完成)[^,;。、]{0,24}?(?:中心|平台|基地|园区|基金|数据库|系统|制度|专区|医院|学校|食堂|站点|驿站|APP|app|小程序|热线|专线|门户|档案|联盟|台账|名录|路|大道|桥|廊桥|步道|公园|工程|馆|楼|厂|管网|隧道)(?=[,;。、]|$)/;
const AWARDED = /创建[^,;。]{0,24}?(?:示范县|示范市|示范区|示范城市|示范单位|示范乡镇|示范村|县|市|城市)(?=[,;。、]|$)/;
const ISSUED = /(?:出台|印发|制定|制订|修订|发布|编制|起草)[^,;。]{0,30}?(?:《|办法|规划|方案|意见|政策|标准|规范|细则|条例|制度|指南|计划|规定|通知)/;
const ISSUED_AFTER_TITLE = /《[^》]+》[^,;。]{0,12}?(?:印发|出台|发布|实施)/;
const LAUNCHED = /上线|投入使用|投用|投运|建成运营|建成通车|通水|揭牌|挂牌|开馆|开园|开业/;
const CONVERTED = /升级为|升格为|改造为|转型为|转为|(?:整合|合并|撤并|并入)(?:至|为|到|入)|(?:平台|系统|中心)(?:的)?升级改造/;
const INCLUDED = /(?:列入|纳入)[^,;。]{0,30}?(?:范围|目录|保障|清单|体系|医保|长护险)/;
const LEGISLATED = /立法|颁布/;
// a step of a project with its date: 9月开工建设, 年底前完工, 2025年投入使用
const STEP = /(?:开工|动工|完工|竣工|建成|交付|启用|投入运营)(?:建设|使用)?(?=[,;。]|$)|启动[^,;。]{0,12}?(?:工程|项目|建设|改造)/;

/** A named thing built, issued or launched: a milestone (GUIDE §1). */
export const MILESTONE = [BUILT, AWARDED, ISSUED, ISSUED_AFTER_TITLE, LAUNCHED, CONVERTED, INCLUDED, LEGISLATED, STEP];
/** The milestones clear enough to stand beside a number in the same sentence. */
export const MILESTONE_BESIDE_NUMBER = [BUILT, AWARDED, LAUNCHED, INCLUDED, CONVERTED];

/** Enumerators that start list items and headings: 一、 (一) 1. 一是 第一 首先. */
export const ENUMERATOR = /^(?:[一二三四五六七八九十]+、|\d+[、.](?!\d)|[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,、]?|首先|其次|最后|[①②③④⑤⑥⑦⑧⑨⑩])/;

export function enumeratorStyle(s: string): string | null {
  const m = ENUMERATOR.exec(s);
  if (!m) return null;
  const e = m[0];
  if (/^[一二三四五六七八九十]+、/.test(e)) return "cn-dun";
  if (/^\d+[、.]/.test(e)) return "num";
  if (/^[(][一二三四五六七八九十]+[)]/.test(e)) return "cn-paren";
  if (/^[(]\d+[)]/.test(e)) return "num-paren";
  if (/是$/.test(e)) return "shi";
  if (/^[①-⑩]/.test(e)) return "circled";
  return "ordinal";
}

/** 将 as the object marker (将X纳入Y), not the future: the clause ends in a verb of placing. */
export const DISPOSAL = /将[^,;。]{1,40}?(?:纳入|列入|作为|列为|确定为|调整为|纳进|转化为|改为|提高到|提高至|扩大到|扩大至|延伸到|延伸至|覆盖到|划入|并入|放在|用于|交由|委托)/;

/** A sentence that opens by reporting (目前… / 截至… / 近年来…) reports, even inside a plan section. */
export const REPORT_OPENER = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]\s*)?(?:目前|截至|截止|近年来|近年|近几年|\d{4}年以来|去年|上年|过去一年|一年来|\d{4}年[,，]?(?:全[市省县区]|我[市省县区局])(?:共|累计|已))/;

/** Sentences that go on with the plan of the sentence before: 同时，… / 此外，… / 并… */
/** A refusal or a negated plan: 暂无…建设计划, 不纳入改造计划, 暂不具备条件 — nothing in it is pledged. */
export const REFUSAL = /暂无|暂不|暂缓|搁置|取消|不纳入|不予|无法|不具备|尚不具备|未列入|不再/;

export const CONTINUATION = /^(?:同时|此外|另外|并且|并|还将|还要|另|再者|与此同时)[,，]?/;
