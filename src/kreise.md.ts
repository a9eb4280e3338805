// Compact profiles of every Kreis of Germany, one generated page (loaders/site/kreise-page.ts, output "kreise.md").
import {serveOutput} from "../loaders/output-store.ts";

await serveOutput("kreise.md");
