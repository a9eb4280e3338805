/**
 * The URL owns a view's state: every control reads its start value from the
 * query string and writes its value back, so reload, back button and a shared
 * link restore the view.
 */
export function readParam(name: string, fallback: string, allowed?: readonly string[]): string {
  const value = new URLSearchParams(globalThis.location?.search ?? "").get(name);
  return value !== null && (!allowed || allowed.includes(value)) ? value : fallback;
}

/** Writes the params (one history entry per change; the back button steps through them). */
export function writeParams(params: Record<string, string | number | null | undefined>): void {
  const url = new URL(globalThis.location.href);
  let changed = false;
  for (const [key, value] of Object.entries(params)) {
    const text = value === null || value === undefined || value === "" ? null : String(value);
    if (url.searchParams.get(key) !== text) {
      changed = true;
      if (text === null) url.searchParams.delete(key);
      else url.searchParams.set(key, text);
    }
  }
  if (changed) globalThis.history.pushState(null, "", url);
}

/** Back/forward: the simplest faithful restore is to rebuild the page from the URL. */
export function restoreOnPopstate(): void {
  globalThis.addEventListener("popstate", () => globalThis.location.reload(), {once: true});
}
