import type { KindInfo } from '../catalog';
import type { Finding } from './finding';

/** A Kubernetes object as decoded from a manifest: a plain JSON object. */
export type KubeObject = Record<string, unknown>;

export interface RuleContext {
  /** The catalogue entry of the object's apiVersion and kind. */
  info: KindInfo;
  /** The stored object, on update; absent on create. */
  old?: KubeObject;
}

/**
 * One piece of the API server's validation that a schema cannot express. A rule only
 * runs on objects that decoded cleanly (schema types are right), but must still tolerate
 * absent optional fields.
 */
export interface ValidationRule {
  /** Stable id, also the `code` prefix of its findings. */
  id: string;
  /** Kinds it applies to (`Deployment`), or '*' for every kind. */
  kinds: readonly string[] | '*';
  check(object: KubeObject, context: RuleContext): Finding[];
}
