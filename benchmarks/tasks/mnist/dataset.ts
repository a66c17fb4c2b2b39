// Loads the MNIST test set from its resolved (hash-checked) files.
import { loadIdxImageDataset } from "../../datasets/idx";
import type { ResolvedFiles } from "../../datasets/resolve";
import type { LoadedDataset } from "../../types";
import { mnistTask } from "./index";

export function loadMnist(files: ResolvedFiles): Promise<LoadedDataset> {
  return loadIdxImageDataset(files["t10k-images-idx3-ubyte"], files["t10k-labels-idx1-ubyte"], mnistTask.classes);
}
