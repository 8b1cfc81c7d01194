/**
 * `kubectl create quota NAME [--hard=pods=2,requests.cpu=1] [--scopes=BestEffort,...]`
 * (alias resourcequota; kubectl v1.30, create_quota.go): `--hard` split on commas then on
 * `=`, each value a resource.Quantity; `--scopes` split on commas, only empty ones refused
 * (the API server checks the names).
 */
import { kindInfo } from '../../../api/catalog';
import { canonicalQuantity, parseQuantity } from '../../../api/quantity';
import type { Command } from '../context';
import { KubectlError } from '../errors';
import { COMMON, oneName } from './common';
import { createOrFail } from './failed';

const RESOURCE_QUOTAS = kindInfo('v1', 'ResourceQuota')!;

/** populateResourceListV1: `pods=2,requests.cpu=1`; the last value of a repeated resource wins. */
function hardOf(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const hard: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`, 'Écris --hard=ressource=quantité, séparés par des virgules : --hard=pods=10,requests.cpu=2,requests.memory=1Gi.');
    const parsed = parseQuantity(parts[1]!);
    if (!parsed.ok) throw new KubectlError(parsed.error, `« ${parts[1]} » n'est pas une quantité : un nombre, avec éventuellement une unité (500m, 2, 1Gi, 512Mi).`);
    hard[parts[0]!] = canonicalQuantity(parts[1]!);
  }
  return hard;
}

/** parseScopes: not checked against the known scopes (the API server does it). */
function scopesOf(spec: string): string[] | undefined {
  if (spec === '') return undefined;
  const scopes = spec.split(',');
  if (scopes.includes('')) throw new KubectlError('invalid resource quota scope ""', 'Une portée vide dans --scopes : enlève la virgule en trop (--scopes=BestEffort,NotTerminating).');
  return scopes;
}

export const QUOTA: Command = {
  summary: 'Create a quota with the specified name',
  flags: [...COMMON, { name: 'hard', type: 'string' }, { name: 'scopes', type: 'string' }],
  run(context) {
    const name = oneName(context, 'kubectl create quota limites --hard=pods=10,requests.cpu=2');
    const hard = hardOf(context.flags.string('hard'));
    const scopes = scopesOf(context.flags.string('scopes'));
    const spec = { ...(hard ? { hard } : {}), ...(scopes ? { scopes } : {}) };
    createOrFail(context, RESOURCE_QUOTAS, { kind: 'ResourceQuota', apiVersion: 'v1', metadata: { name }, spec, status: {} }, 'quota');
  },
};
