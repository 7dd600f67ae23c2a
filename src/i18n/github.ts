/** UI strings of the links to GitHub (zh-CN): writing a week, editing one, its history. */
export const githubText = {
  label: "在 GitHub 上",
  write: "写本周周报",
  /** The link opens GitHub's new-file page for this ISO week, which is the week the site was built in. */
  writeTitle: (week: string) => `在 GitHub 上新建 ${week} 周报，提交后发起 pull request`,
  editThisWeek: "编辑本周周报",
  editThisWeekTitle: (week: string) => `${week} 周报已存在，在 GitHub 上编辑`,
  weekNote: (week: string) => `本周：${week}`,
  templateSummary: "本周模板（复制后粘贴到 GitHub 的编辑框）",
  templateLabel: (week: string) => `${week} 周报模板`,
  edit: "在 GitHub 上编辑",
  history: "查看历史",
} as const;
