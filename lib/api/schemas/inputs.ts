// Request bodies of the v1 API, in one place: route handlers parse with them, and an OpenAPI document can be
// generated from them. Messages complete the sentence "Field `x` …" (see parse-input.ts).
import { z } from "zod";
import { unsafeUrlReason } from "../../models/safe-url";

export const zModelSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{1,62})[a-z0-9]$/, "must be 3–64 characters: letters, digits and '-' (e.g. my-mnist-cnn)");

/** A link people click on a model page: only http(s), so no javascript: or data: link is ever stored. */
export const zHttpUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const reason = unsafeUrlReason(value);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });

// Control characters (and Unicode's bidirectional overrides, which can make a name read as another) have no
// place in a one-line name; a description keeps its line breaks and tabs.
// eslint-disable-next-line no-control-regex
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const zName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .refine((value) => !NAME_FORBIDDEN.test(value), "must not contain control characters");
const zDescription = z
  .string()
  .trim()
  .max(2_000, "must be at most 2000 characters")
  .refine((value) => !TEXT_FORBIDDEN.test(value), "must not contain control characters");
const zLicence = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters (an SPDX id such as MIT)");

/** Multipart fields of POST /api/v1/submissions besides `file` (metadata is optional and updates the model). */
export const zSubmissionInput = z.object({
  model: zModelSlug,
  task: z.string().trim().min(1, "is required (e.g. mnist)"),
  name: zName.optional(),
  description: zDescription.optional(),
  paperUrl: zHttpUrl.optional(),
  codeUrl: zHttpUrl.optional(),
  licence: zLicence.optional(),
});
export type SubmissionInput = z.infer<typeof zSubmissionInput>;

/** PATCH /api/v1/models/:slug — each field optional; null clears an optional one; `slug` renames (old one redirects). */
export const zModelPatch = z
  .strictObject(
    {
      slug: zModelSlug.optional(),
      name: zName.optional(),
      description: zDescription.nullable().optional(),
      paperUrl: zHttpUrl.nullable().optional(),
      codeUrl: zHttpUrl.nullable().optional(),
      licence: zLicence.nullable().optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `is not editable (editable: slug, name, description, paperUrl, codeUrl, licence)` : undefined) },
  )
  .refine((patch) => Object.keys(patch).length > 0, "needs at least one of slug, name, description, paperUrl, codeUrl, licence");
export type ModelPatch = z.infer<typeof zModelPatch>;

/** Lower-case so that names differing only in case are one name. */
export const zUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{2,31}$/, "must be 3–32 characters: letters, digits, '_' and '-', starting with a letter or digit");

/** Passwords people actually pick first; a longer list is a later improvement (NIST SP 800-63B §5.1.1.2). */
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd123", "1234567890", "12345678910",
  "123456789a", "qwertyuiop", "qwerty12345", "qwerty123456", "1q2w3e4r5t", "iloveyou123", "letmein123", "welcome123",
  "abcdefghij", "0123456789", "11111111111", "aaaaaaaaaa", "frugalboard", "frugalboard1", "changeme123", "administrator",
]);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const zPassword = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters (a few words make a good one)`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), "is one of the most common passwords; choose another")
  .refine((value) => new Set(value).size >= 4, "uses too few different characters; choose a less guessable one");

export const zSignUpInput = z
  .object({ username: zUsername, password: zPassword })
  .refine((input) => !input.password.toLowerCase().includes(input.username), {
    path: ["password"],
    message: "must not contain the username",
  });

/** Sign-in checks shape only: telling which rule a wrong password breaks would help guessers. */
export const zSignInInput = z.object({
  username: z.string().trim().toLowerCase().min(1, "is required").max(64, "is too long"),
  password: z.string().min(1, "is required").max(PASSWORD_MAX, "is too long"),
});

export const zTokenCreateInput = z.object({
  name: z.string().trim().min(1, "is required (e.g. github-actions)").max(64, "must be at most 64 characters"),
});
