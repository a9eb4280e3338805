/**
 * The one static server for dist/: `npm run serve`, the browser tests and the
 * benchmark all use it. The file delivery itself (ETag, Last-Modified,
 * conditional requests, Range with If-Range, HEAD, closing the file when a
 * client goes away, refusing malformed escapes, NUL bytes and "..") is
 * `send`, the engine of express.static; Accept-Encoding with q-values and
 * case-insensitive tokens is `negotiator`; Content-Types are `mime-types`.
 * The atlas adds: clean URLs as Framework builds them (/karten/magdeburg →
 * karten/magdeburg.html), the precompressed .br/.gz copies beside each file,
 * 405 for methods other than GET/HEAD, the 404 page, and the headers of
 * scripts/headers.ts.
 */
import {readFileSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, resolve, sep} from "node:path";
import {contentType} from "mime-types";
import Negotiator from "negotiator";
import send from "send";
import {COMMON_HEADERS, DEFAULT_FRAME_ANCESTORS, cacheControl, frameAncestors, metaPolicy, pagePolicy} from "./headers.ts";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Bytes sent on the wire, by served file (URL path), since the last reset. */
  sent: Map<string, number>;
  /** The same responses' uncompressed sizes (the files without .br/.gz). */
  raw: Map<string, number>;
  /** Content-Encoding of each response ("identity" when none). */
  encodings: Map<string, string>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Serve the precompressed copies when the client accepts them (the benchmark compares both). */
  compression?: boolean;
  /** frame-ancestors of embed pages and figures. */
  embedAncestors?: string;
}

/** Longer request targets are refused (nginx's default buffer is 8 kB; no atlas URL comes near). */
export const MAX_URL_LENGTH = 4096;

/** Types mime-types does not know; the rest come from it. */
const EXTRA_TYPES: Record<string, string> = {".arrow": "application/vnd.apache.arrow.stream"};

function typeOf(file: string): string {
  const ext = extname(file);
  return EXTRA_TYPES[ext] ?? (contentType(ext) || "application/octet-stream");
}

const ENCODED = {br: ".br", gzip: ".gz"} as const;

function isFile(path: string): boolean {
  try {
    return statSync(path, {throwIfNoEntry: false})?.isFile() ?? false;
  } catch {
    return false; // ENAMETOOLONG, ENOTDIR …
  }
}

/**
 * The file a decoded URL path stands for, relative to dist ("/karten/x" →
 * "/karten/x.html"), or null. Dot segments and dotfiles are never served
 * (the build keeps its nginx include in dist/.nginx/).
 */
function resolveFile(dist: string, path: string): string | null {
  const segments = path.split("/").slice(1);
  if (segments.some((s) => s.startsWith(".") || s.includes("\\"))) return null;
  const candidates = path.endsWith("/") ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
  for (const candidate of candidates) {
    const file = join(dist, candidate);
    if (file.startsWith(dist + sep) && isFile(file)) return candidate;
  }
  return null;
}

type Problem = 400 | 405 | 414;

/** The decoded path of a request target, or the status that refuses it. */
function requestPath(request: IncomingMessage): string | Problem {
  if (request.method !== "GET" && request.method !== "HEAD") return 405;
  const target = request.url ?? "";
  if (target.length > MAX_URL_LENGTH) return 414;
  if (!target.startsWith("/")) return 400;
  const raw = target.split(/[?#]/, 1)[0];
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return 400;
  }
  if (path.includes("\0")) return 400;
  return path;
}

export async function serve(dist: string, {port = 0, host = "127.0.0.1", compression = true, embedAncestors = process.env.ATLAS_FRAME_ANCESTORS ?? DEFAULT_FRAME_ANCESTORS}: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dist);
  // Keyed by served file, so bounded by the files in dist/, whatever clients ask for.
  const sent = new Map<string, number>();
  const raw = new Map<string, number>();
  const encodings = new Map<string, string>();
  const policies = new Map<string, {mtimeMs: number; policy: string | null}>();

  function policyOf(file: string): string | null {
    const abs = join(root, file);
    const {mtimeMs} = statSync(abs);
    const cached = policies.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.policy;
    const policy = metaPolicy(readFileSync(abs, "utf8"));
    policies.set(file, {mtimeMs, policy});
    return policy;
  }

  function headersFor(file: string): Record<string, string> {
    const headers: Record<string, string> = {...COMMON_HEADERS, "Content-Type": typeOf(file), "Cache-Control": cacheControl(file)};
    if (file.endsWith(".html")) headers["Content-Security-Policy"] = pagePolicy(policyOf(file), frameAncestors(file, embedAncestors));
    return headers;
  }

  /** The precompressed copy the client prefers, if one exists. A Range request gets the plain file: its bytes are what the range counts. */
  function encodingFor(request: IncomingMessage, file: string): keyof typeof ENCODED | null {
    if (!compression || request.headers.range) return null;
    // Among encodings the client rates equally ("gzip, deflate, br"), brotli first: smaller.
    // Lower-cased: tokens and the "q" are case-insensitive (RFC 9110), negotiator reads only "q=".
    const negotiator = new Negotiator({headers: {"accept-encoding": String(request.headers["accept-encoding"] ?? "").toLowerCase() || undefined}}) as Negotiator & {encodings(available: string[], options: {preferred: string[]}): string[]};
    for (const encoding of negotiator.encodings(["br", "gzip", "identity"], {preferred: ["br", "gzip", "identity"]})) {
      if (encoding === "identity") return null;
      if (encoding in ENCODED && isFile(join(root, file + ENCODED[encoding as keyof typeof ENCODED]))) return encoding as keyof typeof ENCODED;
    }
    return null;
  }

  function hasVariants(file: string): boolean {
    return Object.values(ENCODED).some((suffix) => isFile(join(root, file + suffix)));
  }

  function refuse(response: ServerResponse, status: number, request: IncomingMessage, extra: Record<string, string> = {}): void {
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    const headers: Record<string, string> = {...COMMON_HEADERS, "Cache-Control": REVALIDATE_ERRORS, ...extra};
    if (status === 405) headers.Allow = "GET, HEAD";
    const page = status === 404 && resolveFile(root, "/404.html");
    if (page) {
      const body = readFileSync(join(root, page));
      Object.assign(headers, headersFor(page), {"Content-Length": String(body.length)});
      response.writeHead(404, headers);
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    const text = STATUS_TEXT[status] ?? String(status);
    headers["Content-Type"] = "text/plain; charset=utf-8";
    headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : text);
  }

  const server: Server = createServer((request, response) => {
    const path = requestPath(request);
    if (typeof path === "number") return refuse(response, path, request);
    const file = resolveFile(root, path);
    if (!file) return refuse(response, 404, request);
    const encoding = encodingFor(request, file);
    const body = encoding ? file + ENCODED[encoding] : file;
    for (const [name, value] of Object.entries(headersFor(file))) response.setHeader(name, value);
    if (encoding) response.setHeader("Content-Encoding", encoding);
    if (hasVariants(file)) response.setHeader("Vary", "Accept-Encoding");
    const stream = send(request, body.split("/").map(encodeURIComponent).join("/"), {root, dotfiles: "ignore", index: false, cacheControl: false});
    stream.on("headers", (_res: ServerResponse, _path: string, stat: {size: number}) => {
      sent.set(file, (sent.get(file) ?? 0) + stat.size);
      raw.set(file, (raw.get(file) ?? 0) + (encoding ? statSync(join(root, file)).size : stat.size));
      encodings.set(file, encoding ?? "identity");
    });
    // 412 and 416 from conditional and Range requests; 404 if the file went away since resolveFile.
    stream.on("error", (error: {status?: number; headers?: Record<string, string>}) => {
      if (response.headersSent) return void response.destroy();
      refuse(response, error.status ?? 500, request, error.headers);
    });
    stream.pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    sent,
    raw,
    encodings,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      })
  };
}

/** Error answers change with the site; never cache them. */
const REVALIDATE_ERRORS = "no-store";

const STATUS_TEXT: Record<number, string> = {
  400: "Ungültige Anfrage",
  403: "Verboten",
  404: "Nicht gefunden",
  405: "Methode nicht erlaubt",
  412: "Vorbedingung nicht erfüllt",
  414: "Adresse zu lang",
  416: "Bereich nicht erfüllbar",
  500: "Interner Fehler"
};
