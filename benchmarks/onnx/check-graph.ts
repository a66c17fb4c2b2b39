// Rules `ir-version`, `functions`, `custom-domain`, `opset`, `external-data` and `operators`: the model may run only code
// that ships with onnxruntime, and may read nothing but its own bytes.
import { onnx } from "onnx-proto";
import { canonicalDomain, DEFAULT_DOMAIN, IR_VERSION_RANGE, isAllowedDomain, isAllowedOperator, OPSET_RANGES, ORT_DOMAIN } from "./operators";
import { quote, quoteList, refuse, toNumber } from "./rules";
import { allGraphs, allNodes, allTensors } from "./walk-graph";

export interface GraphFacts {
  /** Version of the default (ai.onnx) opset. */
  opsetVersion: number;
  /** Sorted, unique op types of all nodes, subgraphs included. */
  operators: string[];
  /** Sorted, unique com.microsoft op types: the model runs on onnxruntime only. */
  onnxruntimeOperators: string[];
}

const CUSTOM_HINT =
  "Only the standard domains ai.onnx and ai.onnx.ml and onnxruntime's built-in com.microsoft operators are " +
  "allowed: operators from other domains need native libraries (custom-op libraries) that the benchmark does " +
  "not load. Export the model again with standard operators only.";

function checkDomains(model: onnx.ModelProto, nodes: onnx.INodeProto[]): void {
  for (const opset of model.opsetImport) {
    if (!isAllowedDomain(opset.domain)) {
      refuse("custom-domain", `The model imports the operator domain ${quote(opset.domain)}. ${CUSTOM_HINT}`);
    }
  }
  for (const node of nodes) {
    if (!isAllowedDomain(node.domain)) {
      refuse(
        "custom-domain",
        `Node ${quote(node.name)} uses operator ${quote(node.opType)} from domain ${quote(node.domain)}. ${CUSTOM_HINT}`,
      );
    }
  }
}

function checkIrVersion(model: onnx.ModelProto): void {
  const version = toNumber(model.irVersion);
  const { min, max } = IR_VERSION_RANGE;
  if (version < min || version > max) {
    refuse(
      "ir-version",
      `The model's file format is ONNX IR version ${version}; onnxruntime-node here loads IR ${min} to ${max}. ` +
        "Export it again with a released onnx package (onnx.save_model writes a supported IR version).",
    );
  }
}

function checkOpsets(model: onnx.ModelProto): number {
  let defaultVersion: number | undefined;
  for (const opset of model.opsetImport) {
    const domain = canonicalDomain(opset.domain);
    const version = toNumber(opset.version);
    const range = OPSET_RANGES.get(domain);
    if (range && (version < range.min || version > range.max)) {
      refuse(
        "opset",
        `The model uses ${domain} opset ${version}; onnxruntime-node here runs opset ${range.min} to ${range.max}. ` +
          `Export again with an opset in that range${domain === DEFAULT_DOMAIN ? " (e.g. opset_version=17)" : ""}.`,
      );
    }
    if (domain === DEFAULT_DOMAIN) defaultVersion ??= version;
  }
  if (defaultVersion === undefined) {
    refuse("opset", "The model's opset_import declares no ai.onnx opset. Export it with an opset version, e.g. opset_version=17.");
  }
  return defaultVersion;
}

function checkExternalData(graphs: onnx.IGraphProto[]): void {
  for (const { tensor, site } of allTensors(graphs)) {
    const entries = tensor.externalData ?? [];
    if (tensor.dataLocation !== onnx.TensorProto.DataLocation.EXTERNAL && entries.length === 0) continue;
    const location = entries.find((entry) => entry.key === "location")?.value;
    const where = location ? `, at ${quote(location)}` : "";
    refuse(
      "external-data",
      `Tensor ${quote(tensor.name)} (${site}) keeps its data outside the .onnx file${where}. The benchmark reads ` +
        "only the uploaded file and never opens other paths. Save the model with all its data inside it: " +
        "onnx.save_model(model, path, save_as_external_data=False).",
    );
  }
}

function unknownOperators(nodes: onnx.INodeProto[], inOrtDomain: boolean): string[] {
  const unknown = nodes.filter((n) => (canonicalDomain(n.domain) === ORT_DOMAIN) === inOrtDomain && !isAllowedOperator(n.domain, n.opType ?? ""));
  return [...new Set(unknown.map((n) => n.opType ?? ""))];
}

function checkOperators(nodes: onnx.INodeProto[]): void {
  const unknown = unknownOperators(nodes, false);
  const plural = unknown.length > 1;
  if (unknown.length > 0) {
    refuse(
      "operators",
      `The model uses ${plural ? "operators" : "an operator"} that ${plural ? "are" : "is"} ` +
        `not standard ONNX: ${quoteList(unknown)}. Only the standard ai.onnx and ai.onnx.ml operators and onnxruntime's ` +
        "built-in com.microsoft ones are allowed; replace the others or export with a converter option that keeps to standard operators.",
    );
  }
  const unknownOrt = unknownOperators(nodes, true);
  if (unknownOrt.length > 0) {
    refuse(
      "operators",
      `The model uses com.microsoft ${unknownOrt.length > 1 ? "operators" : "operator"} ${quoteList(unknownOrt)}, which ` +
        "this benchmark has not seen onnxruntime-node 1.30's CPU build load and run (only a probed list is allowed: " +
        "Tokenizer, the QLinear family, QGemm, MatMulNBits, DynamicQuantizeMatMul, FusedConv, FusedMatMul, Gelu, " +
        "SkipLayerNormalization, Attention and a few more). Save the model before onnxruntime's graph optimisations " +
        "(e.g. without SessionOptions.optimized_model_filepath), or export it with standard operators.",
    );
  }
}

function sortedOpTypes(nodes: onnx.INodeProto[]): string[] {
  return [...new Set(nodes.map((n) => n.opType ?? ""))].sort();
}

export function checkGraph(model: onnx.ModelProto): GraphFacts {
  checkIrVersion(model);
  if (model.functions.length > 0) {
    refuse(
      "functions",
      `The model defines ${model.functions.length} local function(s) (${quoteList(model.functions.map((f) => f.name ?? ""))}). ` +
        "Only standard operators run here: inline them before upload, e.g. onnx.inliner.inline_local_functions(model).",
    );
  }
  const graphs = allGraphs(model.graph as onnx.IGraphProto);
  const nodes = allNodes(graphs);
  checkDomains(model, nodes);
  const opsetVersion = checkOpsets(model);
  checkExternalData(graphs);
  checkOperators(nodes);
  const onnxruntimeOperators = sortedOpTypes(nodes.filter((n) => canonicalDomain(n.domain) === ORT_DOMAIN));
  return { opsetVersion, operators: sortedOpTypes(nodes), onnxruntimeOperators };
}
