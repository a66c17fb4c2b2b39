// Run by e2e/hardening.spec.ts against the e2e database: a model whose every user-written field is hostile text
// (name, description, owner's username, a javascript: link stored before links were checked at input), on a
// hardware profile of its own so the other specs' boards are unchanged, and a failed submission whose error
// repeats the text. Prints the failed submission's id.
import { getDb } from "../lib/db/client";
import { HOSTILE_PROFILE, HOSTILE_SLUG, HOSTILE_TEXT } from "../lib/testing/hostile-text";
import { insertResult } from "../lib/testing/insert-result";

async function main(): Promise<void> {
  const db = getDb();
  try {
    const existing = await db.model.findUnique({ where: { slug: HOSTILE_SLUG } });
    if (!existing) {
      await insertResult(db, {
        modelSlug: HOSTILE_SLUG,
        modelName: `${HOSTILE_TEXT.script}${HOSTILE_TEXT.formula}`,
        description: `${HOSTILE_TEXT.attribute} ${HOSTILE_TEXT.script}`,
        owner: `e2e-${HOSTILE_TEXT.script}`,
        taskId: "mnist",
        accuracy: 0.95,
        energyPerInferenceJ: 2e-6,
        hardwareProfileId: HOSTILE_PROFILE,
        cpuModel: `CPU ${HOSTILE_TEXT.attribute}`,
        codeUrl: "javascript:alert(1)",
        paperUrl: `https://example.org/${HOSTILE_TEXT.attribute}`,
      });
    }
    const model = await db.model.findUniqueOrThrow({ where: { slug: HOSTILE_SLUG }, include: { submissions: true } });
    const failed =
      model.submissions.find((s) => s.status === "FAILED") ??
      (await db.submission.create({
        data: {
          modelId: model.id,
          taskId: "mnist",
          artifactSha256: model.submissions[0].artifactSha256,
          submitterId: model.ownerId,
          status: "FAILED",
          errorCode: "runtime_error",
          error: `onnxruntime: ${HOSTILE_TEXT.script} ${HOSTILE_TEXT.attribute}`,
          finishedAt: new Date(),
        },
      }));
    console.log(failed.id);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
