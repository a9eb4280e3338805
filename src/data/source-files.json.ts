// Every pinned file of every source (path, SHA-256, bytes) for the register on /quellen; read from data/sources.json, no upstream file needed.
import {serveOutput} from "../../loaders/output-store.ts";

await serveOutput("source-files.json");
