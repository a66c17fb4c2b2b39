// One entry per route and method: "METHOD /api/v1/path/{param}" → its OpenAPI operation (zod-openapi's object,
// whose schemas are zod schemas). The key is the route file's path with [param] written {param}.
import type { ZodOpenApiOperationObject } from "zod-openapi";

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiOperationKey = `${ApiMethod} /api/v1/${string}`;
export type ApiOperations = Partial<Record<ApiOperationKey, ZodOpenApiOperationObject>>;
