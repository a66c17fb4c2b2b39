// The engine (benchmarks/) as the web sees it. app/ imports lib/ only, so what a page or route needs from the
// engine (the task catalogue, result types, the harness version) passes through here rather than through a door
// from app/ into benchmarks/ (docs/architecture.md, "Rooms and doors").
export { findTask, listTasks } from "../benchmarks/tasks/catalog";
export type { EnergyWindow, TaskDefinition } from "../benchmarks/types";
export { HARNESS_VERSION } from "../benchmarks/version";
