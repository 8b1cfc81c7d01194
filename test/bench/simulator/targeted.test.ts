/**
 * The targeted schema walk (what the enum and Quantity rules use for speed) must call back
 * exactly as the full walk does for the visits a target wants: same paths, values, owners,
 * properties, types and element flags, in the same order.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { ENUM_FIELDS } from '../../../simulator/src/api/validation/rules/enumerated';
import { QUANTITIES } from '../../../simulator/src/api/validation/rules/quantities';
import { walkSchemaFor, type WalkTarget } from '../../../simulator/src/api/validation/rules/targeted';
import { walkSchema, type Visit } from '../../../simulator/src/api/validation/rules/walk';

const DIR = join(__dirname, '..', '..', 'fixtures', 'manifests', 'valid');

const documents = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .flatMap((file) => parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document) => document.toJS() as Record<string, unknown>));

/** Objects the targeted walk must also get right: misplaced and mistyped values, maps of quantities, nested lists. */
const ODD: Record<string, unknown>[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'odd', labels: { protocol: 'TCP' }, annotations: { cpu: '1' } },
    spec: {
      restartPolicy: 'Sometimes',
      containers: [
        { name: 'a', image: 'nginx', ports: [{ containerPort: 80, protocol: 'tcp' }, null], resources: { limits: { cpu: '1', memory: '1Gb' }, requests: { cpu: 2 } } },
        { name: 'b', image: 'nginx', imagePullPolicy: 42, unknownField: { protocol: 'UDP' } },
      ],
      volumes: [{ name: 'v', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }],
      overhead: { cpu: '100m' },
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'crontabs.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'crontabs', kind: 'CronTab' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { cron: { type: 'string' } } } } } } }],
    },
  },
];

/** What a walk calls back with, keeping only what `target` wants (all of it without one). */
function visits(walk: (visit: (v: Visit) => void) => void, target?: WalkTarget): Visit[] {
  const out: Visit[] = [];
  walk((v) => {
    if (!target || target.wants(v.owner, v.property, v.type)) out.push(v);
  });
  return out;
}

const TARGETS: [string, WalkTarget][] = [
  ['enum-like fields', ENUM_FIELDS],
  ['quantities', QUANTITIES],
  ['string maps', { wants: (_owner, property) => property === 'labels' || property === 'annotations' }],
  ['container ports', { wants: (_owner, _property, type) => type === 'core.v1.ContainerPort' }],
];

describe('bench/simulator targeted schema walks', () => {
  const objects = [...documents, ...ODD];
  it('has objects of many kinds to compare on', () => {
    assert.ok(new Set(objects.map((object) => object.kind)).size >= 25);
  });

  for (const [label, target] of TARGETS) {
    it(`visits what the full walk visits, for ${label}`, () => {
      let compared = 0;
      for (const object of objects) {
        const info = kindInfo(String(object.apiVersion), String(object.kind));
        if (!info) continue;
        const full = visits((visit) => walkSchema(info.definition, object, visit), target);
        const targeted = visits((visit) => walkSchemaFor(info.definition, object, target, visit));
        assert.deepEqual(targeted, full, `${String(object.kind)} ${JSON.stringify(object.metadata)}`);
        compared += full.length;
      }
      assert.ok(compared > 0, 'the target is met somewhere in the corpus');
    });
  }

  it('finds every Quantity of a Pod, and nothing else', () => {
    const [pod] = ODD;
    const info = kindInfo('v1', 'Pod')!;
    const seen: string[] = [];
    walkSchemaFor(info.definition, pod, QUANTITIES, (v) => seen.push(v.path.join('.')));
    assert.deepEqual(seen, [
      'spec.containers.0.resources.limits.cpu',
      'spec.containers.0.resources.limits.memory',
      'spec.containers.0.resources.requests.cpu',
      'spec.volumes.0.emptyDir.sizeLimit',
      'spec.overhead.cpu',
    ]);
  });
});
