import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';

const CONFIGMAP = kindInfo('v1', 'ConfigMap')!;
const DEPLOYMENT = kindInfo('apps/v1', 'Deployment')!;
const NAMESPACE = kindInfo('v1', 'Namespace')!;
const COMPONENT_STATUS = kindInfo('v1', 'ComponentStatus')!;

function newStore() {
  const store = new ObjectStore({ clock: new ManualClock(), random: createRandom(7) });
  store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { a: '1' } });
  store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  });
  return store;
}

type Store = ReturnType<typeof newStore>;

interface Case {
  title: string;
  act: (store: Store) => unknown;
  reason: StatusError['reason'];
  code: number;
  message: string;
}

const cm = (name: string, namespace = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } });

const CASES: Case[] = [
  {
    title: 'get of a missing core object',
    act: (store) => store.get(CONFIGMAP, 'default', 'nope'),
    reason: 'NotFound',
    code: 404,
    message: 'configmaps "nope" not found',
  },
  {
    title: 'get of a missing object of a named group',
    act: (store) => store.get(DEPLOYMENT, 'default', 'api'),
    reason: 'NotFound',
    code: 404,
    message: 'deployments.apps "api" not found',
  },
  {
    title: 'delete of a missing object',
    act: (store) => store.delete(DEPLOYMENT, 'default', 'api'),
    reason: 'NotFound',
    code: 404,
    message: 'deployments.apps "api" not found',
  },
  {
    title: 'update of a missing object',
    act: (store) => store.update(cm('nope')),
    reason: 'NotFound',
    code: 404,
    message: 'configmaps "nope" not found',
  },
  {
    title: 'create twice',
    act: (store) => store.create(cm('settings')),
    reason: 'AlreadyExists',
    code: 409,
    message: 'configmaps "settings" already exists',
  },
  {
    title: 'create in a namespace that does not exist',
    act: (store) => store.create(cm('x', 'staging')),
    reason: 'NotFound',
    code: 404,
    message: 'namespaces "staging" not found',
  },
  {
    title: 'update with a stale resourceVersion',
    act: (store) => store.update({ ...cm('settings'), metadata: { name: 'settings', namespace: 'default', resourceVersion: '1' } }),
    reason: 'Conflict',
    code: 409,
    message: 'Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again',
  },
  {
    title: 'an unknown field (strict decoding)',
    act: (store) => store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replica: 2 } }),
    reason: 'BadRequest',
    code: 400,
    message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
  },
  {
    title: 'neither name nor generateName',
    act: (store) => store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default' } }),
    reason: 'Invalid',
    code: 422,
    message: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
  },
  {
    title: 'an unknown kind',
    act: (store) => store.create({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }),
    reason: 'NotFound',
    code: 404,
    message: 'no matches for kind "Deploymnet" in version "apps/v1"',
  },
  {
    title: 'deleting the default namespace',
    act: (store) => store.delete(NAMESPACE, '', 'default'),
    reason: 'Forbidden',
    code: 403,
    message: 'namespaces "default" is forbidden: this namespace may not be deleted',
  },
  {
    title: 'deleting kube-system',
    act: (store) => store.delete(NAMESPACE, '', 'kube-system'),
    reason: 'Forbidden',
    code: 403,
    message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted',
  },
  {
    title: 'a verb the resource does not serve',
    act: (store) => store.delete(COMPONENT_STATUS, '', 'etcd-0'),
    reason: 'MethodNotAllowed',
    code: 405,
    message: 'the server does not allow this method on the requested resource',
  },
  {
    title: 'a bad label selector',
    act: (store) => store.list(CONFIGMAP, { labelSelector: 'app:web' }),
    reason: 'BadRequest',
    code: 400,
    message:
      "unable to parse requirement: <nil>: Invalid value: \"app:web\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  },
  {
    title: 'an unsupported field selector',
    act: (store) => store.list(DEPLOYMENT, { fieldSelector: 'spec.replicas=2' }),
    reason: 'BadRequest',
    code: 400,
    message: '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
  },
  {
    title: 'a patch that renames',
    act: (store) => store.patch(CONFIGMAP, 'default', 'settings', { metadata: { name: 'other' } }),
    reason: 'BadRequest',
    code: 400,
    message: 'the name of the object (other) does not match the name on the URL (settings)',
  },
];

describe('simulator/store: errors with the API server texts', () => {
  for (const { title, act, reason, code, message } of CASES) {
    it(`${reason} ${code} for ${title}`, () => {
      const store = newStore();
      assert.throws(
        () => act(store),
        (error: unknown) => {
          assert.ok(error instanceof StatusError, String(error));
          assert.equal(error.message, message);
          assert.equal(error.reason, reason);
          assert.equal(error.code, code);
          assert.ok(error.fr.length > 0, 'a French explanation travels with the error');
          return true;
        },
      );
    });
  }

  it('explains a refused creation in a Terminating namespace with the NamespaceTerminating cause', () => {
    const store = newStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', finalizers: ['example.com/hold'] } });
    store.create(cm('keep', 'shop'));
    store.delete(NAMESPACE, '', 'shop');
    for (const [object, expected] of [
      [cm('new', 'shop'), 'configmaps "new" is forbidden: unable to create new content in namespace shop because it is being terminated'],
      [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'gen-', namespace: 'shop' } }, 'configmaps "gen-" is forbidden: unable to create new content in namespace shop because it is being terminated'],
    ] as const) {
      assert.throws(
        () => store.create(object),
        (error: unknown) => {
          assert.ok(error instanceof StatusError);
          assert.equal(error.reason, 'Forbidden');
          assert.equal(error.message, expected);
          assert.deepEqual(error.causes, [{ type: 'NamespaceTerminating', message: 'namespace shop is being terminated', field: 'metadata.namespace' }]);
          return true;
        },
      );
    }
  });

  it('answers 422 Invalid with one cause per field error for missing required fields', () => {
    const store = newStore();
    assert.throws(
      () => store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: {} }),
      (error: unknown) => {
        assert.ok(error instanceof StatusError);
        assert.equal(error.reason, 'Invalid');
        assert.equal(error.code, 422);
        assert.ok(error.message.startsWith('Deployment.apps "x" is invalid: ['), error.message);
        assert.ok(error.message.includes('spec.selector: Required value'), error.message);
        assert.deepEqual(
          error.causes.find((cause) => cause.field === 'spec.selector'),
          { type: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
        );
        return true;
      },
    );
  });

  it('refuses to change metadata.uid on update', () => {
    const store = newStore();
    const current = store.get(CONFIGMAP, 'default', 'settings');
    assert.throws(
      () => store.update({ ...current, metadata: { ...(current.metadata as object), uid: 'd9a7f1c0-0000-4000-8000-000000000000' } }),
      { reason: 'Invalid', message: 'ConfigMap "settings" is invalid: metadata.uid: Invalid value: "d9a7f1c0-0000-4000-8000-000000000000": field is immutable' },
    );
  });
});
