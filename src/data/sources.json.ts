// The source registry with what this build could read and verify.
import {runLoader} from "../../loaders/framework.ts";
import {allSourceStatus, howToGet} from "../../loaders/status.ts";

await runLoader(
  "sources",
  async () => JSON.stringify((await allSourceStatus()).map((s) => ({...s, how_to_get: s.available ? null : howToGet(s)}))),
  () => "[]"
);
