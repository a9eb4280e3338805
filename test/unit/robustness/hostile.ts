/**
 * Shared tools of the robustness tests: real upstream bytes (through the
 * fetch layer, so they are the pinned, verified files), the hostile variants
 * made from them, and the two properties every parser must keep:
 *
 * 1. it returns a result, or throws a SourceError (loaders/errors.ts) whose
 *    message starts with the source and the file — never a TypeError or
 *    RangeError from deep inside, never a message that floods a log;
 * 2. accounting: rows in = rows out + rows reported.
 */
import fc from "fast-check";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {expect} from "vitest";
import {parseCsvRecords} from "../../../loaders/parse/csv.ts";
import {SourceError} from "../../../loaders/source/errors.ts";
import {decodeText, localCopy, readSource} from "../../../loaders/source/fetch.ts";
import type {Fact} from "../../../loaders/model/model.ts";
import {source} from "../../../loaders/source/sources.ts";

/** Fixed seed: a failure reproduces. numRuns per property is set where it is used. */
export const SEED = 20250609;
export const runs = (numRuns: number) => ({seed: SEED, numRuns});

/** Whether a pinned file can be read without the network (mirror or download cache). */
export function available(sourceId: string, path: string): boolean {
  return localCopy(source(sourceId), path) !== undefined;
}

/** The verified bytes of a pinned file, never over the network. */
export async function realBytes(sourceId: string, path: string): Promise<Uint8Array> {
  return readSource(sourceId, path, {network: false});
}

export async function realText(sourceId: string, path: string, encoding = "utf-8"): Promise<string> {
  return decodeText(await realBytes(sourceId, path), encoding, sourceId, path);
}

/**
 * Runs `parse`; when it throws, the error must be one of the project's
 * SourceErrors naming `sourceId` and `file` (a prefix of the file suffices:
 * row errors of transcriptions name file:line), with a message short enough
 * to read. Returns the result, or undefined when the input was refused.
 */
export function resultOrCleanError<T>(parse: () => T, sourceId: string, file: string): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof SourceError)) {
      throw new Error(`expected a SourceError naming ${sourceId}: ${file}, got ${(error as Error)?.name}: ${String((error as Error)?.message ?? error).slice(0, 300)}`);
    }
    expect(error.sourceId).toBe(sourceId);
    expect(error.message.startsWith(`${sourceId}: ${file}`)).toBe(true);
    expect(error.message.length).toBeLessThan(2000);
    return undefined;
  }
}

/** Like resultOrCleanError, but the input must be refused. */
export function cleanError(parse: () => unknown, sourceId: string, file: string): SourceError {
  let result: unknown;
  try {
    result = parse();
  } catch (error) {
    resultOrCleanError(() => {
      throw error;
    }, sourceId, file);
    return error as SourceError;
  }
  throw new Error(`expected the input to be refused, got ${JSON.stringify(result)?.slice(0, 200)}`);
}

/** Data records of a CSV text (after the header) that are not blank lines: the "rows in". */
export function csvRowsIn(text: string, delimiter = ","): number {
  return parseCsvRecords(text, delimiter)
    .slice(1)
    .filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === "")).length;
}

/** Header line and data lines of a CSV without quoted line breaks (every real CSV source here). */
export function csvLines(text: string): {header: string; lines: string[]; eol: string} {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const [header, ...rest] = text.split(eol);
  return {header, lines: rest.filter((l) => l.trim() !== ""), eol};
}

/** What a fact says, without where it was read (reordering changes only the place). */
export function content(f: Fact): string {
  const {source_ref: _ref, ...rest} = f;
  return JSON.stringify(rest);
}

export function multiset(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Any UTF-16 text, lone surrogates and control characters included (fc.string with unit "binary" is slow at this length). */
export const anyText = (maxLength: number) => fc.array(fc.integer({min: 0, max: 0xffff}), {maxLength}).map((codes) => String.fromCharCode(...codes));

/** Error pages a server or proxy sends instead of the file (GitHub, nginx, a captive portal). */
export const ERROR_PAGES = [
  '<!DOCTYPE html>\n<html lang="en" data-color-mode="auto">\n<head><meta charset="utf-8"><title>Page not found · GitHub</title></head>\n<body><h1>404</h1></body></html>\n',
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  "\ufeff<!doctype html><meta http-equiv=refresh content='0;url=https://login.example/'>",
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>'
];

/** Bytes of a text in Latin-1 (characters above U+00FF cannot occur in the German sources). */
export function latin1Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

export function utf8Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
}

/** UTF-16LE with BOM, as Excel's "Unicode text" writes it. */
export function utf16Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
}

let gcFunction: (() => void) | undefined;
/** A full garbage collection (V8's gc, exposed at run time), for retained-memory measurements. */
export function gc(): void {
  if (!gcFunction) {
    setFlagsFromString("--expose_gc");
    gcFunction = runInNewContext("gc") as () => void;
  }
  gcFunction();
}

/**
 * The heap a result keeps alive: heap after − heap before, both after a full
 * collection, with the result still referenced. `make` builds the input
 * (counted in the baseline), `parse` the result.
 */
export function retainedBytes<I, T>(make: () => I, parse: (input: I) => T): {result: T; input: I; bytes: number} {
  gc();
  const input = make();
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = parse(input);
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  return {result, input, bytes};
}

export const MB = 1 << 20;
