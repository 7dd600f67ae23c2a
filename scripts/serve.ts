/**
 * `npm run preview`: serves the built dist/ like a static host (`/x/` → `/x/index.html`, unknown →
 * 404.html) on http://127.0.0.1:4321/. Not `astro preview`: for `/..%2fpackage.json` that answers a
 * 500 page holding a stack trace with the machine's absolute paths. Only files inside dist/ are
 * served, errors say nothing about the server.
 */
import { createReadStream, realpathSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { siteConfig } from "../src/site.config.ts";
import { withTrailingSlash } from "../src/lib/routes.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
};

// 1. Where and what to serve.
const { values } = parseArgs({
  options: { port: { type: "string", default: "4321" }, host: { type: "string", default: "127.0.0.1" }, dir: { type: "string", default: "dist" } },
});
const root = realpathSync(resolve(values.dir));
const base = withTrailingSlash(siteConfig.base);

/** The file under dist/ a URL path names, or undefined: malformed escapes, `..`, NUL and symlinks out are refused. */
function fileFor(urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes("\0") || !path.startsWith(base)) return undefined;
  const candidate = resolve(root, "." + sep + path.slice(base.length));
  try {
    let real = realpathSync(candidate);
    if (statSync(real).isDirectory()) real = realpathSync(join(real, "index.html"));
    const rel = relative(root, real);
    return rel.startsWith("..") || resolve(root, rel) !== real ? undefined : real;
  } catch {
    return undefined;
  }
}

// 2. Answer each request from dist/ only.
const server = createServer((req, res) => {
  const pathname = (req.url ?? "/").split("?")[0]!.split("#")[0]!;
  const file = fileFor(pathname);
  const notFound = file ? undefined : fileFor(`${base}404.html`);
  const served = file ?? notFound;
  if (!served || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(served ? 405 : 404, { "Content-Type": "text/plain; charset=utf-8" }).end(served ? "method not allowed" : "not found");
    return;
  }
  res.writeHead(file ? 200 : 404, { "Content-Type": TYPES[extname(served)] ?? "application/octet-stream", "Content-Length": statSync(served).size });
  if (req.method === "HEAD") res.end();
  else
    createReadStream(served)
      .on("error", () => res.destroy())
      .pipe(res);
});
server.listen(Number(values.port), values.host, () => console.log(`周报归档：http://${values.host}:${values.port}${base}（Ctrl+C 停止）`));
