/**
 * Best-practice rules for workloads (what a Pod runs, and how) and for Secrets, in the
 * spirit of kube-linter, kube-score and Polaris, with messages that teach in French.
 * One rule per file in ./pod; the lead's lint/index.ts lists these among LINT_RULES.
 */
import { hostNetwork } from './pod/hostNetwork';
import { hostPathVolume } from './pod/hostPath';
import { imageLatest } from './pod/imageLatest';
import { privilegedContainer } from './pod/privilegedContainer';
import { probePortUndeclared } from './pod/probePortUndeclared';
import { probesMissing } from './pod/probesMissing';
import { resourcesMissing } from './pod/resourcesMissing';
import { secretClearText } from './pod/secretClearText';
import type { LintRule } from './rule';

export { KNOWN_IMAGE_TAGS, parseImage, pinnedImage, type ImageReference } from './pod/images';

/** In reporting order: what breaks at run time first, then security, then hygiene. */
export const POD_RULES: readonly LintRule[] = [
  probePortUndeclared,
  secretClearText,
  privilegedContainer,
  hostPathVolume,
  hostNetwork,
  imageLatest,
  resourcesMissing,
  probesMissing,
];
