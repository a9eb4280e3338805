/**
 * A static server for dist/ on 127.0.0.1, as a plain host would serve the
 * site: clean URLs (/karten/magdeburg → karten/magdeburg.html), correct MIME
 * types (application/wasm for DuckDB), and the precompressed .br/.gz copies
 * when the client accepts them. Counts bytes sent per path for benchmarks.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize} from "node:path";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8"
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes sent on the wire, by request path, since the last reset. */
  sent: Map<string, number>;
  /** The same responses' uncompressed sizes (the files without .br/.gz). */
  raw: Map<string, number>;
  /** Content-Encoding of each response ("identity" when none). */
  encodings: Map<string, string>;
}

function resolveFile(dist: string, pathname: string): string | undefined {
  const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidates = path.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`, join(path, "index.html")];
  for (const candidate of candidates) {
    const file = join(dist, candidate);
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

export async function serve(dist: string, {compression = true, port = 0} = {}): Promise<StaticServer> {
  const sent = new Map<string, number>();
  const raw = new Map<string, number>();
  const encodings = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const {pathname} = new URL(request.url ?? "/", "http://127.0.0.1");
    let file = resolveFile(dist, pathname);
    let status = 200;
    if (!file) {
      // The site's own 404 page (src/404.md) where the build has one, as a static host serves it.
      const notFound = join(dist, "404.html");
      if (!existsSync(notFound)) {
        response.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("Nicht gefunden");
        return;
      }
      file = notFound;
      status = 404;
    }
    const accept = String(request.headers["accept-encoding"] ?? "");
    const headers: Record<string, string> = {"content-type": MIME[extname(file)] ?? "application/octet-stream", "vary": "accept-encoding"};
    // Versioned or content-hashed paths never change: cacheable, so DuckDB's worker reuses the page's preload of the wasm.
    if (/^\/_(npm|observablehq|file|node)\//.test(pathname)) headers["cache-control"] = "public, max-age=31536000, immutable";
    let body = file;
    if (compression && /\bbr\b/.test(accept) && existsSync(`${file}.br`)) {
      body = `${file}.br`;
      headers["content-encoding"] = "br";
    } else if (compression && /\bgzip\b/.test(accept) && existsSync(`${file}.gz`)) {
      body = `${file}.gz`;
      headers["content-encoding"] = "gzip";
    }
    const size = statSync(body).size;
    headers["content-length"] = String(size);
    sent.set(pathname, (sent.get(pathname) ?? 0) + size);
    raw.set(pathname, (raw.get(pathname) ?? 0) + statSync(file).size);
    encodings.set(pathname, headers["content-encoding"] ?? "identity");
    response.writeHead(status, headers);
    createReadStream(body).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent,
    raw,
    encodings,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
