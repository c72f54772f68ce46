export { healthProblem, probe, startFuzz, statusSummary } from './probe';
export { fuzzTargets } from './targets';
export type { Fuzz } from './types';
