/** UI strings of the search box and the /search/ page (zh-CN). */
export const searchStrings = {
  title: "搜索",
  label: "搜索周报",
  placeholder: "搜索全部周报，如 存管路由",
  submit: "搜索",
  /** Shown under the page's search field. */
  hint: '像 Ctrl+F 一样逐字匹配，不分大小写和全角半角；空格分隔的多个词须同时出现，加英文引号（"…"）表示必须连在一起。',
  shortcut: "快捷键 / 或 Ctrl+K",
  filters: "筛选",
  filterNames: { objective: "目标", project: "项目", year: "年份" } as Record<string, string>,
  clearFilters: "清除筛选",
  chipLabel: (value: string, n: number) => `${value}（${n} 周）`,
  moreChips: (n: number) => `更多（${n}）`,
  searching: "正在搜索…",
  count: (n: number, q: string) => `${n} 周包含“${q}”`,
  countFiltered: (n: number, total: number, q: string) => `${total} 周包含“${q}”，筛选后 ${n} 周`,
  empty: (q: string) => `没有周报包含“${q}”。`,
  emptyFiltered: "当前筛选条件下没有结果。",
  prompt: "输入关键词，搜索全部周报。",
  inTitle: "标题",
  /** Matches inside one week, shown beside its title. */
  matches: (n: number) => `${n} 处`,
  matchesLabel: (n: number) => `本周共 ${n} 处匹配`,
  showMore: (n: number) => `再显示 ${Math.min(n, 20)} 条（还有 ${n} 条）`,
  unavailable: "搜索暂时不可用，请稍后重试。",
  noScript: "本页需要 JavaScript 才能显示搜索结果。",
  results: "搜索结果",
} as const;

export type SearchStrings = typeof searchStrings;
