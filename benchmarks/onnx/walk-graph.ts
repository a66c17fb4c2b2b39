// Everything in a model that the rules must see, subgraphs included: If/Loop/Scan carry whole graphs in their
// attributes, and a rule checked only on the top graph would be a rule with a hole in it.
import type { onnx } from "onnx-proto";
import { quote } from "./rules";

export interface TensorSite {
  tensor: onnx.ITensorProto;
  /** Where it was found, for messages: "initializer", "attribute of Constant node", … */
  site: string;
}

function subgraphsOf(node: onnx.INodeProto): onnx.IGraphProto[] {
  const graphs: onnx.IGraphProto[] = [];
  for (const attribute of node.attribute ?? []) {
    // Both fields are read whatever `type` claims: a mislabelled attribute must not hide a graph.
    if (attribute.g) graphs.push(attribute.g);
    for (const g of attribute.graphs ?? []) graphs.push(g);
  }
  return graphs;
}

/** The graph and all graphs nested in it, iteratively so a deep nest cannot overflow the stack. */
export function allGraphs(root: onnx.IGraphProto): onnx.IGraphProto[] {
  const found: onnx.IGraphProto[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const graph = pending.pop() as onnx.IGraphProto;
    found.push(graph);
    for (const node of graph.node ?? []) pending.push(...subgraphsOf(node));
  }
  return found;
}

export function allNodes(graphs: onnx.IGraphProto[]): onnx.INodeProto[] {
  return graphs.flatMap((graph) => graph.node ?? []);
}

function sparseParts(sparse: onnx.ISparseTensorProto | null | undefined): onnx.ITensorProto[] {
  if (!sparse) return [];
  return [sparse.values, sparse.indices].filter((t): t is onnx.ITensorProto => Boolean(t));
}

/** Every TensorProto in the graphs: initializers, sparse initializers and tensors held in node attributes. */
export function allTensors(graphs: onnx.IGraphProto[]): TensorSite[] {
  const sites: TensorSite[] = [];
  for (const graph of graphs) {
    for (const tensor of graph.initializer ?? []) sites.push({ tensor, site: "initializer" });
    for (const sparse of graph.sparseInitializer ?? []) {
      for (const tensor of sparseParts(sparse)) sites.push({ tensor, site: "sparse initializer" });
    }
    for (const node of graph.node ?? []) {
      const site = `attribute of a ${quote(node.opType)} node`;
      for (const attribute of node.attribute ?? []) {
        const tensors = [
          ...(attribute.t ? [attribute.t] : []),
          ...(attribute.tensors ?? []),
          ...sparseParts(attribute.sparseTensor),
          ...(attribute.sparseTensors ?? []).flatMap(sparseParts),
        ];
        for (const tensor of tensors) sites.push({ tensor, site });
      }
    }
  }
  return sites;
}
