/** Every UI string of the site (zh-CN). Functions take counts and names. */
export const zhCN = {
  siteName: "周报归档",
  siteTagline: "支付研发团队的每周报告，按周、项目与目标串联",
  skipToContent: "跳到正文",
  nav: {
    label: "主导航",
    home: "首页",
    weeks: "周报",
    projects: "项目",
    objectives: "目标",
    metrics: "指标",
    incidents: "生产事件",
    reviews: "阶段回顾",
    search: "搜索",
  },
  footer: (count: number) => `共 ${count} 份周报 · 内部资料，请勿外传`,
  /** zh-CN punctuation between labels, values, counts and list items: templates never write it themselves. */
  fmt: {
    /** `负责人：` before a value or a link. */
    label: (label: string) => `${label}：`,
    /** `负责人：王磊`. */
    labelled: (label: string, value: string) => `${label}：${value}`,
    /** `全部（12）`: a filter choice with its count. */
    withCount: (label: string, n: number) => `${label}（${n}）`,
    /** `（…）`: a remark after a value. */
    aside: (text: string) => `（${text}）`,
    /** The brackets of an aside that holds a link: `open`, the markup, `close`. */
    open: "（",
    close: "）",
    /** Between a label and a value that is markup. */
    colon: "：",
    /** `甲、乙、丙`. */
    list: (items: readonly string[]) => items.join("、"),
    /** Between the items of a list written out with links. */
    listSeparator: "、",
    /** `甲，乙`: clauses of one sentence. */
    clauses: (items: readonly string[]) => items.join("，"),
    /** `【贝易转】`: a project name as the weeks write it. */
    project: (name: string) => `【${name}】`,
  },
  home: {
    title: "首页",
    latest: "最新周报",
    recent: "近期周报",
    allWeeks: "全部周报 →",
    empty: "还没有周报。",
    stale: "已沉寂的工作",
    staleHint: (n: number) => `连续 ${n} 周以上未被提及且未标记完成`,
  },
  week: {
    created: "创建于",
    author: "作者",
    toc: "本周目录",
    /** Only `npm run dev` renders drafts; the banner says the week is not published. */
    draftBanner: "草稿：这一周还没写完，只在本地预览中显示，正式站点不会发布。",
    draftTag: "草稿",
    metricsBlock: "本周指标",
    planReviewBlock: "上周计划完成情况",
    prev: "上一周",
    next: "下一周",
    /** Neighbours that are not the adjacent ISO week: the previous/next report of the archive. */
    prevPost: "上一篇",
    nextPost: "下一篇",
    pagerLabel: "相邻周报",
    /** `2020-W08（4 年前）`: a neighbour that is not the adjacent week, with its distance. */
    neighbourFar: (title: string, distance: string) => `${title}（${distance}）`,
    projectsSection: "重点项目",
    introSection: "概述",
    isoNote: (iso: string) => `按创建日期属于 ISO ${iso}`,
    weekOf: (from: string, to: string) => `${from} – ${to}`,
  },
  archive: {
    title: "全部周报",
    yearCount: (year: number, n: number) => `${year} 年 · ${n} 份`,
    month: (m: number) => `${m} 月`,
    total: (n: number) => `共 ${n} 份周报`,
    projectsCount: (n: number) => `${n} 个项目`,
    byYear: "按年份",
    monthCount: (m: number, n: number) => `${m} 月 ${n} 份`,
    yearTitle: (year: number) => `${year} 年周报`,
    backToAll: "← 全部年份",
  },
  projects: {
    title: "项目",
    intro: "周报中每个【项目】一页，按周串联进展。",
    name: "项目",
    objective: "目标",
    first: "首次出现",
    last: "最近更新",
    weeks: "周数",
    progress: "最新进度",
    trend: "进度趋势",
    stale: "已沉寂",
    staleTitle: (n: number) => `已 ${n} 周未更新`,
    sortLabel: "排序",
    sortByLast: "按最近更新",
    sortByName: "按名称",
    sortByWeeks: "按周数",
    timeline: "每周进展",
    progressChart: "进度变化",
    progressChartSpan: (from: string, to: string) => `进度变化（${from} – ${to}）`,
    pageOf: (n: number, total: number, count: number) => `共 ${count} 个项目 · 第 ${n} / ${total} 页`,
    aliases: "其他写法",
    owner: "负责人",
    status: "状态",
    statusLabel: { active: "进行中", paused: "暂停", done: "已完成" } as Record<string, string>,
    inWeek: (week: string) => `${week} 周报`,
    viewInWeek: "在周报中查看",
    alsoInObjectives: "目标条目中的提及",
    mentioned: (n: number) => `出现在 ${n} 周`,
    progressAlt: (name: string) => `${name} 的进度变化`,
    /** The chart's text alternative: every figure it draws. */
    progressDesc: (points: readonly { week: string; percent: number }[]) => points.map((p) => `${p.week} ${p.percent}%`).join("，"),
    /** The chart's figures as a table, folded under it. */
    dataTable: "数据表",
    colWeek: "周",
    colProgress: "进度",
    noProgress: "周报中没有进度数字",
  },
  objectives: {
    title: "目标",
    intro: "OKR 目标下的条目按周归档，按主题串联。",
    items: (n: number) => `${n} 条`,
    weeks: (n: number) => `${n} 周`,
    byWeek: "按周",
    subjects: "主题线索",
    subjectThread: (n: number) => `${n} 周提及`,
    lastMention: "最近提及",
    project: "关联项目",
    olderMentions: (n: number) => `及更早 ${n} 周`,
    allSubjects: (n: number) => `全部 ${n} 个主题线索 →`,
    subjectsTitle: (heading: string) => `${heading} · 主题线索`,
    colSubject: "主题",
    colWeeks: "周数",
    /** The subjects an objective's card names, `…` when it has more. */
    subjectPreview: (names: readonly string[], more: boolean) => `${names.join("、")}${more ? "…" : ""}`,
    backToTimeline: "← 按周时间线",
  },
  pager: {
    label: "时间线分页",
    newer: "较新",
    older: "更早",
    position: (n: number, total: number) => `第 ${n} / ${total} 页`,
    /** The page title of page n of a paginated list: `存管路由（2/5）`. */
    title: (title: string, n: number, total: number) => `${title}（${n}/${total}）`,
  },
  notFound: { title: "页面不存在", body: "找不到这个页面。", back: "回到首页" },
} as const;

export type Strings = typeof zhCN;
export const t = zhCN;
