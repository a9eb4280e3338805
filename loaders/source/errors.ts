/** Errors a researcher can act on: they name the source, the file and what was expected. */

export class SourceError extends Error {
  constructor(
    readonly sourceId: string,
    readonly file: string,
    message: string
  ) {
    super(`${sourceId}: ${file}: ${message}`);
    this.name = "SourceError";
  }
}

/** The source file could not be had from the mirror, the cache or the network. */
export class SourceUnavailableError extends SourceError {
  constructor(sourceId: string, file: string, readonly tried: string[]) {
    super(sourceId, file, `not available (tried: ${tried.join("; ")})`);
    this.name = "SourceUnavailableError";
  }
}

/** The bytes are there but are not what the registry pins. */
export class IntegrityError extends SourceError {
  constructor(sourceId: string, file: string, readonly url: string, readonly expected: string, readonly actual: string, where: string) {
    super(sourceId, file, `SHA-256 mismatch for ${url} (read from ${where}): expected ${expected}, actual ${actual}`);
    this.name = "IntegrityError";
  }
}

/** The content does not have the shape the parser expects (header, encoding, HTML instead of CSV …). */
export class FormatError extends SourceError {
  constructor(sourceId: string, file: string, message: string) {
    super(sourceId, file, message);
    this.name = "FormatError";
  }
}

/**
 * A source the build cannot use: not there, or its bytes are not the pinned
 * ones (changed in place). Outside strict mode both empty only what depends
 * on the source; a FormatError of verified bytes is a parser fault and fails.
 */
export function isUnusableSource(error: unknown): error is SourceUnavailableError | IntegrityError {
  return error instanceof SourceUnavailableError || error instanceof IntegrityError;
}
