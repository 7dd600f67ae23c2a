import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

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
  ".ico": "image/x-icon",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes sent since the last reset, for measuring what a page or a query costs. */
  bytes: { total: number };
}

/** Serves a built `dist/` like a static host: `/x/` → `/x/index.html`, unknown → 404.html. Port 0 = any free port. */
export function serveStatic(dir: string, port = 0, base = "/"): Promise<StaticServer> {
  const root = resolve(dir);
  const bytes = { total: 0 };
  const server: Server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (base !== "/" && path.startsWith(base)) path = "/" + path.slice(base.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, "404.html");
      if (!existsSync(file)) {
        res.writeHead(404).end("not found");
        return;
      }
    }
    const size = statSync(file).size;
    bytes.total += size;
    res.writeHead(status, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Content-Length": size });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      done({
        url: `http://127.0.0.1:${actual}${base}`,
        bytes,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      });
    });
  });
}
