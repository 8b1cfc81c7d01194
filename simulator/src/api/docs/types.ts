import type { ChapterId } from '../chapters';

/** The French documentation of one property. */
export interface PropertyDoc {
  /** What the property does, for a learner: plain French, one to three sentences. */
  text: string;
  /** The value the API server or the controller uses when the property is absent. */
  default?: string;
  /** A short YAML example, when one helps. */
  example?: string;
  /** Defaults to the chapter of the definition. */
  chapter?: ChapterId;
}

/** The French documentation of one schema definition and its properties. */
export interface DefinitionDoc {
  /** What the object or structure is for. */
  text: string;
  chapter: ChapterId;
  properties: Record<string, PropertyDoc>;
}

/** Definition name (`apps.v1.DeploymentSpec`) -> its French documentation. */
export type DocTable = Record<string, DefinitionDoc>;

/**
 * `core.v1.ServiceSpec.type` -> value -> what that value means. Keys are a definition
 * name and a property name joined by a dot.
 */
export type ValueDocTable = Record<string, Record<string, string>>;
