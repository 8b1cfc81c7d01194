import type { ChapterId } from '../../../simulator/src/api/chapters';
import type { KindInfo } from '../../../simulator/src/api/catalog';
import type { ResourceIndex } from '../workspace/resources';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a best-practice rule found, at a path of the object. */
export interface LintFinding {
  /** Where: the path of the field (or of the object lacking it). */
  path: (string | number)[];
  /** A French message that explains why, for learners. */
  message: string;
  /** Data for the rule's quick fix (passed back to the code action). */
  fix?: Record<string, unknown>;
}

export interface LintContext {
  info: KindInfo;
  /** Every other resource known (workspace files, simulated cluster). */
  resources: ResourceIndex;
  /** The document's own namespace (metadata.namespace), if any. */
  namespace?: string;
}

/**
 * One best-practice or cross-resource rule (STYLE.md: one rule per file in server/src/lint/).
 * kube-linter, kube-score and Polaris are the references for what to check; the message teaches.
 */
export interface LintRule {
  /** Stable code, shown with the diagnostic and used in settings. */
  id: string;
  severity: Severity;
  chapter: ChapterId;
  /** Kinds it looks at, or '*'. */
  kinds: readonly string[] | '*';
  /** One sentence, in French, for the settings' documentation. */
  description: string;
  check(object: Record<string, unknown>, context: LintContext): LintFinding[];
}
