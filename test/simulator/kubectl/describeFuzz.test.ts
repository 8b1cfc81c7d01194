/**
 * `kubectl describe` never crashes on an odd object: every object of the valid-manifest
 * corpus, applied to a cluster that then settles (statuses, events, owned objects), is
 * described again with each of its fields set to null (what `key:` with no value gives in
 * YAML) and to an empty string. Only the errors kubectl itself returns may come out: a
 * selector that does not convert (metav1.LabelSelectorAsSelector's error).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KINDS, kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import { describe as describeObject, gatherRelated, type Lister } from '../../../simulator/src/kubectl/describe/index';
import type { KubeObject } from '../../../simulator/src/store/store';
import { kubectl, testCluster } from './commands/support';

type Path = (string | number)[];
const NAMESPACES = kindInfo('v1', 'Namespace')!;
const DIR = join(__dirname, '..', '..', 'fixtures', 'manifests', 'valid');

/** Every path of a JSON value, depth first. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, item] of entries) {
    out.push([...prefix, key]);
    paths(item, [...prefix, key], out);
  }
  return out;
}

/** A copy of `object` with the value at `path` replaced. */
function replaced(object: KubeObject, path: Path, value: unknown): KubeObject {
  const copy = structuredClone(object);
  let current = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  current[path[path.length - 1]!] = value;
  return copy;
}

// The errors kubectl's describers return themselves, for a selector that does not convert.
const SELECTOR_ERROR = /is not a valid label selector operator|values set can't be empty|Invalid value/;

const cluster = testCluster();
const corpus = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .flatMap((file) => parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document) => document.toJS() as KubeObject));
const namespaces = new Set(corpus.map((object) => (object.metadata as { namespace?: string } | undefined)?.namespace).filter((name): name is string => typeof name === 'string'));
for (const name of namespaces) if (!cluster.store.find(NAMESPACES, '', name)) cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
for (const object of corpus) {
  try {
    cluster.apply(object);
  } catch {
    // Objects the cluster refuses (a Node, an Event) are simply not there to describe.
  }
}
cluster.settle();
const list: Lister = (info, namespace) => cluster.store.list(info, { namespace });
const described = (info: KindInfo): boolean => info.verbs.includes('list') && cluster.store.list(info).length > 0;

describe('kubectl describe fuzzed with nulled fields', () => {
  for (const info of KINDS.filter(described)) {
    it(`${info.kind} (${info.apiVersion})`, () => {
      const crashes = new Set<string>();
      for (const object of cluster.store.list(info)) {
        const related = gatherRelated(info, object, list);
        for (const path of paths(object)) {
          for (const value of [null, '']) {
            try {
              describeObject(info, replaced(object, path, value), related, { now: cluster.clock.now() });
            } catch (error) {
              if (!(error instanceof TypeError) && !(error instanceof RangeError) && SELECTOR_ERROR.test(String(error))) continue;
              crashes.add(`${path.join('.')}=${JSON.stringify(value)}: ${String(error)}`);
            }
          }
        }
      }
      assert.deepEqual([...crashes], []);
    });
  }
});

describe('kubectl describe statefulset with an empty storage request', () => {
  it('prints the zero Quantity Go decodes from null, instead of crashing', () => {
    const fresh = testCluster();
    const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: 'nginx:1.27'}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage:
`;
    assert.equal(kubectl(fresh, 'apply -f db.yaml', { 'db.yaml': manifest }).exitCode, 0);
    const result = kubectl(fresh, 'describe statefulset db');
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /\n {2}Capacity: +0\n/);
  });
});
