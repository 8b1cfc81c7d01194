import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { alreadyExists, conflict, decodeError, invalidError, notFound } from '../../../simulator/src/api/errors';
import { invalid, required } from '../../../simulator/src/api/validation/finding';
import { validateObject } from '../../../simulator/src/api/validation/index';
import { validateSchema } from '../../../simulator/src/api/validation/schema';

const deployment = kindInfo('apps/v1', 'Deployment')!;
const pod = kindInfo('v1', 'Pod')!;

describe('simulator/api errors', () => {
  it("prints NotFound, AlreadyExists and Conflict in apimachinery's words", () => {
    assert.equal(notFound(deployment, 'web').message, 'deployments.apps "web" not found');
    assert.equal(notFound(pod, 'web').message, 'pods "web" not found');
    assert.equal(alreadyExists(pod, 'web').message, 'pods "web" already exists');
    assert.equal(alreadyExists(pod, 'web').code, 409);
    assert.equal(
      conflict(deployment, 'web').message,
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('aggregates Invalid causes: one alone, several in brackets', () => {
    const one = invalid({ code: 'x', path: ['spec', 'replicas'], fr: 'négatif' }, -1, 'must be greater than or equal to 0');
    const two = required({ code: 'y', path: ['spec', 'selector'], fr: 'manque' });
    assert.equal(invalidError(deployment, 'web', [one]).message, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    const error = invalidError(pod, 'web', [one, two]);
    assert.equal(error.message, 'Pod "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]');
    assert.equal(error.code, 422);
    assert.deepEqual(error.causes[1], { type: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
    assert.equal(error.fr, 'négatif\nmanque');
  });

  it('prints decode failures as the API server does', () => {
    const unknown = validateSchema('apps.v1.Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replica: 1, foo: 2 } })
      .filter((finding) => finding.phase === 'decode');
    assert.equal(
      decodeError(deployment, unknown).message,
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.foo"',
    );
    const typed = validateSchema('apps.v1.Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'x' } });
    assert.equal(
      decodeError(deployment, typed).message,
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});

describe('simulator/api decode errors from the API rules', () => {
  it('reports a bad quantity alone, without the strict-decoding prefix', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { limits: { memory: '128MB' } } }] },
    };
    const { info, findings } = validateObject(pod);
    assert.ok(findings.length > 0 && findings.every((finding) => finding.phase === 'decode'));
    assert.match(decodeError(info!, findings).message, /^Pod in version "v1" cannot be handled as a Pod: (?!strict decoding error)/);
  });
});
