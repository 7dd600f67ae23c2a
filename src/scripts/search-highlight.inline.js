
(() => {
  const q = new URLSearchParams(location.search).get("q");
  const main = document.querySelector("main");
  if (!q || !main || typeof Highlight !== "function" || !CSS.highlights) return;
  const fold = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, " ").toLowerCase();
  const quoted = /^\s*"(.*)"\s*$/s.exec(q);
  const terms = fold(quoted ? quoted[1] : q).split(" ").filter(Boolean);
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A quoted phrase is marked where its terms stand back to back (whitespace between allowed), like the search.
  // Longest first, so a term inside another does not cut the longer one's mark short.
  const pattern = new RegExp(quoted ? terms.map(esc).join(" *") : [...terms].sort((a, b) => b.length - a.length).map(esc).join("|"), "g");
  const nodes = [];
  let text = "";
  const skip = (n) => (n.parentElement?.closest("script, style, nav") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT);
  const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, { acceptNode: skip });
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    nodes.push([text.length, n]);
    text += n.data;
  }
  if (text.length !== fold(text).length) return;
  const folded = fold(text);
  const at = (i) => {
    let lo = 0, hi = nodes.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (nodes[mid][0] <= i) lo = mid; else hi = mid - 1; }
    return [nodes[lo][1], i - nodes[lo][0]];
  };
  const ranges = [];
  if (!terms.length) return;
  for (const m of folded.matchAll(pattern)) {
    if (!m[0]) continue;
    const r = new Range();
    r.setStart(...at(m.index));
    r.setEnd(...at(m.index + m[0].length - 1));
    r.setEnd(r.endContainer, r.endOffset + 1);
    ranges.push(r);
  }
  if (!ranges.length) return;
  CSS.highlights.set("search-match", new Highlight(...ranges));
  const anchor = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const first = (anchor && ranges.find((r) => r.comparePoint(anchor, 0) <= 0)) || ranges[0];
  const target = first.startContainer.parentElement;
  if (target) {
    target.setAttribute("data-search-first", "");
    requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
  }
})();
