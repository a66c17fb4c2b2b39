// What withdrawing, hiding and editing do to boards, badges and model pages, and the refusals on the way.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { listRecentResults } from "@/lib/leaderboard/recent-results";
import { browserRequest, params, signUpUser, tokenRequest, uniqueUsername, type TestUser } from "@/lib/testing/accounts";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { insertResult } from "@/lib/testing/insert-result";
import { GET as getBadge } from "../badges/[slug]/[task]/route";
import { GET as getBoard } from "../leaderboard/route";
import { GET as getModel, PATCH as patchModel } from "./[slug]/route";
import { POST as hideModel } from "./[slug]/hide/route";
import { POST as unhideModel } from "./[slug]/unhide/route";
import { POST as withdraw } from "../submissions/[id]/withdraw/route";

const db = getDb();
const slugs: string[] = [];
let owner: { username: string; token: string };
let admin: TestUser;

beforeAll(async () => {
  const created = await createApiToken(db, uniqueUsername("mod-owner"));
  owner = { username: created.username, token: created.token };
  admin = await signUpUser(db, "mod-admin", { admin: true });
});

afterAll(async () => {
  await db.model.deleteMany({ where: { slug: { in: slugs } } });
  await db.$disconnect();
});

/** A model of the owner's on a board of its own (a hardware profile nobody else uses). */
async function modelOnOwnBoard(results: { accuracy: number; createdAt?: Date }[]) {
  const slug = uniqueSlug("mod");
  slugs.push(slug);
  const hardwareProfileId = randomBytes(8).toString("hex");
  const ids: string[] = [];
  for (const r of results) {
    ids.push((await insertResult(db, { modelSlug: slug, owner: owner.username, taskId: "mnist", energyPerInferenceJ: 3e-6, hardwareProfileId, ...r })).submissionId);
  }
  return { slug, hardwareProfileId, ids };
}

async function board(hardwareProfileId: string) {
  const response = await getBoard(new Request(`http://localhost/api/v1/leaderboard?task=mnist&hardware=${hardwareProfileId}&meter=estimate`));
  return (await response.json()).entries as { modelSlug: string; submissionId: string }[];
}

async function badge(slug: string) {
  return (await getBadge(new Request(`http://localhost/api/v1/badges/${slug}/mnist`), params({ slug, task: "mnist" }))).json();
}

const withdrawAs = (token: string, id: string) => withdraw(tokenRequest(`/api/v1/submissions/${id}/withdraw`, token, { method: "POST" }), params({ id }));
const patchAs = (token: string, slug: string, json: unknown) => patchModel(tokenRequest(`/api/v1/models/${slug}`, token, { method: "PATCH", json }), params({ slug }));

describe("withdrawing a result", () => {
  it("takes it off the board, and the badge says withdrawn", async () => {
    const { slug, hardwareProfileId, ids } = await modelOnOwnBoard([{ accuracy: 0.95 }]);
    expect((await board(hardwareProfileId)).map((e) => e.modelSlug)).toEqual([slug]);
    expect((await badge(slug)).message).toMatch(/^mnist 95\.0% · /);

    const response = await withdrawAs(owner.token, ids[0]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: ids[0], status: "withdrawn" });
    expect(await board(hardwareProfileId)).toEqual([]);
    expect(await badge(slug)).toMatchObject({ schemaVersion: 1, label: "frugalboard", message: "mnist withdrawn", color: "9f9f9f" });
    const page = await (await getModel(new Request(`http://localhost/api/v1/models/${slug}`), params({ slug }))).json();
    expect(page.tasks[0].boards[0].results[0]).toMatchObject({ submissionId: ids[0], status: "withdrawn" });
    // Withdrawing twice changes nothing and says the same.
    expect((await withdrawAs(owner.token, ids[0])).status).toBe(200);
  });

  it("shows the model's previous result still standing when its latest one is withdrawn", async () => {
    const { slug, hardwareProfileId, ids } = await modelOnOwnBoard([{ accuracy: 0.91, createdAt: new Date(Date.now() - 60_000) }, { accuracy: 0.97 }]);
    expect((await board(hardwareProfileId))[0].submissionId).toBe(ids[1]);
    await withdrawAs(owner.token, ids[1]);
    expect((await board(hardwareProfileId)).map((e) => e.submissionId)).toEqual([ids[0]]);
    expect((await badge(slug)).message).toMatch(/^mnist 91\.0% · /);
  });

  it("refuses a submission still queued or that failed, with what to do", async () => {
    const { ids } = await modelOnOwnBoard([{ accuracy: 0.95 }]);
    await db.submission.update({ where: { id: ids[0] }, data: { status: "QUEUED" } });
    const queued = await withdrawAs(owner.token, ids[0]);
    expect(queued.status).toBe(409);
    expect((await queued.json()).error.message).toBe("This submission is still queued; withdraw it once it has finished.");
    await db.submission.update({ where: { id: ids[0] }, data: { status: "FAILED" } });
    expect((await (await withdrawAs(owner.token, ids[0])).json()).error.message).toContain("has no result on any board to withdraw");
  });
});

describe("hiding a model", () => {
  it("takes it off boards, badges, recent results and its page for everyone but admins, until unhidden", async () => {
    const { slug, hardwareProfileId } = await modelOnOwnBoard([{ accuracy: 0.95 }]);
    const hidden = await hideModel(browserRequest(`/api/v1/models/${slug}/hide`, { method: "POST", cookie: admin.cookie }), params({ slug }));
    expect(await hidden.json()).toMatchObject({ slug, hidden: true, owner: owner.username });

    expect(await board(hardwareProfileId)).toEqual([]);
    expect((await badge(slug)).message).toBe("not found");
    expect((await listRecentResults(db, 1000)).some((r) => r.modelSlug === slug)).toBe(false);
    expect((await getModel(new Request(`http://localhost/api/v1/models/${slug}`), params({ slug }))).status).toBe(404);
    // Its owner cannot see it or change it either; an admin can.
    expect((await getModel(tokenRequest(`/api/v1/models/${slug}`, owner.token), params({ slug }))).status).toBe(404);
    expect((await patchAs(owner.token, slug, { name: "back" })).status).toBe(404);
    const asAdmin = await getModel(browserRequest(`/api/v1/models/${slug}`, { cookie: admin.cookie }), params({ slug }));
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get("cache-control")).toBe("private, no-store");
    expect((await asAdmin.json()).hidden).toBe(true);

    await unhideModel(browserRequest(`/api/v1/models/${slug}/unhide`, { method: "POST", cookie: admin.cookie }), params({ slug }));
    expect((await board(hardwareProfileId)).map((e) => e.modelSlug)).toEqual([slug]);
  });
});

describe("editing a model", () => {
  it("changes metadata, clears fields with null, and renames with the old name redirecting", async () => {
    const { slug } = await modelOnOwnBoard([{ accuracy: 0.95 }]);
    const next = uniqueSlug("mod-renamed");
    slugs.push(next);
    const response = await patchAs(owner.token, slug, { slug: next, name: "Tiny", description: "Two layers.", paperUrl: "https://arxiv.org/abs/1", codeUrl: null, licence: "Apache-2.0" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slug: next, name: "Tiny", owner: owner.username, description: "Two layers.", paperUrl: "https://arxiv.org/abs/1", codeUrl: null, licence: "Apache-2.0", hidden: false });
    expect((await getModel(new Request(`http://localhost/api/v1/models/${slug}`), params({ slug }))).status).toBe(308);
    expect(await (await patchAs(owner.token, next, { description: null })).json()).toMatchObject({ description: null });
  });

  it("refuses bad input with the field and what it must be", async () => {
    const { slug } = await modelOnOwnBoard([{ accuracy: 0.95 }]);
    const other = (await modelOnOwnBoard([{ accuracy: 0.95 }])).slug;
    const refusal = async (json: unknown) => {
      const response = await patchAs(owner.token, slug, json);
      return { status: response.status, message: (await response.json()).error.message };
    };
    expect(await refusal({ paperUrl: "javascript:alert(1)" })).toEqual({ status: 400, message: "Field `paperUrl` must be an http(s) URL such as https://arxiv.org/abs/1234.5678 (javascript:, data: and other schemes are refused)." });
    expect(await refusal({ codeUrl: "ftp://example.org/code" })).toEqual({ status: 400, message: "Field `codeUrl` must be an http(s) URL such as https://arxiv.org/abs/1234.5678 (javascript:, data: and other schemes are refused)." });
    expect(await refusal({ owner: "me" })).toEqual({ status: 400, message: "Field `owner` is not editable (editable: slug, name, description, paperUrl, codeUrl, licence)." });
    expect(await refusal({})).toEqual({ status: 400, message: "The request needs at least one of slug, name, description, paperUrl, codeUrl, licence." });
    expect(await refusal({ name: "" })).toEqual({ status: 400, message: "Field `name` must not be empty." });
    expect(await refusal({ slug: "Bad Slug!" })).toMatchObject({ status: 400, message: expect.stringContaining("Field `slug` must be 3–64 characters") });
    expect(await refusal({ slug: other })).toMatchObject({ status: 409, message: expect.stringContaining("is taken") });
    expect((await db.model.findUniqueOrThrow({ where: { slug } })).paperUrl).toBeNull();
  });
});
