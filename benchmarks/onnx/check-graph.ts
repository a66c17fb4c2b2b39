// Rules `ir-version`, `functions`, `custom-domain`, `opset`, `external-data` and `operators`: the model may run only code
// that ships with onnxruntime, and may read nothing but its own bytes.
import { onnx } from "onnx-proto";
import { canonicalDomain, DEFAULT_DOMAIN, IR_VERSION_RANGE, isAllowedDomain, isAllowedOperator, OPSET_RANGES } from "./operators";
import { quote, quoteList, refuse, toNumber } from "./rules";
import { allGraphs, allNodes, allTensors } from "./walk-graph";

export interface GraphFacts {
  /** Version of the default (ai.onnx) opset. */
  opsetVersion: number;
  /** Sorted, unique op types of all nodes, subgraphs included. */
  operators: string[];
  /** Elements of all initializers, subgraphs included. */
  paramCount: number;
}

const CUSTOM_HINT =
  "Only the standard domains ai.onnx and ai.onnx.ml are allowed: custom operators need native libraries that " +
  "the benchmark does not load. A com.microsoft domain usually means the file was saved after onnxruntime's " +
  "graph optimisations; export the model again without them.";

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

function checkOperators(nodes: onnx.INodeProto[]): string[] {
  const unknown = [...new Set(nodes.filter((n) => !isAllowedOperator(n.domain, n.opType ?? "")).map((n) => n.opType ?? ""))];
  if (unknown.length > 0) {
    refuse(
      "operators",
      `The model uses ${unknown.length === 1 ? "an operator" : "operators"} that ${unknown.length === 1 ? "is" : "are"} ` +
        `not standard ONNX: ${quoteList(unknown)}. Only the standard ai.onnx and ai.onnx.ml operators are allowed; ` +
        "replace the others or export with a converter option that keeps to standard operators.",
    );
  }
  return [...new Set(nodes.map((n) => n.opType ?? ""))].sort();
}

function elementCount(tensor: onnx.ITensorProto): number {
  return (tensor.dims ?? []).reduce<number>((n, d) => n * Math.max(0, toNumber(d)), 1);
}

/**
 * Sum of initializer elements. With external data refused, every element lies in the file, and no type packs
 * more than two per byte (int4), so a larger count is a corrupt or forged header, not a huge paramCount.
 */
function countParams(graphs: onnx.IGraphProto[], fileBytes: number): number {
  let total = 0;
  for (const tensor of graphs.flatMap((g) => g.initializer ?? [])) {
    const count = elementCount(tensor);
    if (count > 2 * fileBytes) {
      refuse(
        "protobuf",
        `Initializer ${quote(tensor.name)} declares ${count.toExponential(2)} elements, more than a ` +
          `${fileBytes.toLocaleString("en-US")}-byte file can hold: the file is corrupt. Export the model again.`,
      );
    }
    total += count;
  }
  return total;
}

export function checkGraph(model: onnx.ModelProto, fileBytes: number): GraphFacts {
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
  const operators = checkOperators(nodes);
  return { opsetVersion, operators, paramCount: countParams(graphs, fileBytes) };
}
