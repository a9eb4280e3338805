/**
 * The POSIX ustar archives Framework extracts single files from (.tar
 * loaders): written for /abbildungen.tar, read back where the build puts
 * the files into Framework's cache itself.
 */

/** A POSIX ustar archive of the files (Framework extracts single files from .tar loaders). */
export function tar(files: Map<string, string | Uint8Array>): Uint8Array {
  const blocks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const [name, content] of files) {
    const data = typeof content === "string" ? enc.encode(content) : content;
    const header = new Uint8Array(512);
    const put = (text: string, offset: number, length: number) => header.set(enc.encode(text).slice(0, length), offset);
    const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, "0") + "\0";
    put(name, 0, 100);
    put(octal(0o644, 8), 100, 8);
    put(octal(0, 8), 108, 8);
    put(octal(0, 8), 116, 8);
    put(octal(data.length, 12), 124, 12);
    put(octal(0, 12), 136, 12);
    put("        ", 148, 8);
    put("0", 156, 1);
    put("ustar\u000000", 257, 8);
    const sum = header.reduce((s, b) => s + b, 0);
    put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((s, b) => s + b.length, 0));
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

/** The files of an archive written by `tar` (regular files only, names up to 100 bytes). */
export function untar(archive: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const dec = new TextDecoder();
  const field = (header: Uint8Array, from: number, length: number) => dec.decode(header.subarray(from, from + length)).replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim(), 8);
    if (!Number.isFinite(size) || offset + 512 + size > archive.length) throw new Error(`untar: entry at byte ${offset} runs past the end of the archive`);
    files.set(field(header, 0, 100), archive.slice(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
