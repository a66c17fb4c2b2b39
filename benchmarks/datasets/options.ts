// Where datasets are looked for and whether they may be downloaded, from the FRUGAL_DATASET_* variables. Apart from
// resolve.ts (which reads files) so that the harness's settings, which the web app's methodology page shows, do not
// pull file-system resolution into the web bundle.
import { homedir } from "node:os";
import { join } from "node:path";
import type { HarnessEnv } from "../harness/env";

export interface ResolveOptions {
  /** Mirror root; defaults to FRUGAL_DATASET_MIRROR. */
  mirrorDir?: string;
  /** Skip the bundled copy (tests of the mirror). */
  skipBundled?: boolean;
  /** Download cache; defaults to FRUGAL_DATASET_CACHE or ~/.cache/frugalboard/datasets. */
  cacheDir?: string;
  /** Fetch missing files from the canonical source; defaults to on unless FRUGAL_DATASET_DOWNLOAD=0. */
  download?: boolean;
  /** Rewrites canonical URLs (tests serve the files locally). */
  urlFor?: (url: string) => string;
}

/** The FRUGAL_DATASET_* variables as resolve options (the defaults of resolveDataset). */
export function datasetOptions(env: HarnessEnv): Required<Pick<ResolveOptions, "cacheDir" | "download">> & Pick<ResolveOptions, "mirrorDir"> {
  return { mirrorDir: env.FRUGAL_DATASET_MIRROR, cacheDir: defaultCacheDir(env), download: downloadsEnabled(env) };
}

/** `$FRUGAL_DATASET_CACHE`, else `$XDG_CACHE_HOME/frugalboard/datasets`, else `~/.cache/frugalboard/datasets`. */
export function defaultCacheDir(env: HarnessEnv): string {
  if (env.FRUGAL_DATASET_CACHE) return env.FRUGAL_DATASET_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "frugalboard", "datasets");
}

/** Downloads are on unless FRUGAL_DATASET_DOWNLOAD is 0/false/off (an offline machine, the test suite). */
export function downloadsEnabled(env: HarnessEnv): boolean {
  return !/^(0|false|off|no)$/i.test(env.FRUGAL_DATASET_DOWNLOAD ?? "");
}
