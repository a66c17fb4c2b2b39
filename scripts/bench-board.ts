// `npm run bench:board`: p95 latency of the mnist board page and of the leaderboard API under 20 concurrent
// clients, with 10,000 results seeded in a scratch database. Goal: p95 < 100 ms. Starts its own database and
// `next start` on free localhost ports, is bounded in time, and removes what it made.
//   --results N (10000)  --models N (250)  --seconds N per target (10)  --connections N (20)
import { parseArgs } from "node:util";
import { seedBoard } from "./lib/seed-board";
import { benchServerUrl, cleanup, deadline, ensureBuild, fmtMs, load, scratchDatabase, startNext, warm } from "./lib/bench-kit";
import { freePort } from "../lib/testing/free-port";

const GOAL_P95_MS = 100;
const { values } = parseArgs({
  options: {
    results: { type: "string", default: "10000" },
    models: { type: "string", default: "250" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
  },
});
const RESULTS = Number(values.results);
const MODELS = Number(values.models);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);

async function main(): Promise<number> {
  deadline(15 * 60);
  const server = benchServerUrl;
  console.log(`[bench:board] scratch database, ${RESULTS} results of ${MODELS} models on mnist …`);
  const databaseUrl = await scratchDatabase(server, `frugalboard_bench_board_${process.pid}`);
  const seeded = Date.now();
  await seedBoard(databaseUrl, { results: RESULTS, models: MODELS });
  console.log(`[bench:board] seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  ensureBuild();
  const base = await startNext(await freePort(), { DATABASE_URL: databaseUrl });

  const targets = [
    { name: "/tasks/mnist", url: `${base}/tasks/mnist` },
    { name: "/api/v1/leaderboard?task=mnist", url: `${base}/api/v1/leaderboard?task=mnist` },
  ];
  const board = (await (await fetch(targets[1].url)).json()) as { entries: unknown[]; profile: { results: number } };
  console.log(`[bench:board] default board: ${board.entries.length} models from ${board.profile.results} results`);
  let ok = true;
  const lines: string[] = [];
  for (const target of targets) {
    await warm(target.url, 20);
    const r = await load(target.url, CONNECTIONS, SECONDS);
    const pass = r.p95Ms < GOAL_P95_MS && r.errors === 0 && r.non2xx === 0;
    ok &&= pass;
    lines.push(
      `${target.name.padEnd(34)} ${r.requestsPerS.toFixed(0).padStart(6)} req/s  p50 ${fmtMs(r.p50Ms)}  p95 ${fmtMs(r.p95Ms)}  p99 ${fmtMs(r.p99Ms)}  ` +
        `p95/goal ${(r.p95Ms / GOAL_P95_MS).toFixed(2)}  ${r.errors} errors, ${r.non2xx} non-2xx  ${pass ? "ok" : "OVER GOAL"}`,
    );
  }
  console.log(`\n[bench:board] ${CONNECTIONS} concurrent clients, ${SECONDS} s each, goal p95 < ${GOAL_P95_MS} ms`);
  for (const line of lines) console.log(line);
  return ok ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(`[bench:board] ${error.message}`);
    await cleanup();
    process.exit(1);
  });
