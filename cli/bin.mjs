#!/usr/bin/env node
// `npx frugalboard …`: runs the TypeScript CLI through tsx, so no build step stands between a clone and a bench.
// tsImport (not register) because the CLI imports CommonJS packages, which register() alone cannot load here.
import { tsImport } from "tsx/esm/api";

await tsImport("./main.ts", import.meta.url);
