// The version of the measurement protocol (DESIGN.md, "Measurement protocol"). Stored with every result.
// Bump it whenever a change could move a measured figure (windows, meters, idle baseline, batching, statistics),
// so results from different protocols are never compared as if they were alike.
export const HARNESS_VERSION = "1.0.0";
