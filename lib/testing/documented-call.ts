// Calls the API over HTTP and checks the answer against the OpenAPI document: the status must be one the operation
// documents, a JSON body must parse with the very zod schema the document was generated from, with nothing left
// over, and every header the answer documents must be there. Used by the contract tests (app/api/v1/openapi*.int.test.ts).
import { expect } from "vitest";
import { z } from "zod";
import { API_OPERATIONS, type ApiOperationKey } from "../api/openapi/operations";

export async function documentedCall(
  baseUrl: string,
  key: ApiOperationKey,
  path: string,
  init: RequestInit = {},
  expectedStatus = 200,
): Promise<{ response: Response; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual", ...init, method: key.split(" ")[0] });
  expect(response.status, `${key} → ${path}`).toBe(expectedStatus);
  const documented = API_OPERATIONS[key]?.responses[String(response.status) as "200"];
  expect(documented, `${key} does not document HTTP ${response.status}`).toBeDefined();
  const headers = documented && "headers" in documented ? documented.headers : undefined;
  if (headers instanceof z.ZodObject) {
    for (const name of Object.keys(headers.shape)) expect(response.headers.get(name), `${key} ${response.status} documents a ${name} header`).not.toBeNull();
  }
  const declared = documented && "content" in documented ? documented.content : undefined;
  const type = (response.headers.get("content-type") ?? "").split(";")[0];
  if (!declared) {
    expect(await response.text(), `${key} documents no body for ${response.status}`).toBe("");
    return { response, body: undefined };
  }
  expect(Object.keys(declared), `${key} ${response.status} answers ${type}`).toContain(type);
  const schema = declared[type]?.schema as z.ZodType;
  if (type !== "application/json") return { response, body: await response.text() };
  const body = await response.json();
  expect(z.parse(schema, body), `${key} ${response.status}: an answer with fields the document does not list`).toEqual(body);
  return { response, body };
}
