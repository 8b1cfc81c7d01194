/**
 * kubectl's presentation, as pure functions of API objects (plain JSON) and an injected
 * `now`: `get` tables, `-o yaml|json|name`, `describe`, events, `api-resources`, `explain`
 * (in French), rollout status and history, and the one-line results of changes. The
 * command line (`atelier kubectl ...`) is parsed and dispatched in ./commands.
 */
export { humanDuration, since, rfc1123z, rfc3339 } from './age';
export { printTable, formatTable, tableFor, type PrintTableOptions, type TableOutput } from './get/printers';
export { podSummary, type PodSummary } from './get/pods';
export { nodeStatus } from './get/cluster';
export type { TableDefinition, Column, Cell } from './get/types';
export { printObject, printList, resourceName, type OutputFormat } from './output';
export { toYaml } from './yaml';
export { toJson } from './json';
export { describe, gatherRelated, DESCRIBED_KINDS, type DescribeRelated, type DescribeOptions, type Lister } from './describe/index';
export { printEvents, sortEvents, eventInterval, type PrintEventsOptions } from './events';
export { printApiResources, apiResources, type ApiResourcesOptions } from './apiResources';
export { explain, explainResource, type ExplainOptions, type ExplainOutput } from './explain';
export { rolloutStatus, rolloutHistory, type RolloutStatus } from './rollout';
export { resultLine, deletedLine, kindWithGroup, type ResultOperation } from './results';
export { alignTabs, TABLE_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter';
