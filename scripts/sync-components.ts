/**
 * Framework only imports modules from inside its root (src/), while tests and
 * build-time figure rendering run the same components in Node. components/ is
 * the one source; this copies it to src/components/ (git-ignored) so pages
 * import `./components/x.js`. Run before every build and preview.
 */
import {cpSync, existsSync, readdirSync, rmSync, statSync, watch} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "components");
const target = join(root, "src", "components");

export function syncComponents(): number {
  rmSync(target, {recursive: true, force: true});
  cpSync(source, target, {recursive: true, filter: (path) => !path.endsWith(".test.ts")});
  return readdirSync(target, {recursive: true}).filter((f) => statSync(join(target, String(f))).isFile()).length;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "") {
  console.log(`components: ${syncComponents()} files → ${relative(root, target)}`);
  if (process.argv.includes("--watch")) {
    watch(source, {recursive: true}, () => {
      if (existsSync(source)) syncComponents();
    });
  }
}
