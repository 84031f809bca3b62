import { KeySet, type Rng } from './random.js';

// Company names that read like real ones: 地名 + 字号 (two characters) + 行业 + 组织形式, e.g.
// 苏州恒锐新能源科技有限公司. Unique across a run by construction (a key set and retries).

/** Characters common in Chinese trade names (字号). */
const BRAND_CHARS = [
  ...new Set(
    '驰拓翔铭锦璟睿泽浩瀚骐麟茂盈裕聚优精强坤乾元宝豪畅融昊煜烨翰楷哲逸朗澜涛帆舟勤铖钧锋铠琪瑾璞臻熙晨旭阳晖晋春秋雅泓沃沣' +
      '恒锐华泰盛达鑫源宏远通瑞安康德信诚嘉旺兴隆昌丰润天宇博海科创智联腾辉耀明光星辰龙凯航正金永长成立力汇邦鼎益佳美欣悦尚捷迅奥弘伟峰晟禾鸿骏致卓越易诺思维普赛特迈威亿万合众协同顺福吉祥云山川江河湖林森晶磊',
  ),
];

/** Words by what a link's name talks about; the first rule that matches a link wins. */
const LINK_WORDS: [RegExp, string[]][] = [
  [/锂|镍|钴|稀土|有色|稀有金属|石墨矿|石英/, ['矿业', '有色金属', '锂业', '资源']],
  [/电池|电芯|储能|BMS|电源/, ['电池', '储能科技', '能源科技', '新能源']],
  [
    /正极|负极|电解液|隔膜|集流体|磁材|浆料|靶材|气体|化学品|试剂/,
    ['新材料', '材料科技', '化学', '电子材料'],
  ],
  [
    /芯片|半导体|晶圆|集成电路|封装|封测|EDA|光罩|掩膜|设计|制造（晶圆|存储/,
    ['半导体', '微电子', '芯片科技', '集成电路'],
  ],
  [/显示|面板|LED|光学|触控|玻璃基板/, ['光电', '显示科技', '光电科技']],
  [/软件|平台|信息化|物联网|数字|智慧|互联网|工业互联网/, ['信息技术', '软件', '数字科技', '网络科技']],
  [/机器人|数控|机床|自动化|激光|减速|伺服|控制器|轴承|液压/, ['智能装备', '精密机械', '自动化', '机器人']],
  [/检测|测试|认证|检验/, ['检测技术', '检验检测', '技术服务']],
  [/物流|冷链|仓储|快递/, ['物流', '供应链管理', '冷链物流']],
  [/批发|零售|商贸|电商|市场|流通|分销|药店|出口/, ['商贸', '贸易', '电子商务', '供应链']],
  [/医院|体检|检验所|诊所/, ['医疗管理', '健康管理', '医院管理']],
  [/器械|耗材|诊断|IVD|设备（医/, ['医疗器械', '医疗科技', '生物技术']],
  [/药|疫苗|抗体|血液|细胞|基因|生物|CRO|CDMO|中药/, ['药业', '生物科技', '制药', '医药科技']],
  [/茶/, ['茶业', '茶叶', '茶业科技']],
  [/纸|浆|瓦楞|包装|纸箱|纸盒|模塑|软包装|印刷/, ['纸业', '包装', '包装材料', '印务']],
  [/整车|乘用车|商用车|客车|专用车|底盘|车身|轮胎|线束|座舱|汽车/, ['汽车', '汽车零部件', '汽车科技']],
  [/电机|电驱|电控|逆变|变流|PCS/, ['电机', '电气', '动力科技', '电驱动']],
  [/光伏|硅|组件|电池片|光伏玻璃|胶膜|背板|银浆|支架|接线盒/, ['光伏科技', '硅业', '新能源', '光能']],
  [/充电|换电|电网|输配电/, ['电力科技', '充电科技', '电气']],
  [/食品|肉|乳|饮料|饮品|酒|调味|粮|油|烘焙|零食|预制|糖|淀粉|添加剂/, ['食品', '食品科技', '饮品', '粮油']],
  [/养殖|种植|种苗|农|渔|畜|水产|饲料|果蔬|提取/, ['农业发展', '生态农业', '农牧', '农业科技']],
  [/服装|服饰|品牌|运动|制衣|鞋|箱包|家纺/, ['服饰', '服装', '制衣', '鞋业']],
  [/纺|织|纤|涤纶|锦纶|氨纶|粘胶|印染|染料|辅料|无纺/, ['纺织', '纺织科技', '化纤', '针织']],
  [
    /环保|污水|水处理|固废|危废|垃圾|土壤|环境|大气|膜|滤|回收|再生|环卫/,
    ['环保科技', '环境工程', '环境科技', '再生资源'],
  ],
  [/消防|救援|应急|防护|安全|避难|矿山安全/, ['安全科技', '应急装备', '消防科技', '防护用品']],
  [
    /旅游|酒店|度假|康养|养老|文旅|温泉|会展|赛事|健身|美容|医美/,
    ['文旅发展', '康养产业', '旅游发展', '健康产业'],
  ],
  [/租赁/, ['融资租赁', '设备租赁']],
  [/培训|咨询|服务/, ['咨询服务', '技术服务', '教育科技']],
  [/钢|铸|锻|合金|金属|铝|铜/, ['金属材料', '特钢', '合金材料', '铸造']],
  [/高分子|树脂|塑料|聚合|涂料|陶瓷|复合|碳/, ['新材料', '高分子材料', '材料科技', '复合材料']],
  [/装备|设备|机械|机具|工程/, ['智能装备', '机械', '装备制造', '重工']],
];

const CHAIN_WORDS: Record<string, string[]> = {
  bio: ['生物科技', '医药', '制药', '药业'],
  eit: ['电子', '电子科技', '光电', '智能科技'],
  emer: ['安全科技', '应急装备', '消防科技'],
  env: ['环保科技', '环境工程', '节能科技'],
  food: ['食品', '食品科技', '农业发展'],
  health: ['健康产业', '生物科技', '健康科技'],
  ic: ['半导体', '微电子', '集成电路'],
  ieq: ['智能装备', '机械', '自动化'],
  nev: ['新能源科技', '汽车零部件', '动力科技'],
  nm: ['新材料', '材料科技', '金属材料'],
  pack: ['包装', '纸业', '包装科技'],
  pv: ['光伏科技', '新能源', '储能科技'],
  tea: ['茶业', '茶叶', '生态农业'],
  tex: ['纺织', '服饰', '纺织科技'],
};

const FALLBACK_WORDS = ['科技', '实业', '工业', '技术'];

/** Industry words for a link: from its name, else its chain, else generic. */
export function industryWords(link: { name: string; chainId: string }): string[] {
  for (const [re, words] of LINK_WORDS) if (re.test(link.name)) return words;
  return CHAIN_WORDS[link.chainId] ?? FALLBACK_WORDS;
}

export interface NameRequest {
  /** Place names from most to least precise use: city short name, county short name, province short name. */
  city: string;
  county?: string;
  province: string;
  words: readonly string[];
  listed: boolean;
  group: boolean;
  centralSoe: boolean;
}

/** Hands out unique company names from one random stream. */
export class NameMaker {
  private readonly seen: KeySet;

  constructor(
    private readonly rng: Rng,
    expected = 1024,
  ) {
    this.seen = new KeySet(expected);
  }

  get size(): number {
    return this.seen.size;
  }

  make(req: NameRequest): string {
    const rng = this.rng;
    const suffix = req.group
      ? req.listed
        ? '集团股份有限公司'
        : '集团有限公司'
      : req.listed || rng.chance(0.1)
        ? '股份有限公司'
        : '有限公司';
    for (let attempt = 0; ; attempt++) {
      const brand = this.brand(attempt < 40 ? 2 : 3);
      const word = rng.pick(req.words);
      let name: string;
      if (req.centralSoe) {
        // 中恒电子（武汉）有限公司: a central SOE's subsidiary, named after the group and the place.
        name =
          attempt < 10 && req.group
            ? `中${brand[0]}${word}${suffix}`
            : `中${brand[0]}${word}（${req.city}）有限公司`;
        if (attempt >= 20) name = `中${brand}${word}（${req.city}）有限公司`;
      } else {
        const r = rng.next();
        const place =
          r < 0.68 ? req.city : r < 0.85 && req.county ? req.county : r < 0.95 ? req.province : '';
        name = `${place}${brand}${word}${suffix}`;
      }
      if (this.seen.add(name)) return name;
    }
  }

  private brand(length: number): string {
    let s = '';
    while (s.length < length) {
      const c = this.rng.pick(BRAND_CHARS);
      if (!s.includes(c)) s += c;
    }
    return s;
  }
}
