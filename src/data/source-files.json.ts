// Every pinned file of every source (path, SHA-256, bytes) for the register on /quellen; read from data/sources.json, no upstream file needed.
import {registry} from "../../loaders/source/sources.ts";

process.stdout.write(JSON.stringify(registry().sources.map((s) => ({id: s.id, files: s.files.map((f) => [f.path, f.sha256, f.bytes])}))));
