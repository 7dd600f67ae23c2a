/**
 * The generator's vocabulary: the projects, objectives, incidents and phrases of the seed week's team,
 * the prose slots of option `prose`, and the terms that never occur. Plain data, no logic.
 * Templates use {placeholders} filled per week (fill.ts); `{` never survives into output.
 */
import type { Weighted } from "./random.ts";

/**
 * Plausible terms that never occur in generated output (checked on every week before it is returned),
 * so a search for them must return nothing. Several share characters with the corpus (链, 量, 联, 数字)
 * on purpose: a search that matches single characters gets caught.
 */
export const ABSENT_TERMS: readonly string[] = [
  "量子纠缠",
  "区块链挖矿",
  "Kubernetes联邦",
  "元宇宙营销",
  "碳中和账户",
  "无人机配送",
  "数字藏品",
  "自动驾驶",
  "基因测序",
  "卫星通信",
  "光刻机",
  "脑机接口",
  "核聚变",
  "虚拟偶像",
  "火星基地",
  "跨境直播带货",
  "GraphQL网关",
  "WebAssembly沙箱",
  "Serverless冷启动",
  "联邦学习平台",
  "Terraform",
  "量化私募",
];

export type Track = string | { readonly label: string; readonly children: readonly string[] };

export interface ProjectDef {
  /** Names as written between 【】 with their weights; the first is the usual one. */
  readonly names: readonly Weighted<string>[];
  /** How plans refer to it. */
  readonly short: string;
  /** Never reaches 100%: goes on until it stops. */
  readonly ongoing?: boolean;
  readonly tracks: readonly Track[];
  /** Notion-style paragraph updates (like 【聚合支付-现代金控】 in the seed). */
  readonly paragraphs?: readonly string[];
  readonly paragraphChance?: number;
  /** Shown when the project reaches 100%. */
  readonly done?: readonly string[];
}

export const PROJECTS: readonly ProjectDef[] = [
  {
    names: [
      ["贝易转（C转）", 70],
      ["贝易转", 25],
      ["C转", 5],
    ],
    short: "贝易转",
    tracks: [
      {
        label: "银行合作：",
        children: [
          "收款行：监管政策原因，各地主体统一在北京开户，{m}月底完成信富验证；其他城市，待产品方案评审通过开始操作开户",
          "收款行：网商银行Demo出具中",
          "收款行：{bank}开户资料已提交，预计{d}完成",
          "付款行：工行 0.1%+50w的保障金，对收款规模有风控规则要求；",
          "付款行：{bank}接口文档已获取，排期评估中",
        ],
      },
      {
        label: "业务合作：",
        children: [
          "省心租本周进行产品方案初评，下周进行详评；",
          "风险：北京省心租有租金监管的沟通，监管趋严；投产进度可能会受信用分、双主体等高优需求影响，当前预期{m}月初",
          "其他：北上链家计划下周与业务和产研沟通方案；整装{d}之后启动",
          "链家试点城市确认{n}个，{city}门店宣导材料准备中",
        ],
      },
      "系统研发：一期系统开发进度{p}%，{dd}号Showcase，周末加班联调赶进度",
      "系统研发：联调进度{p}%，遗留缺陷{n}个",
      "系统研发：一期系统开发基本完成，Showcase有延期，周末加班联调赶进度",
      "交互设计：最终版交互设计方案完成，叠加支付决策，优化用户交互提示",
      "交互设计：交互稿评审通过，视觉稿输出中",
      "测试：测试用例评审完成，执行进度{p}%，UAT环境部署完成",
    ],
    done: ["一期全量投产，首周交易{N}笔，无资金差错", "上线完成，进入运营观察期，客诉{n2}起已闭环"],
  },
  {
    names: [
      ["54321技术战略落地", 80],
      ["54321技术战略", 20],
    ],
    short: "54321",
    ongoing: true,
    tracks: [
      "支付稳定性治理举措，完成高P团队宣导",
      {
        label: "存管敏捷、降本以及用户终端安全的专题沟通：",
        children: [
          "存管敏捷：敏捷项目实践逐步进入正规，Sprint达成度和排期准确率改进明显，紧急需求插入得到管理。",
          "降本：太乙下线降本{w}w/月；实人实证，运营商三要素用量优化（{a}w→{b}w/月）； 存管短信优化迁移至APP Push，进行中；",
          "用户终端安全，目标和范围拉齐，钱包+收银台+履约等{n}个系统的加解密、加验签和防重放，下一步需要细化密码秘钥方案，以及各系统的接口梳理和排期。",
        ],
      },
      "技术债务清单梳理完成，Q{q}计划清偿{n}项",
      "稳定性红线宣导，本周完成{n2}个团队",
      "架构治理：核心链路依赖梳理，完成{n}个系统",
    ],
  },
  {
    names: [
      ["AI创新与多栈", 85],
      ["AI创新", 15],
    ],
    short: "AI创新与多栈",
    ongoing: true,
    tracks: [
      "AI+OCR项目进展跟进，AIT测试备件标注和技术验证启动，履约审核流程梳理设计中；组织外部OCR产品技术交流一次。",
      "AI+OCR识别准确率提升至{k}%，备件标注{N}张",
      "周会跟进多栈落地，本周输出多栈需求产研落地的SOP，Q{q}多栈方向、人员和落地节奏沟通清楚。详见：{link}",
      "多栈试点需求{n}个，已交付{n2}个",
      "大模型应用评测：完成{n}个场景的效果对比，准确率{k}%",
    ],
  },
  {
    names: [
      ["聚合支付-现代金控", 80],
      ["聚合支付", 20],
    ],
    short: "聚合支付",
    ongoing: true,
    paragraphChance: 0.7,
    paragraphs: [
      "启动武汉加盟店东的沟通，单超和魏佩出差武汉与当地店东代表沟通。店东对聚合试点持续时间，以及店东、经纪人收益有较大顾虑。收集信息后，项目小组讨论改进方案。",
      "与现代金控完成第{n2}轮方案沟通，费率与结算周期基本拉齐，待双方法务确认合同条款。",
      "{city}试点门店{n}家完成进件，首周交易{N}笔，店东反馈结算到账时效需要提升到T+1。",
      "聚合试点复盘：店东收益测算模型更新，经纪人激励方案待业务确认，计划{d}前给出结论。",
    ],
    tracks: ["试点门店进件{n}家，交易{N}笔", "店东收益测算模型更新，待业务确认", "现代金控合同条款评审中"],
  },
  {
    names: [["存管路由", 100]],
    short: "存管路由",
    tracks: ["一期：流量切换{p}%，新银资金沉淀{N}万", "二期：方案评审通过，开发进度{p2}%", "银行对接：新增{n2}家银行接入路由，联调中"],
    done: ["全量切换完成，新银资金沉淀{N}万"],
  },
  {
    names: [
      ["机房双活", 70],
      ["双活建设", 30],
    ],
    short: "机房双活",
    tracks: [
      "在测试环境验证流量按照HASH分流成功",
      "备机房防火墙改为主备模式，解决丢包问题",
      "演练：完成第{n2}次切流演练，RTO{n}分钟",
      "整体进度{p}%，计划{m}月完成生产切流",
    ],
    done: ["生产切流完成，双活进入常态化演练"],
  },
  {
    names: [
      ["用户终端安全", 70],
      ["终端安全加固", 30],
    ],
    short: "终端安全",
    tracks: ["密码秘钥方案：评审通过，KMS接入中", "接口梳理：钱包、收银台、履约等{n}个系统完成接口梳理，进度{p}%", "加验签和防重放：SDK改造进度{p2}%"],
    done: ["加解密、加验签和防重放全部上线，覆盖{n}个系统"],
  },
  {
    names: [
      ["贝小理", 85],
      ["贝小理运营", 15],
    ],
    short: "贝小理",
    ongoing: true,
    tracks: ["运营目标准确率>90%，{qa}", "知识库重新梳理，新增问答{n}条", "接入企微IM，覆盖{n}个业务群"],
  },
  {
    names: [["支付营销平台", 100]],
    short: "支付营销平台",
    tracks: ["功能验证完成，计划{d}上线，{d2}完成闭环验证", "营销活动配置化：开发进度{p}%", "首批活动{n2}个灰度，核销{N}笔"],
    done: ["已投产，本周活动核销{N}笔"],
  },
  {
    names: [
      ["清结算优化", 70],
      ["清结算提效", 30],
    ],
    short: "清结算优化",
    tracks: ["到账时效T+1 8点占比{p}%以上", "热点账户名单更新后，分账超时问题已解决", "对账差错率下降至{small}%"],
    done: ["清结算优化完成，到账时效T+1 8点占比稳定在90%以上"],
  },
  {
    names: [
      ["研发效能提升", 70],
      ["研发效能度量", 30],
    ],
    short: "研发效能",
    ongoing: true,
    tracks: ["度量指标体系：需求交付周期、Sprint达成度、缺陷逃逸率三项指标上线", "研发效能度量例会，本周复盘{n2}个团队", "流水线平均耗时从{a}分钟降至{b}分钟"],
  },
  {
    names: [
      ["信用分接入", 70],
      ["信用分", 30],
    ],
    short: "信用分",
    tracks: ["产品方案评审通过，开发进度{p}%", "与风控对齐授信规则，{n2}个城市灰度", "双主体改造联调中"],
    done: ["信用分全量上线，覆盖{n}个城市"],
  },
  {
    names: [
      ["资金安全（二期）", 60],
      ["资金安全", 40],
    ],
    short: "资金安全",
    tracks: ["资金核对规则新增{n}条，覆盖率{p}%", "资损防控演练完成，发现问题{n2}个", "实时核对链路开发进度{p2}%"],
    done: ["二期上线完毕，业务UAT通过及内部项目复盘完成"],
  },
];

export interface SubjectDef {
  /** Subject name per run: a subject that restarts after finishing moves to the next name (一期 → 二期). */
  readonly names: readonly string[];
  readonly ongoing?: boolean;
  /** Text between subject and item text; default: a random `，`/`：`/`,`. */
  readonly joiner?: string;
  readonly doing: readonly string[];
  readonly done?: readonly string[];
}

export interface ObjectiveDef {
  readonly id: string;
  readonly titles: readonly Weighted<string>[];
  readonly subjects: readonly SubjectDef[];
}

export const OBJECTIVES: readonly ObjectiveDef[] = [
  {
    id: "O1",
    titles: [["业务服务", 1]],
    subjects: [
      {
        names: ["贝好家意向金"],
        doing: ["开发进度{p}%，计划{d}投产", "联调测试中，整体进度{p}%"],
        done: ["{d0}正式投产运营，截止{d0}累计成交{cum}笔", "本周新增成交{n}笔，累计成交{cum}笔"],
      },
      {
        names: ["物保三期", "物保四期"],
        doing: ["卖方支付物保金和定转物功能开发中，进度{p}%", "提测完成，测试进度{p}%"],
        done: ["上线完成，{d0}上线卖方支付物保金和定转物功能", "上线完成，本周物保金收款{N}笔"],
      },
      {
        names: ["存管路由"],
        doing: ["存管路由一期测试{p}%，二期启动，提升新银资金沉淀", "路由流量切换{p}%，新银资金沉淀提升明显"],
        done: ["存管路由全量切换完成，新银资金沉淀{N}万"],
      },
      {
        names: ["存管衍生"],
        ongoing: true,
        doing: ["A端成长体系及权益上线；本周新增办卡{n}张，经纪人抽奖新增{N}条，其中{n2}条助力超时", "本周新增办卡{n}张，权益领取{N}次"],
      },
      {
        names: ["资金安全（一期）", "资金安全（二期）", "资金安全（三期）"],
        doing: ["开发进度{p}%，资金核对规则新增{n}条", "联调进度{p}%；核对覆盖率{p2}%"],
        done: ["上线完毕，业务UAT通过及内部项目复盘完成"],
      },
      {
        names: ["分账品质提升"],
        ongoing: true,
        doing: ["热点账户名单更新后，分账超时问题已解决；清结算优化完成，到账时效T+1 8点占比{p}%以上。", "分账成功率提升，到账时效T+1 8点占比约{p}%"],
      },
      {
        names: ["交易不成退代"],
        ongoing: true,
        doing: ["安心退新开{n2}城，待开{n}城（含{n2}个朝阳城市）", "安心退本周新开{n2}城，待开{n}城"],
      },
      {
        names: ["租金监管"],
        doing: ["北京省心租租金监管方案沟通，进度{p}%", "监管账户开户完成，系统对接进度{p}%"],
        done: ["租金监管上线，首批{n}个城市投产"],
      },
    ],
  },
  {
    id: "O2",
    titles: [["能力升级", 1]],
    subjects: [
      {
        names: ["POS收单系统建设"],
        doing: ["POS押金进度{p}%；POS申请进度{p2}%；加密机对接测试中；", "POS收单整体进度{p}%，终端入网测试中"],
        done: ["POS收单上线，首批{N}台终端投产"],
      },
      {
        names: ["支付营销平台"],
        doing: ["功能验证完成，计划{d}上线，{d2}完成闭环验证及投产；", "开发进度{p}%，营销规则引擎联调中"],
        done: ["已投产，本周活动核销{N}笔"],
      },
      {
        names: ["履约协议升级"],
        doing: ["协议配置联调测试，整体进展{p}%，计划{m}月中旬上线", "协议模板迁移进度{p}%"],
        done: ["履约协议升级上线完成，协议签署成功率{k}%"],
      },
      {
        names: ["实时数仓"],
        doing: [
          "增量业务模型数据聚合开发进度{p2}%；存量业务模型数据聚合进度{p3}%；模型加工开发{p3}%；数据质量开发进度{p2}%。整体进度{p}%",
          "整体进度{p}%，数据质量开发进度{p2}%",
        ],
        done: ["开发进度100%，数据质量校验通过，进入试运行"],
      },
      {
        names: ["银行存管资金盘点"],
        doing: ["完成技术方案评审", "盘点开发进度{p}%，已覆盖{n}家银行"],
        done: ["盘点系统上线，覆盖{n}家银行"],
      },
      {
        names: ["统一对账平台"],
        doing: ["对账规则配置化开发进度{p}%", "接入{n}个渠道，对账差错率{small}%，整体进度{p}%"],
        done: ["统一对账平台上线，接入{n}个渠道"],
      },
      {
        names: ["收银台重构"],
        doing: ["前端组件化改造进度{p}%，约{p2}%页面完成迁移"],
        done: ["收银台重构全量上线，页面加载耗时明显下降"],
      },
    ],
  },
  {
    id: "O3",
    titles: [["平台治理", 1]],
    subjects: [
      {
        names: ["风险数据指标"],
        doing: ["指标口径梳理进度{p}%", "指标看板开发中，约{p}%"],
        done: ["结项资料编写完成，待结项"],
      },
      {
        names: ["银企金融M6v机房迁移"],
        doing: ["还剩余{n}家银行，总迁移进度约{p}%"],
        done: ["迁移完成，旧机房下线"],
      },
      {
        names: ["系统大表治理"],
        ongoing: true,
        doing: [
          "{cluster}大表归档，清理日志数据的方式，释放了{t}T的空间，目前磁盘告警已经解除；启动3506、3509(交易系统)做数据清理。",
          "3506、3509(交易系统)数据清理进度{p}%",
        ],
      },
      {
        names: ["机房双活"],
        doing: ["在测试环境验证流量按照HASH分流成功；备机房防火墙改为主备模式，解决丢包问题。", "切流演练完成第{n2}次，整体进度{p}%"],
        done: ["生产切流完成，双活进入常态化演练"],
      },
      {
        names: ["XMEN日常业务运营类变更"],
        ongoing: true,
        doing: ["相对去年Q4有明显收敛，完成新一轮治理宣导，分析高频次数据变更场景，并补齐对应的BOSS功能", "本周变更{n}次，环比下降，补齐BOSS功能{n2}项"],
      },
      {
        names: ["慢SQL治理"],
        doing: ["本周治理慢SQL{n}条，累计{cum}条，进度{p}%"],
        done: ["慢SQL治理完成，核心库慢查询清零"],
      },
      {
        names: ["告警降噪"],
        doing: ["无效告警下降{p}%，告警规则收敛{n}条"],
        done: ["告警降噪结项，值班告警量下降明显"],
      },
    ],
  },
  {
    id: "O4",
    titles: [
      ["支付 × AI", 80],
      ["支付×AI", 20],
    ],
    subjects: [
      {
        names: ["「贝小理」"],
        ongoing: true,
        joiner: "",
        doing: ["运营目标准确率>90%，{qa}，本周知识库重新梳理。", "运营目标准确率>90%，{qa}，新增问答{n}条"],
      },
      {
        names: ["AI企微助手"],
        ongoing: true,
        doing: ["周报助手持续改进中，潜火铺助手启动，目标收集并整理事件及事故报备及跟踪", "周报助手覆盖{n}个团队，事故报备助手试运行"],
      },
      {
        names: ["AI智能助手（存管伙伴）"],
        doing: ["IM基建及协议查询能力完成（待验证）", "协议查询准确率{k}%，进度{p}%"],
        done: ["存管伙伴上线，日均问答{N}次"],
      },
      {
        names: ["AI+OCR"],
        doing: ["备件标注{N}张，识别准确率{k}%", "履约审核流程梳理完成，技术验证进度{p}%"],
        done: ["AI+OCR在履约审核场景上线"],
      },
      {
        names: ["智能客服质检"],
        doing: ["质检模型评测准确率{k}%，进度{p}%"],
        done: ["智能客服质检上线，覆盖{n}个客服组"],
      },
    ],
  },
];

/** Small nested notes that sometimes hang under an objective item. */
export const ITEM_NOTES = ["风险：依赖方排期冲突，可能延期一周", "下周计划：完成UAT验收", "待办：补充灰度方案和回滚预案", "已同步业务方，等待确认"];

export const GENERIC_DONE = ["开发进度100%，已上线", "上线完毕，业务UAT通过及内部项目复盘完成", "已投产，进入运营观察期"];

export const BANKS = ["工行", "建行", "招行", "网商银行", "中信银行", "平安银行", "民生银行"];
export const CITIES = ["武汉", "成都", "重庆", "杭州", "南京", "天津", "西安", "青岛", "苏州"];
export const CLUSTERS = ["3518集群(账务系统)", "3506集群(交易系统)", "3509集群(交易系统)", "3521集群(清结算系统)"];
export const LINKS = [
  "https://doc.weixin.qq.com/doc/w3_AKgAdwZdANEAxxjnVMiQmq0O5hKlK?scode=AJMA1Qc4AAwD1kmfrjAH4ALgbOANI",
  "https://doc.weixin.qq.com/doc/w3_AKgAdwZdANEq7TnPbRsX2LmF9uHyWc?scode=AJMA1Qc4AAwQ8vnRtkP3ZMbYcDTJ",
  "https://doc.weixin.qq.com/sheet/e3_AKgAdwZdANE5hPqLmT0wRvXcYn?scode=AJMA1Qc4AAwE2hWkUpR7NzLqVsBM",
  "https://doc.weixin.qq.com/doc/w3_AKgAdwZdANEmUx4Ry8PbQcTnV3Le?scode=AJMA1Qc4AAw9QrLtVxCm0HgKpZdE",
];

export interface IncidentDef {
  readonly system: string;
  readonly symptom: string;
  readonly impact: string;
  readonly cause: string;
}

export const INCIDENTS: readonly IncidentDef[] = [
  {
    system: "收银台",
    symptom: "查询不存在的原订单号时，导致全表查询订单号，出现一台机器OOM",
    impact: "影响了{N}笔下单",
    cause: "退款幂等性校验发现此退款单存在，并去查询原单信息。由于该退款单信息上没有原订单支付单号，导致全表扫描导致一台机器OOM",
  },
  {
    system: "存管系统",
    symptom: "{bank}出金通道响应超时",
    impact: "影响了{n}笔出金，持续{min}分钟",
    cause: "银行侧专线抖动，重试策略未生效，已推动银行排查并调整超时配置",
  },
  {
    system: "清结算系统",
    symptom: "日终分账任务延迟",
    impact: "影响了{N}笔分账到账时效",
    cause: "3518集群磁盘IO打满，批量任务排队，已完成大表归档并扩容",
  },
  {
    system: "支付网关",
    symptom: "证书轮换后部分商户验签失败",
    impact: "影响了{n}家商户的{N}笔支付",
    cause: "新证书未同步至备机房节点，已补充发布检查项",
  },
  {
    system: "账务系统",
    symptom: "记账接口RT升高",
    impact: "影响了{N}笔交易的入账时效，持续{min}分钟",
    cause: "慢SQL导致数据库连接池耗尽，已优化索引并增加限流",
  },
  {
    system: "POS收单",
    symptom: "部分终端签到失败",
    impact: "影响了{n}台POS终端，约{N}笔刷卡交易",
    cause: "加密机主备切换后密钥未同步，已回切并补充监控",
  },
  {
    system: "钱包",
    symptom: "余额展示延迟",
    impact: "影响了{N}个用户查询余额",
    cause: "缓存集群节点故障，主从切换耗时过长",
  },
  {
    system: "营销平台",
    symptom: "活动预算扣减异常",
    impact: "影响了{N}笔营销核销",
    cause: "并发扣减未加锁，已修复并完成资金核对",
  },
  {
    system: "履约系统",
    symptom: "协议签署回调丢失",
    impact: "影响了{n}笔协议状态同步",
    cause: "消息队列消费组重平衡期间消息未提交，已补偿处理",
  },
  {
    system: "存管系统",
    symptom: "入金对账文件晚到",
    impact: "影响了T+1对账，{N}笔交易延迟核对",
    cause: "银行文件服务升级未提前通知，已与银行约定变更通知机制",
  },
  {
    system: "分账服务",
    symptom: "分账请求重复提交",
    impact: "影响了{n}笔分账重复冻结，已全部解冻",
    cause: "上游重试未携带幂等号，已增加幂等校验",
  },
  {
    system: "收银台",
    symptom: "支付结果页加载缓慢",
    impact: "影响了约{N}笔下单转化，持续{min}分钟",
    cause: "CDN配置变更导致静态资源回源，已回滚配置",
  },
];

export const OTHERS = [
  "经纪&金融支付平台述职",
  "金融高P述职交流",
  "研发效能度量例会",
  "人员面试",
  "Q{q}OKR复盘",
  "架构评审委员会例会",
  "安全生产月宣导",
  "新人入职培训",
  "季度绩效沟通",
  "技术分享：支付链路全链路压测实践",
  "技术分享：大表归档与冷热分离",
  "部门团建",
  "预算编制与采购评审",
  "招聘：本周面试{n}人，发出offer {n2}个",
  "跨团队需求排期会",
  "等保测评材料准备",
  "供应商商务沟通",
  "值班制度优化，新增周末二线值班",
];

/** Each entry is one 收获与反思 body, already in Markdown (numbered lists included). */
export const REFLECTIONS = [
  "“没有度量，就没有改进”，其中的度量首先是有效度量，所谓有效提现在两个层面：\n\n1. 度量指标，应是改进目标的充分必要结果，度量指标应该符合因果关系，并且改进是因，指标是果，不能颠倒。\n2. 度量指标，应始终反应客观事实，必要是应该增加校验和观察指标，以盘点指标是否失真。",
  "项目延期往往不是某一个环节慢，而是风险暴露得太晚。周会上要求每个项目把风险前置，先说风险再说进展。",
  "稳定性治理要从“救火”转向“防火”：\n\n1. 每一次生产事件都要追到根因，并沉淀成检查项。\n2. 变更是事故的主要来源，变更评审和灰度要成为默认动作。\n3. 监控告警要少而准，告警太多等于没有告警。",
  "本周和业务方的几次沟通让我意识到，方案评审前先对齐目标和边界，比在评审会上争论细节更省时间。",
  "关于敏捷落地：Sprint达成度提升的关键不在于排得更满，而在于排期准确、紧急需求有入口、有代价。",
  "降本不是一次性动作，要有持续的账单视角。每个系统的Owner应该知道自己的成本结构和优化空间。",
  "AI项目最容易陷入“演示很好，落地很难”。评估标准要在启动时就确定，准确率、覆盖率、人工复核成本缺一不可。",
  "带团队的一点体会：\n\n1. 目标要讲清楚为什么，而不仅仅是做什么。\n2. 复盘不追责，但要追到机制。",
  "数据治理的难点在于口径统一。同一个指标在三个系统里有三种算法，先定口径，再谈看板。",
  "高优需求插队会打乱整体节奏，需要建立需求优先级的透明机制，让业务方看到插队的代价。",
  "大表治理再次说明，容量问题要提前按季度规划，而不是等磁盘告警才处理。",
];

/** `{short}` is a project's short name, `{subject}` an objective subject. */
export const PROJECT_PLANS = [
  "{short}研发和测试进度、质量跟进",
  "{short}目标落地部分Owner沟通",
  "{short}与业务方沟通试点",
  "{short}上线准备及UAT验收",
  "{short}方案评审",
  "{short}周会跟进，风险项清零",
];
export const SUBJECT_PLANS = ["{subject}进度跟进，目标{p}%", "{subject}上线及投产验证", "{subject}复盘", "{subject}方案评审"];
export const GENERIC_PLANS = ["重点项目汇报和评审辅导", "Q{q}OKR对齐", "人员面试", "研发效能度量例会", "稳定性周会"];

export const TITLES = ["支付平台周报 {week}", "{year}年第{wn}周周报", "周报 · {week}", "{week} 工作周报"];
export const AUTHORS = ["王磊", "李静", "陈晨", "刘洋", "赵敏"];

export type HeadingStyle = "bracket" | "plain" | "colon" | "h3" | "bracketColon";
export const HEADING_STYLES: readonly Weighted<HeadingStyle>[] = [
  ["bracket", 55],
  ["plain", 15],
  ["colon", 12],
  ["h3", 10],
  ["bracketColon", 8],
];

// ── prose (option `prose`) ──

/** Slots of the prose sentences; each entry is written as is (spacing included). */
export const PROSE_SLOTS: Record<string, readonly string[]> = {
  who: ["我们", "我", "团队", "小王和我", "前端组", "风控同学", "产品经理", "Alice", "Bob 和 Carol", "DBA"],
  did: ["完成了", "评审了", "推进了", "复盘了", "讨论了", "重写了", "验证了", "上线了", "回滚了", "迁移了"],
  tech: [
    "Vue 3.0",
    "Vue 3",
    "vue 3",
    "Vue3",
    "React 18",
    "Node.js 22",
    "Go 1.22",
    "Java 17",
    "Redis 7.2",
    "MySQL 8.0",
    "Kafka",
    "gRPC",
    "K8s",
    "iOS 17",
    "Android 14",
    "Python 3.12",
    "Nginx",
    "Spring Boot 3",
    "TypeScript 5",
    "Rust",
  ],
  thing: [
    "对账脚本",
    "灰度方案",
    "X 光片上传",
    "A 股行情接口",
    "B 端后台",
    "C 端收银台",
    "H5 页面",
    "风控规则",
    "证书轮换",
    "日志采样",
    "监控大盘",
    "接口文档",
    "回调重试",
    "限流配置",
    "数据看板",
    "退款链路",
    "签约流程",
    "清结算报表",
  ],
  number: ["1", "2", "3", "5", "7", "9", "12", "30", "99", "120", "3.5", "0.8", "2024", "10086", "64"],
  unit: [" ms", "ms", " 秒", "%", " 个", " 笔", " 万笔", " 次", "k QPS", " 台", " 天"],
  feel: ["还行", "有点慢", "比预期顺利", "坑不少", "基本符合预期", "需要再看看", "效果明显", "暂时没问题"],
  when: ["周一", "周三下午", "周五晚上", "上周", "本周", "第 1 周", "第 2 周", "第1周", "月底", "Q3", "下个月"],
  word: ["review", "debug", "hotfix", "deadline", "demo", "roadmap", "bug", "on-call", "case", "OKR", "KPI", "SLA", "checklist", "owner", "P0", "P1"],
};

export const PROSE_SENTENCES: readonly string[] = [
  "{when}{who}{did}{thing}，{feel}。",
  "{who}把 {tech} 的{thing}{did}一遍，耗时 {number}{unit}。",
  "{tech} 升级后 P99 从 {number}{unit} 降到 {number}{unit}，{feel}!",
  "关于{thing}：{who}{did} {word}，结论是“{feel}”。",
  "{when}和{who}开了个 {word} 会（约 {number} 人），到场的人不多。",
  "{thing}、{thing}和{thing}都到了 {word} 阶段; 下一步看 {tech}。",
  "第 {number} 个 {word} 是 {tech} 的问题, 已{did}。",
  "{who}说：{thing}的 {word} 要在{when}前给到。",
  "{number}{unit} 的{thing}里有 {number} 个 {word}，{feel}……",
  "{tech}/{tech} 双栈跑了 {number} 天，{feel}? 再观察。",
  "今天 {word} 了一下 {thing} —— 和 {tech} 无关。",
  "{who}在 {tech} 上做了 {word}, 对 {thing} 影响是 {number}{unit}。",
];
