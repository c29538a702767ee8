// How agencies name the same indicator in different documents. Each entry maps the ways it is
// written onto one canonical spelling; matching rewrites both sides with this table before
// comparing characters. Built from the phrasing of 民政 / 卫健 replies, statistical bulletins and
// 民生实事 tables in general (the same thing counted under a longer or shorter name), not from any
// one document — a pair belongs here only if agencies use the two names interchangeably.
//
// Order does not matter: the rewriter tries the longest variant first at each position, so
// 持养老护理员职业技能证书的护理员 is consumed whole before 护理员 could match inside it.

export interface SynonymEntry {
  canonical: string;
  variants: readonly string[];
}

export const INDICATOR_SYNONYMS: readonly SynonymEntry[] = [
  // people
  {
    canonical: "持证护理员",
    variants: [
      "持证养老护理员",
      "持证养老护理人员",
      "持证护理人员",
      "持养老护理员职业技能证书的护理员",
      "持养老护理员职业技能等级证书的护理员",
      "持有养老护理员职业技能等级证书的人员",
      "持有职业技能等级证书的养老护理员",
      "取得职业技能等级证书的养老护理员",
      "取得职业资格证书的养老护理员",
      "持证上岗的养老护理员",
    ],
  },
  { canonical: "养老护理员", variants: ["养老护理人员", "养老服务护理员", "养老护理从业人员"] },
  { canonical: "老年人", variants: ["老人", "老年群体", "长者", "老年人口"] },
  { canonical: "社会工作者", variants: ["社工", "社工人员", "社会工作人员"] },
  // facilities
  { canonical: "养老机构", variants: ["养老服务机构", "养老院"] },
  // parking: facilities are counted in spaces (河北今年将建城市公共停车设施7.7万个 / 新增公共停车位8.9万个)
  { canonical: "停车位", variants: ["停车设施", "停车泊位", "停车车位"] },
  // rural toilets: a household toilet rebuilt is one 改厕 (湖南 2019: 改(新)建农村户用厕所 / 农村改厕任务)
  {
    canonical: "农村改厕",
    variants: ["改(新)建农村户用厕所", "农村户用厕所改(新)建", "农村户用厕所改造", "农村户厕改造", "农村卫生厕所改造", "改造农村户用厕所", "农村厕所改造", "农村改厕任务"],
  },
  {
    canonical: "社区养老服务站",
    variants: [
      "社区居家养老服务站点",
      "社区居家养老服务站",
      "社区养老服务站点",
      "社区(村)居家养老服务站点",
      "社区(村)养老服务站点",
      "社区(村)养老服务站",
      "城乡社区居家养老服务站",
      "城市社区养老服务站",
      "居家养老服务站点",
      "居家养老服务站",
      "养老服务站点",
    ],
  },
  { canonical: "居家养老服务中心", variants: ["居家养老服务照料中心", "居家养老服务综合体"] },
  { canonical: "街镇养老服务中心", variants: ["乡镇(街道)养老服务中心", "镇街养老服务中心", "乡镇街道养老服务中心", "镇(街道)区域性居家养老服务中心", "镇街级居家养老服务中心"] },
  { canonical: "老年食堂", variants: ["老年人食堂", "长者食堂", "老年助餐食堂", "老年餐桌"] },
  { canonical: "助餐服务点", variants: ["老年助餐服务点", "老年人助餐点", "老年助餐点", "助餐点"] },
  { canonical: "敬老院", variants: ["特困人员供养服务设施", "特困人员供养服务机构", "农村特困供养机构", "乡镇敬老院"] },
  { canonical: "医养结合机构", variants: ["医养结合服务机构", "医养融合机构"] },
  // beds
  { canonical: "护理型床位", variants: ["护理型养老床位", "护理型机构床位"] },
  { canonical: "家庭养老床位", variants: ["家庭照护床位", "居家养老床位"] },
  { canonical: "认知障碍照护床位", variants: ["认知障碍照护专区床位", "认知症照护床位", "失智照护床位", "失智老人照护床位"] },
  { canonical: "养老床位", variants: ["养老服务床位"] },
  { canonical: "床位", variants: ["张床位", "床位数", "床位张数", "床位总数"] },
  // places
  { canonical: "乡镇街道", variants: ["乡镇(街道)", "镇(街道)", "镇街", "乡镇、街道"] },
  { canonical: "社区村", variants: ["社区(村)", "城乡社区", "村(社区)"] },
  { canonical: "县市区", variants: ["县(市、区)", "县(市,区)", "县市", "县区", "县(市)"] },
  // childcare, health, transport, employment: the names bulletins and plans use for one measure
  { canonical: "托位", variants: ["托育位", "托育托位", "托育服务托位", "托育服务位", "托额", "托育托额"] },
  { canonical: "预期寿命", variants: ["期望寿命", "平均预期寿命", "平均期望寿命", "预期的寿命", "人均期望寿命"] },
  {
    canonical: "轨道交通运营里程",
    variants: ["城市轨道交通运营总里程", "城市轨道交通运营里程", "轨道交通运营总里程", "轨道交通运营线路总里程", "轨道交通线网运营里程", "轨道交通线网里程"],
  },
  { canonical: "城镇新增就业", variants: ["城镇新增就业人员", "城镇新增就业人口", "新增城镇就业"] },
  { canonical: "空气质量优良天数比例", variants: ["空气优良天数比例", "空气质量优良天数比率", "环境空气质量优良天数比例", "优良天数比例", "优良天数比率"] },
  { canonical: "高标准农田", variants: ["高标准基本农田", "高标准农田面积"] },
  {
    canonical: "细颗粒物浓度",
    variants: ["细颗粒物(PM2.5)浓度", "细颗粒物(PM2.5)平均浓度", "细颗粒物(PM2.5)年均浓度", "细颗粒物平均浓度", "细颗粒物年均浓度", "PM2.5平均浓度", "PM2.5年均浓度", "PM2.5浓度", "PM2.5"],
  },
  // shares
  { canonical: "覆盖率", variants: ["覆盖面", "覆盖比例", "覆盖比率"] },
  { canonical: "达标率", variants: ["达标比例"] },
];

/** Generic measure words: they say *how* something is counted, not *what*. */
export const SHARE_WORDS: readonly string[] = ["所占比例", "所占比重", "比例", "占比", "比重", "比率"];
export const COUNT_WORDS: readonly string[] = ["数量", "总数", "个数", "人数", "家数", "张数", "总量", "数"];

/** Words that dress an indicator up without changing what is measured. */
export const FILLER_PREFIXES: readonly string[] = [
  "全省", "全市", "全县", "全区", "全国", "我省", "我市", "我县", "我区", "我国", "中国", "居民",
  "该省", "该市", "该县", "该区", "本省", "本市", "本县", "本区",
  "累计新增", "累计建成", "累计", "新增", "新建", "建成", "建设", "培育", "打造", "创建", "完成", "开展", "实现", "拥有", "达到",
];
export const FILLER_CHARS = /[的了之等及和与、，,。；;：:“”"'‘’《》<>【】\[\]()（）\s·\-—]/g;

/**
 * Head nouns: what the indicator counts. Two indicators with different heads (床位 vs 护理员) are
 * different things however many characters they share. Longest first.
 */
export const HEAD_NOUNS: readonly string[] = [
  "持证护理员", "养老护理员", "护理员", "社会工作者", "志愿者", "老年人",
  "养老机构", "医养结合机构", "机构", "企业", "联合体", "服务中心", "中心", "服务站", "站点", "站",
  "老年食堂", "食堂", "助餐服务点", "敬老院", "医院", "学校", "院校", "平台", "设施", "用房",
  "护理型床位", "床位", "家庭", "乡镇街道", "社区村", "县市区", "项目", "资金", "补贴", "岗位", "基地",
  "覆盖率", "达标率", "签约率", "体检率", "利用率", "入住率", "率",
];
