// The version of the measurement protocol (docs/architecture.md, "Measurement protocol"). Stored with every result.
// Bump it whenever a change could move a measured figure (windows, meters, idle baseline, batching, statistics),
// so results from different protocols are never compared as if they were alike.
// 1.1.0: the rapl meter chosen automatically where readable (10 s windows), gross energy published beside net,
// and the harness floor measured after the single-stream windows.
// 1.2.0: the idle baseline is the quietest of five slices of the idle window (leftover GC work no longer
// inflates idle power).
// 1.3.0: the windows let onnxruntime allocate the outputs (pre-allocated ones made each call slower) and read the
// clock only around calls, so the smallest models lose less to the harness (npm run bench:harness).
// 1.4.0: the offline batch is the cheapest of 1, 4, 16, 64, 256 (probed in a process of its own), weights listed as
// graph inputs are removed from the inputs, the accuracy pass scavenges its garbage so the footprint repeats, and
// onnxruntime's warnings are kept in the result (runtimeLog).
export const HARNESS_VERSION = "1.4.0";
