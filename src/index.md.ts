// The home page: written from the profiles' build-time data (loaders/site/home-page.ts, output "index.md").
import {serveOutput} from "../loaders/output-store.ts";

await serveOutput("index.md");
