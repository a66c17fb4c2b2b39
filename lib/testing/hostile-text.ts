// What an attacker types into names, descriptions, usernames and links: shared by the API test
// (app/api/v1/injection.int.test.ts), the page test (e2e/hardening.spec.ts) and its seed (e2e/seed-hostile.ts).
export const HOSTILE_TEXT = {
  script: "<script>alert(1)</script>",
  attribute: '"><svg onload=alert(1)>',
  formula: '=HYPERLINK("http://x","y")',
} as const;

/** The e2e model that carries them, on a hardware profile of its own (e2e/seed-hostile.ts). */
export const HOSTILE_SLUG = "e2e-hostile";
export const HOSTILE_PROFILE = "e2e0hostile00001";
