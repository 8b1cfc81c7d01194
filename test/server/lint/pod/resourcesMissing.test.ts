import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../../server/src/documents/manifest';
import { locatePath } from '../../../../server/src/documents/positions';
import { resourcesMissing } from '../../../../server/src/lint/pod/resourcesMissing';
import type { LintFinding, LintRule } from '../../../../server/src/lint/rule';
import { ResourceIndex } from '../../../../server/src/workspace/resources';
import { kindInfo } from '../../../../simulator/src/api/catalog';

/** Runs `rule` on a manifest; every finding must point at a field written in it. */
function lint(rule: LintRule, text: string): LintFinding[] {
  const parsed = parseManifest(text);
  const info = kindInfo(parsed.apiVersion!, parsed.kind!)!;
  const findings = rule.check(parsed.value as Record<string, unknown>, { info, resources: new ResourceIndex() });
  for (const finding of findings) assert.ok(locatePath(parsed.yaml, finding.path).found, `${finding.path.join('.')} is not in the document`);
  return findings;
}

/** A Deployment whose only container has `resources` (YAML, indented under the container). */
const deployment = (resources: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
${resources
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => `          ${line}`)
  .join('\n')}
`;

const C = ['spec', 'template', 'spec', 'containers', 0];

describe('lint/pod: resources-missing', () => {
  const cases: Array<[title: string, resources: string, path: (string | number)[], missing: string[], fields: string[]]> = [
    ['no resources at all', '', C, ['requests', 'limits'], ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']],
    ['an empty resources', 'resources: {}', [...C, 'resources'], ['requests', 'limits'], ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']],
    [
      'requests only',
      'resources:\n  requests: { cpu: 100m, memory: 128Mi }',
      [...C, 'resources'],
      ['limits'],
      ['limits.cpu', 'limits.memory'],
    ],
    [
      'a memory limit missing',
      'resources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { cpu: 500m }',
      [...C, 'resources', 'limits'],
      ['limits'],
      ['limits.memory'],
    ],
    [
      'a cpu request and no limits',
      'resources:\n  requests: { cpu: 100m }',
      [...C, 'resources'],
      ['requests', 'limits'],
      ['requests.memory', 'limits.cpu', 'limits.memory'],
    ],
  ];
  for (const [title, resources, path, missing, fields] of cases) {
    it(`reports ${title}: ${fields.join(', ')}`, () => {
      assert.deepEqual(
        lint(resourcesMissing, deployment(resources)).map((finding) => [finding.path, finding.fix]),
        [[path, { container: C, missing, fields }]],
      );
    });
  }

  it('accepts limits alone: the API server copies them into the requests', () => {
    assert.deepEqual(lint(resourcesMissing, deployment('resources:\n  limits: { cpu: 500m, memory: 256Mi }')), []);
  });

  it('accepts requests and limits for cpu and memory', () => {
    const resources = 'resources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { cpu: 500m, memory: 128Mi }';
    assert.deepEqual(lint(resourcesMissing, deployment(resources)), []);
  });

  it('explains what is missing and why, in French', () => {
    const [finding] = lint(resourcesMissing, deployment('resources:\n  requests: { cpu: 100m, memory: 128Mi }'));
    assert.match(finding!.message, /^Il manque au conteneur « web » `resources\.limits` \(cpu, memory\)\./);
    assert.match(finding!.message, /OOMKilled/);
    assert.match(finding!.message, /QoS/);
    assert.doesNotMatch(finding!.message, /scheduler/);
  });

  it('reports each container, init containers included, and not ephemeral ones', () => {
    const findings = lint(
      resourcesMissing,
      `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: migrate
      image: busybox:1.36
  containers:
    - name: web
      image: nginx:1.27
    - name: proxy
      image: traefik/whoami:v1.10
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    );
    assert.deepEqual(
      findings.map((finding) => finding.path.join('.')),
      ['spec.initContainers.0', 'spec.containers.0', 'spec.containers.1'],
    );
  });
});
