import type { Root } from "mdast";
import { explainUrl, URL_PROTOCOLS } from "../html/allowed.ts";
import { walk } from "./mdx.ts";
import { errorAtNode, type Problem } from "./problem.ts";

/** JSX attributes that hold a URL a browser would follow or load. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "cite", "poster", "background", "xlink:href"]);

/**
 * URLs a week points at, as the Markdown parser decoded them (`&#106;avascript:` is `javascript:`):
 * links, images, reference definitions and URL attributes of HTML tags. A script scheme is an error;
 * another scheme outside http/https/mailto a warning, since the page shows such a link as plain text.
 */
export function findUnsafeUrls(file: string, tree: Root): Problem[] {
  const problems: Problem[] = [];
  const check = (node: { position?: Root["position"] }, url: string, what: string): void => {
    const why = explainUrl(url);
    if (!why) return;
    const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url);
    if (why.kind === "script")
      problems.push(
        errorAtNode(
          file,
          node,
          "link",
          `${what} ${shown} 使用了 ${why.scheme}: 协议，点开会执行脚本或打开嵌入的文档 (script URL not allowed)`,
          `改成 https:// 开头的完整地址或站内路径 /…；图片放到 public/images/ 下写成 /images/…`,
        ),
      );
    else
      problems.push({
        ...errorAtNode(
          file,
          node,
          "link",
          `${what} ${shown} 的协议 ${why.scheme}: 不在允许的 ${URL_PROTOCOLS.join("、")} 之内，页面上它只会是文字 (URL scheme not allowed)`,
          "改成 https:// 开头的地址，或去掉链接只留文字",
        ),
        severity: "warning",
      });
  };
  walk(tree, (node) => {
    if (node.type === "link") check(node, node.url, "链接");
    else if (node.type === "image") check(node, node.url, "图片");
    else if (node.type === "definition") check(node, node.url, `链接定义 [${node.label ?? node.identifier}]`);
    else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement")
      for (const attr of node.attributes)
        if (attr.type === "mdxJsxAttribute" && typeof attr.value === "string" && URL_ATTRIBUTES.has(attr.name.toLowerCase()))
          check(attr.position ? attr : node, attr.value, `<${node.name}> 的 ${attr.name}`);
    return true;
  });
  return problems;
}
