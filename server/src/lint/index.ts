import { CROSS_RULES } from './crossRules';
import { POD_RULES } from './podRules';
import type { LintRule } from './rule';

/** Every best-practice and cross-resource rule, in reporting order. */
export const LINT_RULES: readonly LintRule[] = [...POD_RULES, ...CROSS_RULES];
