/**
 * JSON Patch (RFC 6902) for the facade: the implementation moved to
 * simulator/src/store/patch/jsonpatch.ts, shared with `kubectl patch --type json`.
 */
import { applyJsonPatch as apply } from '../../src/store/patch/jsonpatch';
import { asApiFailure } from './failure';

/** Applies the operations to a copy of `document` (errors as ApiFailure). */
export function applyJsonPatch(document: unknown, operations: unknown): unknown {
  return asApiFailure(() => apply(document, operations));
}
