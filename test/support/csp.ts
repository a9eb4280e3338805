/**
 * Reads the Content-Security-Policy of a built page (the <meta http-equiv>
 * that scripts/postprocess.ts writes) and says what is wrong with it: the
 * policy must exist, come before anything it governs, and allow only the
 * site's own origin.
 */

/** What each directive may contain besides hashes: keywords and the schemes the atlas needs. */
const ALLOWED: Record<string, RegExp> = {
  "default-src": /^'self'$/,
  "script-src": /^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/,
  "script-src-attr": /^('unsafe-hashes'|'sha256-[A-Za-z0-9+/]+=*')$/,
  "worker-src": /^('self'|blob:)$/,
  "style-src": /^('self'|'unsafe-inline')$/,
  "img-src": /^('self'|data:|blob:)$/,
  "font-src": /^'self'$/,
  "connect-src": /^'self'$/,
  "object-src": /^'none'$/,
  "base-uri": /^'self'$/,
  "form-action": /^'self'$/
};
const REQUIRED = ["default-src", "script-src", "object-src", "base-uri"];

export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The policy of a page's <meta http-equiv="Content-Security-Policy">, if any. */
export function metaPolicy(html: string): {policy: string; index: number} | undefined {
  const match = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"\s*\/?>/i.exec(html);
  return match ? {policy: match[1].replace(/&#39;/g, "'").replace(/&amp;/g, "&"), index: match.index} : undefined;
}

/** Problems with a built page's policy; empty when it allows only the site's own origin. */
export function cspProblems(html: string): string[] {
  const meta = metaPolicy(html);
  if (!meta) return ["no Content-Security-Policy <meta>"];
  const problems: string[] = [];
  // A <meta> policy governs only what comes after it.
  const first = /<(script|link|style|img|iframe)\b/i.exec(html);
  if (first && first.index < meta.index) problems.push(`<${first[1]}> before the policy`);
  if ((html.match(/http-equiv=["']Content-Security-Policy["']/gi) ?? []).length > 1) problems.push("more than one policy <meta>");
  const directives = parsePolicy(meta.policy);
  for (const name of REQUIRED) if (!directives.has(name)) problems.push(`no ${name}`);
  for (const [name, sources] of directives) {
    const allowed = ALLOWED[name];
    if (!allowed) {
      problems.push(`unexpected directive ${name}`);
      continue;
    }
    for (const source of sources) if (!allowed.test(source)) problems.push(`${name} allows ${source}`);
  }
  return problems;
}
