import type { Root } from "mdast";
import { errorAtNode, type Problem } from "./problem.ts";
import { walk } from "./mdx.ts";
import { urlScheme } from "../html/allowed.ts";
import { closestMatch } from "./suggest.ts";
import { weekSlug } from "../week-id.ts";

/** Pages the site serves at fixed paths (keep in step with src/pages). */
export const STATIC_ROUTES: readonly string[] = [
  "/",
  "/weeks/",
  "/projects/",
  "/objectives/",
  "/search/",
  "/metrics/",
  "/incidents/",
  "/rss.xml",
  "/robots.txt",
];

export interface LinkContext {
  /** Week ids that will have a page (`2024-W17`), any case. */
  weeks: ReadonlySet<string>;
  /** Files served from public/, as site paths (`/files/a.pdf`). */
  publicFiles?: ReadonlySet<string>;
}

/** Any URL with a scheme is external here; findUnsafeUrls judges the scheme. */
function hasScheme(url: string): boolean {
  return urlScheme(url) !== undefined;
}
const ORIGIN = "https://weekly-archive.invalid";

/** Internal links (`/…`, `../…`, bare paths) must land on a route the build will produce. */
export function findBrokenLinks(file: string, tree: Root, pageWeek: string, ctx: LinkContext): Problem[] {
  const weeks = new Map([...ctx.weeks].map((w) => [weekSlug(w), w]));
  const problems: Problem[] = [];
  walk(tree, (node) => {
    if (node.type === "image") {
      const why = explainImage(node.url.trim(), ctx.publicFiles);
      if (why) problems.push(errorAtNode(file, node, "image", `图片 ${node.url}：${why.message} (bad image path)`, why.hint));
      return true;
    }
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === "img") {
      for (const a of node.attributes) {
        if (a.type !== "mdxJsxAttribute" || a.name.toLowerCase() !== "src" || typeof a.value !== "string") continue;
        const why = explainImage(a.value.trim(), ctx.publicFiles);
        if (why) problems.push(errorAtNode(file, a.position ? a : node, "image", `图片 ${a.value}：${why.message} (bad image path)`, why.hint));
      }
      return true;
    }
    if (node.type !== "link" && node.type !== "definition") return true;
    const url = node.url.trim();
    if (url === "" || url.startsWith("#") || url.startsWith("//") || hasScheme(url)) return true;
    const pagePath = `/weeks/${weekSlug(pageWeek)}/`;
    let path: string;
    try {
      path = decodeURIComponent(new URL(url, ORIGIN + pagePath).pathname);
    } catch {
      path = url;
    }
    const why = explainRoute(path, weeks, ctx.publicFiles);
    if (why)
      problems.push(
        errorAtNode(
          file,
          node,
          "link",
          `站内链接 ${url} 指向不存在的页面${path !== url ? `（解析为 ${path}）` : ""}：${why.message} (broken internal link)`,
          why.hint,
        ),
      );
    return true;
  });
  return problems;
}

function explainRoute(
  path: string,
  weeks: ReadonlyMap<string, string>,
  publicFiles: ReadonlySet<string> | undefined,
): { message: string; hint: string } | undefined {
  const withSlash = /\/[^/.]+$/.test(path) ? `${path}/` : path;
  if (STATIC_ROUTES.includes(withSlash) || publicFiles?.has(path)) return undefined;
  // A year page exists for every year with a week in it.
  const year = /^\/weeks\/([0-9]{4})\/$/.exec(withSlash)?.[1];
  if (year !== undefined) {
    if ([...weeks.keys()].some((w) => w.startsWith(`${year}-`))) return undefined;
    return { message: `${year} 年没有周报`, hint: "检查年份，或链接 /weeks/ 查看全部年份" };
  }
  const week = /^\/weeks\/([^/]+)\/$/.exec(withSlash)?.[1];
  if (week !== undefined) {
    if (weeks.has(weekSlug(week))) return undefined;
    const near = closestMatch(weekSlug(week), weeks.keys(), 2);
    return {
      message: `没有 ${week} 这一周的周报`,
      hint: near ? `是不是 /weeks/${near}/？` : "检查周号，或写成外部链接的完整地址",
    };
  }
  if (/^\/projects\/[^/]+\/$/.test(withSlash)) return undefined;
  if (/^\/objectives\/o\d+\/(?:subjects\/)?$/i.test(withSlash)) return undefined;
  if (/^\/metrics\/[a-z0-9-]+\/$/.test(withSlash)) return undefined;
  const mdx = /([0-9]{4}-w[0-9]{2})\.mdx?$/i.exec(path);
  if (mdx) return { message: "链接指向了源文件", hint: `链接周页面，写成 /weeks/${weekSlug(mdx[1]!)}/` };
  return {
    message: "站点没有这个路径",
    hint: "站内页面有 /weeks/<周>/、/projects/<项目>/、/objectives/<O1…>/、/search/；外部链接请写完整的 https:// 地址",
  };
}

/**
 * Astro compiles week MDX too, and turns a relative image path into a module import that fails the build;
 * images therefore live in public/ and are referenced as `/…`, or are external URLs.
 */
function explainImage(url: string, publicFiles: ReadonlySet<string> | undefined): { message: string; hint: string } | undefined {
  if (url === "" || url.startsWith("//") || hasScheme(url)) return undefined;
  if (!url.startsWith("/"))
    return {
      message: "相对路径的图片会让构建失败",
      hint: `把图片放到 public/images/ 下，写成 /images/${url
        .replace(/^(\.\/)+/, "")
        .split("/")
        .pop()}，或使用完整的 https:// 地址`,
    };
  let path = url.split(/[?#]/)[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep as written
  }
  if (publicFiles && !publicFiles.has(path)) return { message: `public${path} 不存在`, hint: `把图片放到 public${path}，或改正路径` };
  return undefined;
}
