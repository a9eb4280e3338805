/**
 * Module hooks for Framework's build process (registered by
 * scripts/framework-build.ts for Framework 1.13.4 only): its page renderer
 * imports the rollup module through scripts/sidebar-scripts.ts.
 */
const RENDERER = /\/@observablehq\/framework\/dist\/render\.js$/;

interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{url: string}>;

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<{url: string}> {
  if (specifier === "./rollup.js" && context.parentURL && RENDERER.test(context.parentURL)) {
    // Through the hooks before this one (tsx's), which load TypeScript.
    return next(new URL("./sidebar-scripts.ts", import.meta.url).href, context);
  }
  return next(specifier, context);
}
