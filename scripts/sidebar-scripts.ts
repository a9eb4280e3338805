/**
 * Framework's rollup module as its page renderer sees it (render.js is
 * pointed here by scripts/framework-hooks.ts), with `rollupClient` kept per
 * folder.
 *
 * Framework 1.13.4 bundles the sidebar's two inline scripts (search-init.js,
 * sidebar-init.js) with rollup and esbuild for every page with a sidebar:
 * 1,050 bundles in the atlas's build, whose esbuild round trips left the
 * process idle. A
 * bundle depends on the page only through the imports it resolves and their
 * paths relative to the page's folder, so one bundle serves every page of a
 * folder whose resolver answers the same: the specifiers a bundle resolved
 * are recorded and asked again of each page's resolver before its code is
 * reused.
 */
// @ts-expect-error Framework ships no types for its internals.
import {rollupClient as bundle} from "@observablehq/framework/dist/rollup.js";
import {posix} from "node:path";

// @ts-expect-error Framework ships no types for its internals.
export * from "@observablehq/framework/dist/rollup.js";

type ResolveImport = (specifier: string) => Promise<unknown>;
interface Options {
  resolveImport?: ResolveImport;
  [option: string]: unknown;
}
interface Bundle {
  resolved: [string, unknown][];
  code: string;
}

const bundles = new Map<string, Bundle[]>();
let made = 0;
let uses = 0;

/** How many bundles this process made, and for how many calls (the build log prints them). */
export function sidebarBundles(): {made: number; uses: number} {
  return {made, uses};
}

/** Whether this resolver answers every recorded specifier as the bundle's did. */
async function sameAnswers(resolved: [string, unknown][], resolveImport: ResolveImport): Promise<boolean> {
  for (const [specifier, answer] of resolved) if ((await resolveImport(specifier)) !== answer) return false;
  return true;
}

export async function rollupClient(input: string, root: string, path: string, options: Options = {}): Promise<string> {
  const {resolveImport, ...rest} = options;
  if (typeof resolveImport !== "function") return bundle(input, root, path, options);
  uses++;
  // Framework's relativePath depends on the folder of "/" + path only.
  const key = JSON.stringify([input, root, posix.dirname(posix.join("/", path)), rest]);
  const kept = bundles.get(key) ?? [];
  for (const entry of kept) if (await sameAnswers(entry.resolved, resolveImport)) return entry.code;
  const resolved = new Map<string, unknown>();
  const recording: ResolveImport = async (specifier) => {
    const answer = await resolveImport(specifier);
    resolved.set(specifier, answer);
    return answer;
  };
  const code = (await bundle(input, root, path, {...options, resolveImport: recording})) as string;
  bundles.set(key, [...kept, {resolved: [...resolved], code}]);
  made++;
  return code;
}
