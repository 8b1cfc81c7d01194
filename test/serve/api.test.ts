/**
 * The facade's HTTP API, request by request: authentication, discovery, errors as
 * metav1.Status, field validation, dry runs, selectors and paging, Tables, the patch
 * types, the subresources and impersonation.
 */
import { strict as assert } from 'node:assert';
import type { Cluster } from '../../simulator/src/cluster';
import { kindInfo } from '../../simulator/src/api/catalog';
import { startFacade, type Facade } from '../../simulator/serve/facade';
import { call } from './support/http';
import { newCluster } from './support/harness';

const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

const pod = (name: string, labels: Record<string, string> = { app: 'web' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
});

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox:1.36' }] } },
  },
});

const causes = (status: Record<string, unknown>): { reason: string; message: string }[] => ((status.details as { causes?: { reason: string; message: string }[] } | undefined)?.causes ?? []);

describe('serve: the HTTP API', function () {
  this.timeout(30_000);
  let cluster: Cluster;
  let facade: Facade;

  beforeEach(async () => {
    cluster = newCluster();
    facade = await startFacade({ cluster, ticker: { paused: true }, settleMs: 60_000 });
  });

  afterEach(async () => {
    await facade.close();
  });

  it('refuses requests without the token (401, as the API server)', async () => {
    for (const options of [{ anonymous: true }, { anonymous: true, headers: { Authorization: 'Bearer nope' } }]) {
      const response = await call(facade, 'GET', '/version', options);
      assert.equal(response.status, 401);
      assert.equal(response.json().reason, 'Unauthorized');
    }
  });

  it('serves /version and the legacy discovery documents', async () => {
    assert.equal((await call(facade, 'GET', '/version')).json().gitVersion, 'v1.30.0');
    const api = (await call(facade, 'GET', '/api', { headers: { Accept: 'application/json' } })).json();
    assert.deepEqual(api.versions, ['v1']);
    const groups = (await call(facade, 'GET', '/apis')).json().groups as { name: string; preferredVersion: { version: string } }[];
    assert.equal(groups.find((group) => group.name === 'autoscaling')?.preferredVersion.version, 'v2');
    const core = (await call(facade, 'GET', '/api/v1')).json().resources as { name: string; kind: string; group?: string }[];
    assert.ok(core.some((resource) => resource.name === 'pods/log'));
    const apps = (await call(facade, 'GET', '/apis/apps/v1')).json().resources as { name: string; kind: string; group?: string; categories?: string[] }[];
    assert.deepEqual(apps.find((resource) => resource.name === 'deployments/scale'), { name: 'deployments/scale', singularName: '', namespaced: true, kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' });
    assert.deepEqual(apps.find((resource) => resource.name === 'deployments')?.categories, ['all']);
  });

  it('answers aggregated discovery when asked, the legacy documents otherwise', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const aggregated = await call(facade, 'GET', '/apis', { headers: { Accept: accept } });
    assert.equal(aggregated.headers['content-type'], 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const items = aggregated.json().items as { metadata: { name: string }; versions: { version: string; resources: { resource: string; subresources?: { subresource: string }[] }[] }[] }[];
    const apps = items.find((item) => item.metadata.name === 'apps')!;
    const deployments = apps.versions[0]!.resources.find((resource) => resource.resource === 'deployments')!;
    assert.deepEqual(deployments.subresources?.map((sub) => sub.subresource), ['scale', 'status']);
    const legacy = await startFacade({ cluster, ticker: false, aggregatedDiscovery: false });
    try {
      const plain = await call(legacy, 'GET', '/apis', { headers: { Accept: accept } });
      assert.equal(plain.headers['content-type'], 'application/json');
      assert.equal(plain.json().kind, 'APIGroupList');
    } finally {
      await legacy.close();
    }
  });

  it('serves OpenAPI v3 (the index and a group version), not v2', async () => {
    const index = (await call(facade, 'GET', '/openapi/v3')).json().paths as Record<string, { serverRelativeURL: string }>;
    const apps = (await call(facade, 'GET', index['apis/apps/v1']!.serverRelativeURL)).json() as { components: { schemas: Record<string, Record<string, unknown>> }; paths: Record<string, { patch: { parameters: { name: string }[] } }> };
    assert.deepEqual(apps.components.schemas['apps.v1.Deployment']!['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    assert.ok(apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!.patch.parameters.some((parameter) => parameter.name === 'fieldValidation'));
    assert.equal((await call(facade, 'GET', '/openapi/v2')).status, 404);
  });

  it('creates, then refuses a second create with AlreadyExists; a missing object is NotFound with a French cause', async () => {
    assert.equal((await call(facade, 'POST', PODS, { body: pod('one') })).status, 201);
    const again = await call(facade, 'POST', PODS, { body: pod('one') });
    assert.equal(again.status, 409);
    assert.equal(again.json().reason, 'AlreadyExists');
    assert.equal(again.json().message, 'pods "one" already exists');
    const missing = await call(facade, 'GET', `${DEPLOYMENTS}/nope`);
    assert.equal(missing.status, 404);
    assert.equal(missing.json().message, 'deployments.apps "nope" not found');
    assert.deepEqual({ ...(missing.json().details as object), causes: undefined }, { name: 'nope', group: 'apps', kind: 'deployments', causes: undefined });
    assert.ok(causes(missing.json()).some((cause) => cause.reason === 'ExplanationFr' && /nope/.test(cause.message)));
  });

  it('answers Invalid (422) with the field causes only', async () => {
    const bad = { ...deployment('bad'), spec: { ...deployment('bad').spec, replicas: -1 } };
    const response = await call(facade, 'POST', DEPLOYMENTS, { body: bad });
    assert.equal(response.status, 422);
    assert.equal(response.json().reason, 'Invalid');
    assert.deepEqual(causes(response.json()), [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }]);
    // kubectl prints `The Deployment "bad" is invalid` from these details.
    assert.deepEqual({ ...(response.json().details as object), causes: undefined }, { name: 'bad', group: 'apps', kind: 'Deployment', causes: undefined });
  });

  it('validates fields strictly, with warnings, or not at all', async () => {
    const typo = { ...pod('typo'), spec: { containers: [{ name: 'web', image: 'nginx:1.25', imagePolicy: 'Always' }] } };
    const strict = await call(facade, 'POST', `${PODS}?fieldValidation=Strict`, { body: typo });
    assert.equal(strict.status, 400);
    assert.match(String(strict.json().message), /strict decoding error: unknown field "spec.containers\[0\].imagePolicy"/);
    const warned = await call(facade, 'POST', PODS, { body: typo });
    assert.equal(warned.status, 201);
    assert.equal(warned.headers.warning, '299 - "unknown field \\"spec.containers[0].imagePolicy\\""');
    const ignored = await call(facade, 'POST', `${PODS}?fieldValidation=Ignore`, { body: { ...typo, metadata: { name: 'typo2' } } });
    assert.equal(ignored.status, 201);
    assert.equal(ignored.headers.warning, undefined);
  });

  it('checks and stores nothing with dryRun=All', async () => {
    const response = await call(facade, 'POST', `${PODS}?dryRun=All`, { body: pod('dry') });
    assert.equal(response.status, 201);
    assert.equal(cluster.store.find(kindInfo('v1', 'Pod')!, 'default', 'dry'), undefined);
    assert.equal((await call(facade, 'POST', `${PODS}?dryRun=Some`, { body: pod('dry') })).status, 400);
  });

  it('lists by label and field selector, in pages', async () => {
    for (const name of ['a', 'b', 'c']) await call(facade, 'POST', PODS, { body: pod(name, { app: name === 'c' ? 'db' : 'web' }) });
    const web = (await call(facade, 'GET', `${PODS}?labelSelector=app%3Dweb`)).json();
    assert.deepEqual((web.items as { metadata: { name: string } }[]).map((item) => item.metadata.name), ['a', 'b']);
    const byName = (await call(facade, 'GET', `${PODS}?fieldSelector=metadata.name%3Dc`)).json();
    assert.equal((byName.items as unknown[]).length, 1);
    const first = (await call(facade, 'GET', `${PODS}?limit=2`)).json();
    const next = (first.metadata as { continue: string }).continue;
    assert.equal((first.items as unknown[]).length, 2);
    const second = (await call(facade, 'GET', `${PODS}?limit=2&continue=${encodeURIComponent(next)}`)).json();
    assert.deepEqual((second.items as { metadata: { name: string } }[]).map((item) => item.metadata.name), ['c']);
    assert.equal((await call(facade, 'GET', `${PODS}?labelSelector=app%20in%20(`)).status, 400);
  });

  it('prints Tables for kubectl, wide columns marked priority 1', async () => {
    await call(facade, 'POST', DEPLOYMENTS, { body: deployment('web') });
    const response = await call(facade, 'GET', DEPLOYMENTS, { headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    assert.equal(response.headers['content-type'], 'application/json;as=Table;v=v1;g=meta.k8s.io');
    const table = response.json() as { columnDefinitions: { name: string; format: string; priority: number }[]; rows: { cells: unknown[]; object: { kind: string } }[] };
    assert.deepEqual(table.columnDefinitions.map((column) => [column.name, column.priority]), [['Name', 0], ['Ready', 0], ['Up-to-date', 0], ['Available', 0], ['Age', 0], ['Containers', 1], ['Images', 1], ['Selector', 1]]);
    assert.equal(table.columnDefinitions[0]!.format, 'name');
    // Name, then Up-to-date as a number (the sidecar never gets ready: busybox exits).
    assert.deepEqual([table.rows[0]!.cells[0], table.rows[0]!.cells[2]], ['web', 2]);
    assert.equal(table.rows[0]!.object.kind, 'PartialObjectMetadata');
  });

  it('patches with a merge patch, a strategic merge patch, a JSON patch and server-side apply', async () => {
    await call(facade, 'POST', DEPLOYMENTS, { body: deployment('web') });
    const patch = (type: string, body: unknown, query = ''): Promise<Record<string, unknown>> =>
      call(facade, 'PATCH', `${DEPLOYMENTS}/web${query}`, { headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) }).then((response) => response.json());
    const merged = await patch('application/merge-patch+json', { spec: { replicas: 3 } });
    assert.equal((merged.spec as { replicas: number }).replicas, 3);
    const strategic = await patch('application/strategic-merge-patch+json', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } });
    const containers = (strategic.spec as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
    assert.deepEqual(containers.map((container) => `${container.name}=${container.image}`), ['web=nginx:1.26', 'sidecar=busybox:1.36']);
    const json = await patch('application/json-patch+json', [{ op: 'replace', path: '/spec/replicas', value: 1 }]);
    assert.equal((json.spec as { replicas: number }).replicas, 1);
    const applied = await patch('application/apply-patch+yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 4\n', '?fieldManager=test');
    assert.equal((applied.spec as { replicas: number }).replicas, 4);
    const unsupported = await call(facade, 'PATCH', `${DEPLOYMENTS}/web`, { headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(unsupported.status, 415);
  });

  it('serves the scale and status subresources', async () => {
    await call(facade, 'POST', DEPLOYMENTS, { body: deployment('web') });
    const scale = (await call(facade, 'GET', `${DEPLOYMENTS}/web/scale`)).json();
    assert.equal(scale.kind, 'Scale');
    assert.deepEqual(scale.spec, { replicas: 2 });
    assert.equal((scale.status as { selector: string }).selector, 'app=web');
    const scaled = await call(facade, 'PATCH', `${DEPLOYMENTS}/web/scale`, { headers: { 'Content-Type': 'application/merge-patch+json' }, body: { spec: { replicas: 5 } } });
    assert.deepEqual(scaled.json().spec, { replicas: 5 });
    const negative = await call(facade, 'PUT', `${DEPLOYMENTS}/web/scale`, { body: { ...scale, spec: { replicas: -1 } } });
    assert.equal(negative.status, 422);
    const status = (await call(facade, 'GET', `${DEPLOYMENTS}/web/status`)).json();
    assert.equal((status.status as { replicas: number }).replicas, 5);
  });

  it('evicts a pod (201), and refuses exec with a French explanation', async () => {
    await call(facade, 'POST', PODS, { body: pod('one') });
    const eviction = await call(facade, 'POST', `${PODS}/one/eviction`, { body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'one', namespace: 'default' } } });
    assert.equal(eviction.status, 201);
    const gone = cluster.store.find(kindInfo('v1', 'Pod')!, 'default', 'one');
    assert.ok(gone === undefined || (gone.metadata as { deletionTimestamp?: string }).deletionTimestamp !== undefined);
    const exec = await call(facade, 'POST', `${PODS}/one/exec?command=ls`);
    assert.equal(exec.status, 400);
    assert.match(String(exec.json().message), /not supported by the Atelier's simulated cluster.*conteneurs simulés/);
  });

  it('refuses an eviction a PodDisruptionBudget forbids (429)', async () => {
    await call(facade, 'POST', DEPLOYMENTS, { body: { ...deployment('web'), spec: { ...deployment('web').spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } } });
    const budget = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } };
    assert.equal((await call(facade, 'POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', { body: budget })).status, 201);
    const pods = (await call(facade, 'GET', `${PODS}?labelSelector=app%3Dweb`)).json().items as { metadata: { name: string } }[];
    const name = pods[0]!.metadata.name;
    const refused = await call(facade, 'POST', `${PODS}/${name}/eviction`, { body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } } });
    assert.equal(refused.status, 429);
    assert.equal(refused.json().reason, 'TooManyRequests');
    assert.equal(refused.json().message, "Cannot evict pod as it would violate the pod's disruption budget.");
  });

  it('maps impersonation to RBAC identities', async () => {
    const jane = { headers: { 'Impersonate-User': 'jane' } };
    const forbidden = await call(facade, 'GET', DEPLOYMENTS, jane);
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.json().message, 'deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "default"');
    const review = await call(facade, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      ...jane,
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' } } },
    });
    assert.equal(review.status, 201);
    assert.equal((review.json().status as { allowed: boolean }).allowed, true);
    const whoami = await call(facade, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { headers: { 'Impersonate-User': 'jane', 'Impersonate-Group': ['dev', 'ops'] }, body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    assert.deepEqual((whoami.json().status as { userInfo: unknown }).userInfo, { username: 'jane', groups: ['dev', 'ops', 'system:authenticated'] });
    const groupOnly = await call(facade, 'GET', PODS, { headers: { 'Impersonate-Group': 'dev' } });
    assert.equal(groupOnly.status, 400);
  });
});
