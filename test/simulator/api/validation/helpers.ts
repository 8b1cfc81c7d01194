/**
 * Builders of small valid objects for the validation tables, and the list of messages
 * validateObject gives for one. Each row changes one thing and names every message.
 */
import * as assert from 'node:assert/strict';
import { validateObject, type Finding } from '../../../../simulator/src/api/validation/index';

export type Obj = Record<string, unknown>;

/** Every finding's message, in order. */
export function messages(object: unknown, old?: Obj): string[] {
  return validateObject(object, { old }).findings.map((finding) => finding.message);
}

/** Every finding. */
export function findings(object: unknown, old?: Obj): Finding[] {
  return validateObject(object, { old }).findings;
}

export interface Row {
  name: string;
  object: Obj;
  old?: Obj;
  expected: string[];
}

/** One `it` per row: the exact messages, in order. */
export function table(rows: readonly Row[]): void {
  for (const row of rows) {
    it(row.name, () => assert.deepEqual(messages(row.object, row.old), row.expected));
  }
}

export const container = (extra: Obj = {}): Obj => ({ name: 'web', image: 'nginx:1.27', ...extra });

export const pod = (spec: Obj = {}, metadata: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', ...metadata },
  spec: { containers: [container()], ...spec },
});

export const template = (spec: Obj = {}, labels: Obj = { app: 'web' }): Obj => ({ metadata: { labels }, spec: { containers: [container()], ...spec } });

export const deployment = (spec: Obj = {}, metadata: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...metadata },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
});

export const service = (spec: Obj = {}, metadata: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', ...metadata },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
});

export const job = (spec: Obj = {}): Obj => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [container({ name: 'pi' })] } }, ...spec },
});

export const cronJob = (spec: Obj = {}, metadata: Obj = {}): Obj => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'backup', ...metadata },
  spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container({ name: 'backup' })] } } } }, ...spec },
});

/** The upstream DNS-1123 subdomain sentence, for the name tables. */
export const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
