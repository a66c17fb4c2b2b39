// Loads the Fashion-MNIST test set from its resolved (hash-checked) files: the same IDX format and scaling as MNIST.
import { loadIdxImageDataset } from "../../datasets/idx";
import type { ResolvedFiles } from "../../datasets/resolve";
import type { LoadedDataset } from "../../types";
import { fashionMnistTask } from "./index";

export function loadFashionMnist(files: ResolvedFiles): Promise<LoadedDataset> {
  return loadIdxImageDataset(files["t10k-images-idx3-ubyte"], files["t10k-labels-idx1-ubyte"], fashionMnistTask.classes);
}
