/**
 * The static snippets: what package.json contributes, their prefixes and French
 * descriptions, and what they expand to with their defaults: manifests the API server
 * accepts (the simulator's validateObject) and the language server does not flag.
 * Applying them to a simulated cluster is in snippetsCluster.test.ts.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kindInfo } from '../../simulator/src/api/catalog';
import { COURSE_KINDS } from '../../simulator/src/api/docs/index';
import { validateObject } from '../../simulator/src/api/validation/index';
import { createCluster } from '../../simulator/src/cluster';
import { IMAGE_NAMES } from '../../simulator/src/kubelet/images';
import { buildInventory } from '../../client/src/cluster/inventory';
import { ParseCache, parseFile } from '../../server/src/documents/file';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { resourcesOf } from '../../server/src/workspace/extract';
import { ResourceIndex } from '../../server/src/workspace/resources';
import { ROOT } from '../support/dist';
import { choicesOf, contributedSnippetFiles, expandSnippet, hostWith, loadSnippets, placeOf, tabStopDefaults, trialsOf, type LoadedSnippet } from './support/snippets';

const snippets = loadSnippets();
const expanded = new Map(snippets.map((s) => [s, expandSnippet(s.body)]));
const isManifest = (s: LoadedSnippet): boolean => /^apiVersion: /.test(expanded.get(s)!);
const resources = snippets.filter(isManifest);
const fragments = snippets.filter((s) => !isManifest(s));

type Obj = { apiVersion?: string; kind?: string; metadata?: { name?: string }; spec?: Record<string, unknown> };

/** The objects of a YAML text (one per document). */
function objectsOf(text: string): Obj[] {
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  assert.ok(Array.isArray(documents), 'not a YAML stream');
  for (const document of documents) assert.deepEqual(document.errors, [], text);
  return documents.map((document) => document.toJS() as Obj);
}

/** The findings of the simulated API server, as `path: message`. */
const findingsOf = (object: Obj): string[] => validateObject(object).findings.map((finding) => `${finding.path.join('.')}: ${finding.message}`);

/** The kinds a learner writes by hand: the course's kinds, less what controllers and the cluster make. */
const NOT_WRITTEN_BY_HAND = new Set(['ReplicaSet', 'Endpoints', 'IngressClass', 'Node', 'Event']);

describe('snippets: the files package.json contributes', () => {
  it('contributes every file of snippets/, for YAML', () => {
    const contributed = contributedSnippetFiles();
    assert.deepEqual(contributed.map((file) => path.posix.normalize(file.path)).sort(), readdirSync(path.join(ROOT, 'snippets')).map((name) => `snippets/${name}`).sort());
    for (const file of contributed) assert.equal(file.language, 'yaml', file.path);
  });

  it('gives each snippet a YAML scope, a k8s- prefix first, and prefixes no other snippet uses', () => {
    const owners = new Map<string, string>();
    for (const s of snippets) {
      assert.equal(s.snippet.scope, 'yaml', s.name);
      assert.match(s.prefixes[0] ?? '', /^k8s-[a-z]+(-[a-z]+)*$/, s.name);
      for (const prefix of s.prefixes) {
        assert.match(prefix, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${s.name}: ${prefix}`);
        assert.equal(owners.get(prefix), undefined, `prefix ${prefix} is used by ${owners.get(prefix)} and ${s.name}`);
        owners.set(prefix, s.name);
      }
    }
  });

  it('describes each snippet in one short French sentence', () => {
    for (const s of snippets) {
      const text = s.snippet.description;
      assert.ok(text.length >= 30 && text.length <= 160, `${s.name}: ${text.length} characters`);
      assert.match(text, /\.$/, `${s.name}: one sentence, with its full stop`);
      assert.doesNotMatch(text.slice(0, -1), /[.!?] [A-ZÀ-Ý]/, `${s.name}: one sentence only`);
      assert.match(text, /\b(le|la|les|un|une|des|du|de|d'|l'|à|au|aux)\b/i, `${s.name}: not French`);
      assert.doesNotMatch(text, /\b(the|and|with|for|of|this|that)\b/, `${s.name}: English words`);
    }
  });

  it('gives a tab stop written twice the same default each time', () => {
    for (const s of snippets) {
      for (const [stop, defaults] of tabStopDefaults(s.body)) assert.equal(new Set(defaults).size, 1, `${s.name}: $${stop} has defaults ${defaults.join(' / ')}`);
    }
  });

  it('expands every placeholder and ends with the final cursor', () => {
    for (const s of snippets) {
      assert.doesNotMatch(expanded.get(s)!, /\$/, `${s.name}: a placeholder was left unexpanded`);
      assert.match(s.body, /\$0$/, `${s.name}: no final cursor`);
    }
  });

  it('uses only images of the simulated registries, with a pinned tag', () => {
    for (const s of snippets) {
      for (const [, image] of expanded.get(s)!.matchAll(/image: (\S+)/g)) {
        const [name, tag] = image!.split(':');
        assert.ok(IMAGE_NAMES.includes(name!), `${s.name}: ${image} is not in the catalogue`);
        assert.ok(tag && tag !== 'latest', `${s.name}: ${image} has no pinned tag`);
      }
    }
  });
});

describe('snippets: whole manifests', () => {
  it('cover every kind of the course a learner writes by hand', () => {
    const kinds = new Set(resources.flatMap((s) => objectsOf(expanded.get(s)!).map((object) => object.kind)));
    const course = COURSE_KINDS.map((name) => name.split('.').pop()!).filter((kind) => !NOT_WRITTEN_BY_HAND.has(kind));
    assert.deepEqual([...kinds].sort(), course.sort());
  });

  it('offer a Service of each type: ClusterIP, NodePort, LoadBalancer and headless', () => {
    const services = resources.flatMap((s) => objectsOf(expanded.get(s)!)).filter((object) => object.kind === 'Service');
    const types = new Set(services.map((service) => (service.spec?.clusterIP === 'None' ? 'headless' : String(service.spec?.type))));
    for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless']) assert.ok(types.has(type), type);
  });

  for (const s of resources) {
    it(`${s.name}: expands to objects of the course the API server accepts`, () => {
      for (const object of objectsOf(expanded.get(s)!)) {
        const info = kindInfo(object.apiVersion ?? '', object.kind ?? '');
        assert.ok(info, `${object.apiVersion}/${object.kind} is not served`);
        assert.ok((COURSE_KINDS as readonly string[]).includes(info.definition), `${info.definition} is not a course kind`);
        assert.deepEqual(findingsOf(object), []);
      }
    });
  }

  it('keep each workload selector and Pod labels in step', () => {
    for (const object of resources.flatMap((s) => objectsOf(expanded.get(s)!))) {
      const spec = object.spec as { selector?: { matchLabels?: unknown }; template?: { metadata?: { labels?: unknown } } } | undefined;
      if (spec?.template?.metadata) assert.deepEqual(spec.selector?.matchLabels, spec.template.metadata.labels, object.kind);
    }
  });
});

describe('snippets: the language server on the expanded snippets', () => {
  // What an editor shows: every snippet written in its own file of a workspace that holds
  // all of them, next to a fresh simulated cluster (its inventory, as the client sends it).
  const index = new ResourceIndex();
  index.setCluster(buildInventory(createCluster().store, IMAGE_NAMES).resources.map((resource) => ({ ...resource, source: 'cluster' as const })));
  for (const s of resources) {
    const uri = `file:///ws/${s.prefixes[0]}.yaml`;
    index.setFile(uri, resourcesOf(parseFile(uri, 1, expanded.get(s)!, new ParseCache())));
  }
  const diagnose = (text: string) =>
    computeDiagnostics(parseFile('file:///ws/edited.yaml', 1, text, new ParseCache()), { settings: DEFAULT_SETTINGS, resources: index }).map(
      (diagnostic) => `${String(diagnostic.code)} (line ${diagnostic.range.start.line + 1})`,
    );

  for (const s of resources) {
    it(`${s.name}: no diagnostic at all, not even advice`, () => {
      assert.deepEqual(diagnose(expanded.get(s)!), []);
    });
  }

  it('knows where each fragment goes in a Pod template', () => {
    for (const s of fragments) assert.ok(placeOf(expanded.get(s)!), `${s.name}: neither a container, a container field nor a Pod field`);
  });

  /** How many diagnostics of each code a text gets. */
  const codes = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const line of diagnose(text)) counts.set(line.split(' ')[0]!, (counts.get(line.split(' ')[0]!) ?? 0) + 1);
    return counts;
  };
  // The bare host gets advice (no resources, no probes): a fragment may remove some, never add.
  const hostCodes = codes(hostWith([]));
  for (const s of fragments) {
    it(`${s.name}: typed in a Deployment, adds no diagnostic and no API error`, () => {
      for (const { label, host } of trialsOf(s, fragments)) {
        const [object] = objectsOf(host);
        assert.deepEqual(findingsOf(object!), [], label);
        const added = [...codes(host)].filter(([code, count]) => count > (hostCodes.get(code) ?? 0));
        assert.deepEqual(added, [], `${label}: ${diagnose(host).join(', ')}\n${host}`);
      }
    });
  }

  it('offers in volumeMounts the names of the volume fragments', () => {
    const mounts = fragments.find((s) => s.prefixes.includes('k8s-volumemount'));
    assert.ok(mounts);
    const volumes = fragments.filter((s) => placeOf(expanded.get(s)!) === 'pod').map((s) => /name: (\S+)/.exec(expanded.get(s)!)![1]);
    assert.deepEqual([...choicesOf(mounts.body).values()].flat().sort(), volumes.sort());
  });
});
