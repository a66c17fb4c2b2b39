// The environment of the process that runs a model: what Node, tsx, onnxruntime and the harness need, and nothing
// else. The worker's own environment holds DATABASE_URL, REDIS_URL and whatever secrets its host sets; a model's
// process has no use for them, so a runtime flaw it might exploit finds none there.
const KEEP = /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TMP|TEMP|TZ|LANG|LANGUAGE|LC_[A-Z_]+|NODE_ENV|NODE_OPTIONS|NODE_PATH|TSX_[A-Z_]+|OMP_[A-Z_]+|FRUGAL_[A-Z0-9_]+)$/;
// FRUGAL_* is the harness's configuration; the few FRUGAL_ names that are not are left out all the same.
const DROP = /URL|PASSWORD|SECRET|TOKEN|CREDENTIAL|KEY/i;

export function childEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && KEEP.test(name) && !DROP.test(name))) as NodeJS.ProcessEnv;
}
