// Preloaded into the Prisma CLI process only (see scripts/db-migrate.ts). The WebAssembly schema engine arms a
// 10 s timer that keeps the CLI alive long after a migration has finished; a long timer in a one-shot CLI is
// never what should keep it running, so such timers are unref'd and the process exits when its work is done.
const LONG_TIMER_MS = 5000;
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout.call(this, callback, ms, ...args);
  if (typeof ms === "number" && ms >= LONG_TIMER_MS && typeof timer?.unref === "function") timer.unref();
  return timer;
};
