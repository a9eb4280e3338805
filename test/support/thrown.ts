/** The error a call throws (fails the test when it throws none). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, none was thrown");
}
