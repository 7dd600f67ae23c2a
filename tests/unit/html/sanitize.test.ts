import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { explainUrl, urlScheme } from "../../../src/lib/html/allowed.ts";
import { textHtml, weekHtml } from "../../../src/lib/html/sanitize.ts";

const el = (tagName: string, properties: Element["properties"], text = "x"): Element => ({
  type: "element",
  tagName,
  properties,
  children: tagName === "img" ? [] : [{ type: "text", value: text }],
});

// Every spelling a browser would run; the sanitizer alone must drop each (the check is not in front of it here).
const SCRIPT_URLS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "\u0001javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:image/svg+xml;base64,PHN2Zz4=",
  "livescript:x",
];

describe("the week sanitizer on its own", () => {
  it.each(SCRIPT_URLS)("drops href and src %j", (url) => {
    const html = weekHtml({ type: "root", children: [el("a", { href: url }), el("img", { src: url })] });
    expect(html).toBe("<a>x</a><img>");
  });

  it.each(["https://a.example/x?y=1#z", "http://a.example/", "mailto:a@b.example", "/weeks/2024-w17/", "../x", "#p-a", "?q=1", "a/b:c"])(
    "keeps the allowed or relative URL %j",
    (url) => {
      expect(weekHtml(el("a", { href: url }))).toContain("href=");
    },
  );

  it("keeps an allowed scheme written in capitals, lower-cased, as a browser reads it", () => {
    expect(weekHtml(el("a", { href: "HTTPS://a.example/" }))).toBe('<a href="https://a.example/">x</a>');
  });

  it("drops schemes outside http, https, mailto", () => {
    for (const url of ["ftp://a.example/", "irc://x", "file:///etc/passwd", "tel:123"]) expect(weekHtml(el("a", { href: url }))).toBe("<a>x</a>");
    expect(weekHtml(el("img", { src: "mailto:a@b.example" }))).toBe("<img>");
  });

  it("drops event handlers in any case, style, srcdoc, formaction, action and foreign classes", () => {
    const html = weekHtml(
      el("u", {
        onFocus: "alert(1)",
        ONFOCUS: "alert(1)",
        onfocus: "alert(1)",
        onClick: "alert(1)",
        style: "color:red",
        srcDoc: "<script>",
        srcdoc: "<script>",
        formAction: "javascript:alert(1)",
        formaction: "javascript:alert(1)",
        action: "javascript:alert(1)",
        autoFocus: true,
        tabIndex: 0,
        className: ["evil"],
        title: "ok",
      }),
    );
    expect(html).toBe('<u title="ok">x</u>');
  });

  it("removes script, style, iframe and object with their content and unwraps unknown elements", () => {
    const html = weekHtml({
      type: "root",
      children: [
        el("script", {}, "alert(1)"),
        el("style", {}, "body{}"),
        el("iframe", { src: "https://a.example/" }),
        el("object", { data: "x.swf" }),
        el("marquee", {}, "kept"),
        el("svg", { onLoad: "alert(1)" }, "svg text"),
      ],
    });
    expect(html).toBe("keptsvg text");
  });

  it("keeps the elements and attributes authors may write", () => {
    const html = weekHtml({
      type: "root",
      children: [
        el("u", {}),
        el("ins", {}),
        el("del", {}),
        el("s", {}),
        el("sub", {}),
        el("sup", {}),
        el("kbd", {}),
        el("mark", {}),
        { type: "element", tagName: "br", properties: {}, children: [] },
        { ...el("details", { open: true }), children: [el("summary", {}, "总结"), { type: "text", value: "内容" }] },
        { type: "element", tagName: "img", properties: { src: "/images/a.png", alt: "图", title: "t" }, children: [] },
      ],
    });
    expect(html).toBe(
      '<u>x</u><ins>x</ins><del>x</del><s>x</s><sub>x</sub><sup>x</sup><kbd>x</kbd><mark>x</mark><br><details open><summary>总结</summary>内容</details><img src="/images/a.png" alt="图" title="t">',
    );
  });

  it("keeps the site's ids unprefixed and its own classes, so anchors and shared URLs still work", () => {
    const html = weekHtml({
      ...el("section", { className: ["week-section"], dataKind: "projects", id: "intro" }),
      children: [el("a", { href: "/projects/a/", className: ["project-link"], id: "p-a" })],
    });
    expect(html).toBe('<section class="week-section" data-kind="projects" id="intro"><a href="/projects/a/" class="project-link" id="p-a">x</a></section>');
  });

  it("escapes text given as HTML", () => {
    expect(textHtml('<script>alert("x")</script> & <img src=x onerror=alert(1)>')).toBe(
      '&#x3C;script>alert("x")&#x3C;/script> &#x26; &#x3C;img src=x onerror=alert(1)>',
    );
  });
});

describe("urlScheme, as a browser parses the scheme", () => {
  it.each([
    ["javascript:x", "javascript"],
    ["JaVaScRiPt:x", "javascript"],
    ["java\tscript:x", "javascript"],
    ["\u0000 javascript:x", "javascript"],
    ["java\r\nscript:x", "javascript"],
    ["vbscript:x", "vbscript"],
    ["/a:b", undefined],
    ["a/b:c", undefined],
    ["#x:y", undefined],
    ["https://a", "https"],
  ])("%j → %j", (url, scheme) => expect(urlScheme(url)).toBe(scheme));

  it("calls script schemes scripts and other unknown schemes unknown", () => {
    expect(explainUrl("data:image/png;base64,AAA")).toEqual({ kind: "script", scheme: "data" });
    expect(explainUrl("ftp://a")).toEqual({ kind: "scheme", scheme: "ftp" });
    expect(explainUrl("mailto:a@b")).toBeUndefined();
  });
});
