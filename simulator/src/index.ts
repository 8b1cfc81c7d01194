/** The simulated cluster's public surface. */
export { ManualClock, formatTimestamp } from './clock';
export type { Clock } from './clock';
export { createRandom, NAME_SUFFIX_ALPHABET } from './random';
export type { Random } from './random';
export { ATELIER_VERSION, KUBERNETES_VERSION } from './version';
