import * as assert from 'node:assert/strict';
import { checkHeader } from '../../../simulator/src/api/validation/index';
import { compileAtRunTime, didYouMean, validateSchema, validatorFor, withoutNulls } from '../../../simulator/src/api/validation/schema';

function deployment(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec };
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
const selector = { matchLabels: { app: 'web' } };

describe('simulator/api schema validation', () => {
  it('accepts a well-formed Deployment', () => {
    assert.deepEqual(validateSchema('apps.v1.Deployment', deployment({ replicas: 2, selector, template })), []);
  });

  const cases: { name: string; object: Record<string, unknown>; messages: string[] }[] = [
    {
      name: 'an unknown field, as strict field validation reports it',
      object: deployment({ replica: 3, selector, template }),
      messages: ['unknown field "spec.replica"'],
    },
    {
      name: 'unknown fields inside lists, with their indexes',
      object: deployment({ selector, template: { ...template, spec: { containers: [{ name: 'web', image: 'nginx', imagePullPolicyy: 'Always', ports: [{ containerPort: 80, protocl: 'TCP' }] }] } } }),
      messages: ['unknown field "spec.template.spec.containers[0].imagePullPolicyy"', 'unknown field "spec.template.spec.containers[0].ports[0].protocl"'],
    },
    {
      name: 'a string where an integer is expected, in the JSON decoder\'s words',
      object: deployment({ replicas: '3', selector, template }),
      messages: ['json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    },
    {
      name: 'a fraction where an integer is expected',
      object: deployment({ replicas: 1.5, selector, template }),
      messages: ['json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    },
    {
      name: 'a map where a list is expected',
      object: deployment({ selector, template: { ...template, spec: { containers: { name: 'web' } } } }),
      messages: ['json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
    },
    {
      name: 'a number as a label value',
      object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { version: 2 } } },
      messages: ['json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    },
    {
      name: 'a missing required property',
      object: deployment({ selector, template: { ...template, spec: { containers: [{ image: 'nginx' }] } } }),
      messages: ['spec.template.spec.containers[0].name: Required value'],
    },
  ];
  for (const { name, object, messages } of cases) {
    it(`reports ${name}`, () => {
      const kind = object.kind === 'ConfigMap' ? 'core.v1.ConfigMap' : 'apps.v1.Deployment';
      assert.deepEqual(validateSchema(kind, object).map((finding) => finding.message), messages);
    });
  }

  it('suggests the field a typo was meant to be, in French', () => {
    const [finding] = validateSchema('apps.v1.Deployment', deployment({ replica: 3, selector, template }));
    assert.equal(finding?.code, 'unknown-field');
    assert.equal(finding?.phase, 'decode');
    assert.deepEqual(finding?.path, ['spec', 'replica']);
    assert.match(finding?.fr ?? '', /Voulais-tu dire « replicas » \?/);
    assert.equal(didYouMean('contaners', ['containers', 'volumes']), 'containers');
    assert.equal(didYouMean('Replicas', ['replicas']), 'replicas');
    assert.equal(didYouMean('zzzzzz', ['replicas', 'selector']), undefined);
  });

  it('treats null members as absent, as kubectl and the Go decoder do', () => {
    assert.deepEqual(withoutNulls({ a: null, b: [null, { c: null, d: 1 }] }), { b: [{ d: 1 }] });
    assert.deepEqual(validateSchema('apps.v1.Deployment', deployment({ replicas: null, selector, template })), []);
  });

  it('checks apiVersion and kind before anything else', () => {
    assert.deepEqual(checkHeader({ metadata: { name: 'x' } }).findings.map((f) => f.message), ['apiVersion not set', 'kind not set']);
    assert.deepEqual(checkHeader(['a']).findings.map((f) => f.code), ['not-an-object']);
    const typo = checkHeader({ apiVersion: 'apps/v1', kind: 'Deploymnt' }).findings[0]!;
    assert.equal(typo.message, 'no matches for kind "Deploymnt" in version "apps/v1"');
    assert.match(typo.fr, /Voulais-tu dire « Deployment » \?/);
    const wrongVersion = checkHeader({ apiVersion: 'v1', kind: 'Deployment' }).findings[0]!;
    assert.equal(wrongVersion.message, 'no matches for kind "Deployment" in version "v1"');
    assert.deepEqual(wrongVersion.path, ['apiVersion']);
    assert.match(wrongVersion.fr, /apiVersion: apps\/v1/);
    assert.equal(checkHeader({ apiVersion: 'v1', kind: 'Pod' }).info?.resource, 'pods');
  });

  it('precompiled validators judge exactly as ajv compiling at run time', () => {
    for (const { object } of cases) {
      const name = object.kind === 'ConfigMap' ? 'core.v1.ConfigMap' : 'apps.v1.Deployment';
      const clean = withoutNulls(object);
      const precompiled = validatorFor(name);
      const runtime = compileAtRunTime(name);
      assert.notEqual(precompiled, runtime);
      assert.equal(precompiled(clean), runtime(clean));
      const strip = (errors: typeof precompiled.errors) => (errors ?? []).map((e) => [e.instancePath, e.keyword, JSON.stringify(e.params)]);
      assert.deepEqual(strip(precompiled.errors), strip(runtime.errors));
    }
  });

  it('compiles definitions that are not kinds at run time, once', () => {
    const first = validatorFor('core.v1.Container');
    assert.equal(validatorFor('core.v1.Container'), first);
    assert.equal(first({ name: 'web', image: 'nginx' }), true);
    assert.equal(first({ image: 'nginx' }), false);
  });
});
