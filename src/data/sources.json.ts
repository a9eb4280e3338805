// The source registry with what this build could read and verify.
import {runLoader} from "../../loaders/site/framework.ts";
import {allSourceStatus, howToGet} from "../../loaders/source/status.ts";

await runLoader(
  "sources",
  async () => JSON.stringify((await allSourceStatus()).map((s) => ({...s, how_to_get: s.available ? null : howToGet(s)}))),
  () => "[]"
);
