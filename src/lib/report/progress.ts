import type { Progress } from "./model.ts";

/**
 * A progress figure is a percentage said of progress: `整体进度70%`, `POS押金进度75%`,
 * `总迁移进度约85%`, `完成度60%`. Ratios such as `占比60%` or `准确率89.09%` are not progress.
 */
const PROGRESS = /([^\s，,；;。：:、（）()]*?)(进度|进展|完成度|完成率)\s*(?:约|达到|达|为|已达|至|到|:|：)?\s*(约)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]/g;

export function extractProgress(text: string): Progress[] {
  const found: Progress[] = [];
  for (const m of text.matchAll(PROGRESS)) {
    const percent = Number(m[4]);
    if (!(percent >= 0 && percent <= 100)) continue;
    const label = m[1]!.replace(/^(?:整体|总体|总)$/, "");
    const overall = /^(整体|总体|总)/.test(m[1]!) && m[1]!.length <= 4;
    found.push({ percent, label, overall, raw: m[0].trim() });
  }
  return found;
}

/** The figure that best says how far an item is: the overall one, else the last one written. */
export function headlineProgress(figures: Progress[]): Progress | undefined {
  return figures.find((f) => f.overall) ?? figures.at(-1);
}
