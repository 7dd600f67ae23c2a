/**
 * The CSV next to each period review (/reviews/<id>.csv), for Excel and spreadsheets.
 *
 * Columns (header row first, in Chinese as the readers' Excel shows them):
 *   类型      `指标` (one row per metric per week of the period: every registered metric, and
 *             unregistered ones with a reading in the period) or `项目进度` (one row per project
 *             mention with a progress figure)
 *   周        ISO week, `2024-W17`
 *   周四日期  the week's Thursday, `2024-04-25` (it decides which period the week is in)
 *   编号      metric id (`deposit-success-rate`) or project slug
 *   名称      metric label or project name
 *   数值      the number, dot as decimal separator, no unit; empty when the week has no reading
 *   单位      `%`, `次`…
 *   目标      the metric's target; empty when none (always empty for progress)
 *   是否达标  `达标` / `未达标`; empty without target or reading
 *   原文      the figure as the week wrote it (`99.997%`, `整体进度70%`)
 *   链接      URL of the place in the week
 * Encoding: UTF-8 with a byte-order mark (Excel needs it to read Chinese), CRLF line ends,
 * fields quoted per RFC 4180 when they hold a comma, quote or line break.
 */
import type { Archive, ArchiveWeek } from "../archive.ts";
import { headlineProgress } from "../report/progress.ts";
import type { MetricPoint, MetricSeries } from "./metric-series.ts";
import { thursdayOf } from "./periods.ts";
import { formatNumber } from "./format.ts";

export const BOM = "\uFEFF";

export interface CsvLabels {
  header: readonly string[];
  metric: string;
  progress: string;
  met: string;
  missed: string;
}

/** One field per RFC 4180; text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is defused with a leading `'`. */
export function csvField(value: string | number | undefined, { text = false } = {}): string {
  if (value === undefined) return "";
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly string[]): string {
  return fields.join(",");
}

/** The whole file: BOM, header, rows, CRLF-terminated. */
export function toCsv(header: readonly string[], rows: readonly string[][]): string {
  return BOM + [csvRow(header.map((h) => csvField(h))), ...rows.map(csvRow)].map((l) => `${l}\r\n`).join("");
}

export interface ReviewCsvInput {
  archive: Pick<Archive, "weeks" | "projects">;
  metrics: readonly MetricSeries[];
  /** Week ids of the period (see periods.ts: by each week's Thursday). */
  weeks: ReadonlySet<string>;
  /** Absolute (or site-relative) URL of a place in a week. */
  weekUrl: (weekSlug: string, anchor?: string) => string;
  labels: CsvLabels;
}

/** Position of each archive week by id, worked out once per archive (every period's CSV looks its weeks up). */
const weekIndex = new WeakMap<readonly ArchiveWeek[], Map<string, number>>();
/** Each series' readings by week id, once per series. */
const readingsByWeek = new WeakMap<MetricSeries, Map<string, MetricPoint[]>>();

function indexOfWeeks(weeks: readonly ArchiveWeek[]): Map<string, number> {
  let index = weekIndex.get(weeks);
  if (!index) weekIndex.set(weeks, (index = new Map(weeks.map((w, i) => [w.report.week, i]))));
  return index;
}

function readingsOf(series: MetricSeries): Map<string, MetricPoint[]> {
  let byWeek = readingsByWeek.get(series);
  if (!byWeek) {
    byWeek = new Map();
    for (const p of series.points) {
      const list = byWeek.get(p.week);
      if (list) list.push(p);
      else byWeek.set(p.week, [p]);
    }
    readingsByWeek.set(series, byWeek);
  }
  return byWeek;
}

/**
 * Rows of a period: every metric with a reading in the period × every week of the period, then progress.
 * The period's weeks and readings are looked up, not filtered out of the whole archive: the CSVs of
 * all periods together stay linear in the archive.
 */
export function reviewCsv({ archive, metrics, weeks: ids, weekUrl, labels }: ReviewCsvInput): string {
  const positions = indexOfWeeks(archive.weeks);
  const inArchive = [...ids].flatMap((id) => {
    const i = positions.get(id);
    return i === undefined ? [] : [i];
  });
  const weeks = inArchive.sort((a, b) => a - b).map((i) => archive.weeks[i]!.report);
  // The week's fields (its Thursday is date maths, its link a URL) once per week, not once per metric row.
  const weekFields = new Map(
    weeks.map((w) => [w.slug, { week: csvField(w.week), thursday: csvField(thursdayOf(w.week)), metricsLink: csvField(weekUrl(w.slug, "week-metrics")) }]),
  );
  const rows: string[][] = [];
  for (const s of metrics) {
    const readings = readingsOf(s);
    const points = new Map(weeks.flatMap((w) => readings.get(w.week) ?? []).map((p) => [p.weekSlug, p]));
    // Registered metrics always get their rows (an empty value says "not reported that week").
    if (points.size === 0 && !s.registered) continue;
    const metric = {
      id: csvField(s.id, { text: true }),
      label: csvField(s.label, { text: true }),
      unit: csvField(s.unit, { text: true }),
      target: csvField(s.target),
    };
    for (const w of weeks) {
      const p = points.get(w.slug);
      const { week, thursday, metricsLink } = weekFields.get(w.slug)!;
      rows.push([
        csvField(labels.metric),
        week,
        thursday,
        metric.id,
        metric.label,
        csvField(p ? formatNumber(p.value, s.decimals) : undefined),
        metric.unit,
        metric.target,
        csvField(p && s.target !== undefined ? (p.missed ? labels.missed : labels.met) : undefined),
        csvField(p?.raw, { text: true }),
        metricsLink,
      ]);
    }
  }
  const names = new Map(archive.projects.map((p) => [p.slug, p.name]));
  for (const w of weeks)
    for (const m of w.projects) {
      const figure = headlineProgress([...m.progress]);
      if (!figure) continue;
      const name = names.get(m.slug) ?? m.name;
      const { week, thursday } = weekFields.get(w.slug)!;
      rows.push([
        csvField(labels.progress),
        week,
        thursday,
        csvField(m.slug, { text: true }),
        csvField(name, { text: true }),
        csvField(figure.percent),
        csvField("%"),
        "",
        "",
        csvField(figure.raw, { text: true }),
        csvField(weekUrl(w.slug, m.anchor)),
      ]);
    }
  return toCsv(labels.header, rows);
}
