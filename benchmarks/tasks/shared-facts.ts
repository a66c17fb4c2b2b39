// Facts that several tasks share, written once: the energy classes' half-decade steps (a class means the same
// energy on every task that uses them) and the 28×28 greyscale image contract of mnist and fashion-mnist.
import type { EnergyClasses, TaskContract } from "../types";

/** Upper bounds (µJ per inference) of classes A–F; G is everything above. */
export const HALF_DECADE_UPPER_BOUNDS_UJ: EnergyClasses["upperBoundsUj"] = [1, 3, 10, 30, 100, 300];

/** float32 [N,1,28,28] of pixel/255 in, float32 [N,10] scores out. */
export const GREYSCALE_28_CONTRACT: TaskContract = {
  input: { elemType: "float32", shape: [null, 1, 28, 28] },
  output: { elemType: "float32", shape: [null, 10] },
};
