/**
 * `kubectl create poddisruptionbudget NAME --selector=SEL --min-available=N|N% |
 * --max-unavailable=N|N%` (alias pdb; kubectl v1.30, create_pdb.go): the selector through
 * metav1.ParseToLabelSelector (`=`/`==` into matchLabels, `in`, `notin`, `key`, `!key`
 * into matchExpressions), the budget as an int-or-string (`^[0-9]+%?$`).
 */
import { kindInfo } from '../../../api/catalog';
import { parseLabelSelector } from '../../../store/selectors';
import type { Command } from '../context';
import { KubectlError } from '../errors';
import { COMMON, oneName } from './common';
import { createOrFail } from './failed';

const PDBS = kindInfo('policy/v1', 'PodDisruptionBudget')!;

const SELECTOR_FR = 'Le sélecteur s’écrit clé=valeur, clé in (a,b), clé notin (a), clé ou !clé, séparés par des virgules : --selector=app=web.';
const EXPRESSION_OPERATORS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };

/** metav1.ParseToLabelSelector: requirements sorted by key, as labels.Parse gives them. */
function labelSelector(text: string): Record<string, unknown> {
  let requirements;
  try {
    requirements = parseLabelSelector(text);
  } catch (error) {
    throw new KubectlError(`couldn't parse the selector string ${JSON.stringify(text)}: ${(error as Error).message}`, SELECTOR_FR);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  for (const { key, operator, values } of requirements) {
    if (operator === '=' || operator === '==') {
      matchLabels[key] = values[0]!;
      continue;
    }
    if (operator === 'gt' || operator === 'lt') throw new KubectlError(`${JSON.stringify(operator)} isn't supported in label selectors`, 'Un PodDisruptionBudget ne compare pas les valeurs : pas de « > » ni « < » dans --selector.');
    const expression = EXPRESSION_OPERATORS[operator];
    if (!expression) throw new KubectlError(`${JSON.stringify(operator)} is not a valid label selector operator`, 'Dans --selector d’un PodDisruptionBudget, « != » n’existe pas : écris « clé notin (valeur) ».');
    matchExpressions.push({ key, operator: expression, ...(values.length > 0 ? { values: [...values] } : {}) });
  }
  // LabelSelector's struct order: matchLabels, then matchExpressions.
  return { ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}), ...(matchExpressions.length > 0 ? { matchExpressions } : {}) };
}

/** intstr.Parse of a validated `N` or `N%`. */
const intOrString = (text: string): number | string => (text.endsWith('%') ? text : Number(text));

const BUDGET = /^[0-9]+%?$/;

export const PDB: Command = {
  summary: 'Create a pod disruption budget with the specified name',
  flags: [...COMMON, { name: 'selector', type: 'string' }, { name: 'min-available', type: 'string' }, { name: 'max-unavailable', type: 'string' }],
  run(context) {
    const name = oneName(context, 'kubectl create pdb web --selector=app=web --min-available=1');
    const selector = context.flags.string('selector');
    const minAvailable = context.flags.string('min-available');
    const maxUnavailable = context.flags.string('max-unavailable');
    // PodDisruptionBudgetOpts.Validate, in its order.
    if (selector === '') throw new KubectlError('a selector must be specified', 'Dis quels Pods le budget protège : --selector=app=web.');
    if (minAvailable === '' && maxUnavailable === '') throw new KubectlError('one of min-available or max-unavailable must be specified', 'Donne le budget : --min-available=2 (Pods qui restent) ou --max-unavailable=1 (Pods qui peuvent partir), en nombre ou en % (50%).');
    if (minAvailable !== '' && maxUnavailable !== '') throw new KubectlError('min-available and max-unavailable cannot be both specified', 'Choisis l’un des deux : --min-available ou --max-unavailable.');
    if (minAvailable !== '' && !BUDGET.test(minAvailable)) throw new KubectlError('invalid format specified for min-available', '--min-available attend un nombre entier (2) ou un pourcentage (50%).');
    if (maxUnavailable !== '' && !BUDGET.test(maxUnavailable)) throw new KubectlError('invalid format specified for max-unavailable', '--max-unavailable attend un nombre entier (1) ou un pourcentage (25%).');
    // PodDisruptionBudgetSpec's order: minAvailable, selector, maxUnavailable.
    const spec = {
      ...(minAvailable !== '' ? { minAvailable: intOrString(minAvailable) } : {}),
      selector: labelSelector(selector),
      ...(maxUnavailable !== '' ? { maxUnavailable: intOrString(maxUnavailable) } : {}),
    };
    const status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
    createOrFail(context, PDBS, { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', metadata: { name }, spec, status }, 'poddisruptionbudgets');
  },
};
