// Ranks with ties through the real routes over HTTP: two twins (same accuracy, 47 and 50 µJ, intervals that
// overlap) share one rank on the leaderboard's JSON and CSV and in the submission's rank; a third model, apart,
// is counted below both. The board has a hardware profile of its own, so other tests' rows never join it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zSubmissionRank } from "@/lib/api/schemas/submissions";
import { getDb } from "@/lib/db/client";
import { documentedCall } from "@/lib/testing/documented-call";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { insertResult } from "@/lib/testing/insert-result";
import { startRouteServer, type RouteServer } from "@/app/_testing/route-server";

const db = getDb();
const hardwareProfileId = randomBytes(8).toString("hex");
const slugs = { first: uniqueSlug("twin-a"), second: uniqueSlug("twin-b"), apart: uniqueSlug("apart") };
let server: RouteServer;
const submissionIds: Record<keyof typeof slugs, string> = { first: "", second: "", apart: "" };

beforeAll(async () => {
  server = await startRouteServer();
  const common = { taskId: "mnist", accuracy: 0.98, hardwareProfileId, cpuModel: "Tie CPU (int test)", owner: "tie-ranks-owner" } as const;
  const rows = {
    first: { energyPerInferenceJ: 47e-6, energyCi95J: [46.0e-6, 49.3e-6] },
    second: { energyPerInferenceJ: 50e-6, energyCi95J: [48.5e-6, 52.0e-6] },
    apart: { energyPerInferenceJ: 63.1e-6, energyCi95J: [60.8e-6, 72.8e-6] },
  } as const;
  for (const key of ["first", "second", "apart"] as const) {
    const { energyPerInferenceJ, energyCi95J } = rows[key];
    const inserted = await insertResult(db, { ...common, modelSlug: slugs[key], energyPerInferenceJ, energyCi95J: [...energyCi95J] });
    submissionIds[key] = inserted.submissionId;
  }
});

afterAll(async () => {
  await server?.close();
  await db.model.deleteMany({ where: { slug: { in: Object.values(slugs) } } });
  await db.hardwareProfile.deleteMany({ where: { id: hardwareProfileId } });
  await db.$disconnect();
});

describe("a board with two twins", () => {
  const query = `task=mnist&hardware=${hardwareProfileId}&meter=estimate`;

  it("gives them one rank in the leaderboard API, and counts both above the model that is apart", async () => {
    const { body } = await documentedCall(server.url, "GET /api/v1/leaderboard", `/api/v1/leaderboard?${query}`);
    const board = body as { entries: { modelSlug: string; rank: number; tied: boolean; rankDisplay: string; publishedCi95J: [number, number] }[] };
    expect(board.entries.map((e) => [e.modelSlug, e.rank, e.tied, e.rankDisplay])).toEqual([
      [slugs.first, 1, true, "=1"],
      [slugs.second, 1, true, "=1"],
      [slugs.apart, 3, false, "3"],
    ]);
    expect(board.entries[0].publishedCi95J).toEqual([46.0e-6, 49.3e-6]);
  });

  it("writes the shared rank into the CSV as text", async () => {
    const response = await fetch(`${server.url}/api/v1/leaderboard?${query}&format=csv`);
    expect(response.status).toBe(200);
    const rows = (await response.text()).split("\r\n").slice(1, -1);
    expect(rows.map((row) => row.split(",").slice(0, 2))).toEqual([
      ["'=1", slugs.first],
      ["'=1", slugs.second],
      ["3", slugs.apart],
    ]);
  });

  it("gives each twin's submission the same rank, as the CLI prints it", async () => {
    // insert-result's payload is not a full harness result, so only the rank is held to its documented schema here.
    const rankOf = async (id: string) => {
      const response = await fetch(`${server.url}/api/v1/submissions/${id}`);
      expect(response.status).toBe(200);
      const { rank } = await response.json();
      expect(zSubmissionRank.parse(rank)).toEqual(rank);
      return rank;
    };
    for (const key of ["first", "second"] as const) {
      expect(await rankOf(submissionIds[key]), key).toMatchObject({ position: 1, tied: true, display: "=1", of: 3, board: { hardwareProfileId } });
    }
    expect(await rankOf(submissionIds.apart)).toMatchObject({ position: 3, tied: false, display: "3", of: 3 });
  });
});
