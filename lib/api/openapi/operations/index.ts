// Every documented operation. To document a new route: add its entry to the area's file (or a new file spread
// here); the test lib/api/openapi/document.test.ts fails until every route file under app/api/v1 has one.
import { accountOperations } from "./accounts";
import { moderationOperations } from "./moderation";
import { readingOperations } from "./reading";
import { resultOperations } from "./results";
import { submissionOperations } from "./submissions";
import type { ApiOperations } from "./types";

export const API_OPERATIONS: ApiOperations = {
  ...readingOperations,
  ...resultOperations,
  ...submissionOperations,
  ...moderationOperations,
  ...accountOperations,
};

export type { ApiMethod, ApiOperationKey, ApiOperations } from "./types";
