/** The pages of this build (Markdown files and page loaders under src/), so generated pages link only to pages that exist. */
import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {projectRoot} from "../source/paths.ts";

export function existingRoutes(root = join(projectRoot, "src")): Set<string> {
  const routes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith(".") || entry === "data" || entry === "components") continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const match = /^(.*)\.md(\.[a-z]+)?$/.exec(entry);
        if (match && !entry.includes("[")) {
          const route = `/${relative(root, join(dir, match[1]))}`.replace(/\/index$/, "/");
          routes.add(route);
        }
      }
    }
  };
  walk(root);
  return routes;
}
