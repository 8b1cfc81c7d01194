/**
 * Strategic merge patch for the facade: the implementation moved to
 * simulator/src/store/patch/strategic.ts, shared with `kubectl patch`.
 */
import type { JsonObject } from '../../src/store/json';
import { strategicMergePatch as apply } from '../../src/store/patch/strategic';
import { asApiFailure } from './failure';

/** Applies a strategic merge patch to an object of the kind `definitionName` (errors as ApiFailure). */
export function strategicMergePatch(original: JsonObject, patch: unknown, definitionName: string): JsonObject {
  return asApiFailure(() => apply(original, patch, definitionName));
}
