/**
 * Plain HTTP for the serving tests: node:http (no decompression, no header
 * added behind the test's back) and raw request lines over a socket for the
 * bytes no client library would send (NUL, bad escapes, "..").
 */
import {request as httpRequest, type IncomingHttpHeaders} from "node:http";
import {connect} from "node:net";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {method, headers, agent: false}, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks)}));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The status of a request sent byte for byte as given ("GET /% HTTP/1.1"), or 0 if the server closed without answering. */
export function rawStatus(url: string, target: string | Buffer, method = "GET"): Promise<number> {
  const {hostname, port} = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on("connect", () => {
      socket.write(Buffer.concat([Buffer.from(`${method} `), Buffer.isBuffer(target) ? target : Buffer.from(target, "latin1"), Buffer.from(` HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`)]));
    });
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? resolve(statusOf(chunks)) : reject(e)));
    socket.on("close", () => resolve(statusOf(chunks)));
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${method} ${String(target).slice(0, 60)}`)));
  });
}

function statusOf(chunks: Buffer[]): number {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(Buffer.concat(chunks).subarray(0, 20).toString("latin1"));
  return m ? Number(m[1]) : 0;
}
