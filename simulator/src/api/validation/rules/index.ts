import type { ValidationRule } from '../rule';

/** Every API-server validation rule, in the order their findings are reported. */
export const RULES: readonly ValidationRule[] = [];
