// Shapes shared by every route: the error body and the building blocks of the others. The OpenAPI document
// (lib/api/openapi) is generated from these schemas, and the integration tests parse real responses with them.
import { z } from "zod";
import { listInWords, METER_KINDS } from "../../../benchmarks/meters/meter-kinds";
import { HTTP_STATUS, type AppErrorCode } from "../../errors";

const codes = Object.keys(HTTP_STATUS) as [AppErrorCode, ...AppErrorCode[]];

export const zApiError = z
  .object({
    error: z.object({
      code: z.enum(codes).meta({ description: "Stable, machine-readable reason; the HTTP status follows from it." }),
      message: z.string().meta({ description: "Safe to show to a person; says what to do." }),
      rule: z.string().optional().meta({ description: "For `invalid_model`: the validation rule the ONNX file broke." }),
      retryAfterS: z.number().optional().meta({ description: "For `rate_limited`: seconds until a new try is accepted (as Retry-After)." }),
    }),
  })
  .meta({ id: "Error", description: "Every refusal and failure of the JSON API has this shape." });
export type ApiError = z.infer<typeof zApiError>;

export const zIsoDateTime = z.iso.datetime();
export const zEnergyClass = z.enum(["A", "B", "C", "D", "E", "F", "G"]).meta({
  id: "EnergyClass",
  description: "Absolute, dated class from the task's µJ-per-inference bounds (A best … G).",
});
// A string, not the enum: boards and results are read back from the database, where the column is text.
export const zMeter = z.string().meta({ description: `Meter kind of the figures: ${listInWords(METER_KINDS.map((kind) => `\`${kind}\``))}.`, examples: ["estimate"] });
export const zHardwareProfileId = z.string().meta({ description: "Short hash of the hardware profile the result was measured on.", examples: ["3f9a0c4d2b1e7a65"] });
