/**
 * Numbers that may also be percentages (maxSurge, maxUnavailable, minAvailable), and the
 * non-negative integer checks shared by the workload rules.
 */
import { invalid, type Finding } from '../finding';
import { goIntOrString, invalidGo, type Path } from './common';
import { isValidPercent } from './formats';

/** apimachinery IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';

/** ValidateNonnegativeField: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function nonNegative(value: unknown, path: Path, fr: string, code = 'negative-value'): Finding[] {
  return typeof value === 'number' && value < 0 ? [invalid({ code, path, fr }, value, IS_NEGATIVE)] : [];
}

/** getIntOrPercentValue: `25%` -> 25, `3` -> 3 (an unparsable string counts as 0). */
export function intOrPercentValue(value: number | string): number {
  if (typeof value === 'number') return value;
  if (isValidPercent(value).length === 0) return Number(value.slice(0, -1));
  return /^-?\d+$/.test(value) ? Number(value) : 0;
}

/** ValidatePositiveIntOrPercent (pkg/apis/apps/validation): a percent string or a non-negative integer. */
export function positiveIntOrPercent(value: unknown, path: Path): Finding[] {
  if (typeof value === 'string') {
    return isValidPercent(value).map((message) =>
      invalidGo(
        { code: 'percent-invalid', path, fr: "Une valeur en texte doit être un pourcentage, comme « 25% ». Pour un nombre de Pods, écris le nombre sans guillemets." },
        goIntOrString(value),
        message,
      ),
    );
  }
  if (typeof value === 'number' && value < 0) return [invalid({ code: 'negative-value', path, fr: 'Cette valeur ne peut pas être négative.' }, value, IS_NEGATIVE)];
  return [];
}

/** IsNotMoreThan100Percent: `must not be greater than 100%`. */
export function notMoreThan100Percent(value: unknown, path: Path): Finding[] {
  if (typeof value !== 'string' || isValidPercent(value).length > 0 || intOrPercentValue(value) <= 100) return [];
  return [
    invalidGo(
      { code: 'percent-too-large', path, fr: 'Un pourcentage de Pods ne peut pas dépasser 100 %.' },
      goIntOrString(value),
      'must not be greater than 100%',
    ),
  ];
}
