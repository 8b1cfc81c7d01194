import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import {
  formatLabelSelector,
  matchesLabelSelector,
  matchesLabels,
  parseLabelSelector,
  type LabelRequirement,
} from '../../../simulator/src/store/selectors';
import { matchesFields, parseFieldSelector } from '../../../simulator/src/store/fields';

const POD = kindInfo('v1', 'Pod')!;
const NODE = kindInfo('v1', 'Node')!;
const INGRESS = kindInfo('networking.k8s.io/v1', 'Ingress')!;

const req = (key: string, operator: LabelRequirement['operator'], ...values: string[]): LabelRequirement => ({ key, operator, values });

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function throwsBadRequest(act: () => unknown, message: string): void {
  assert.throws(act, (error: unknown) => {
    assert.ok(error instanceof StatusError, String(error));
    assert.equal(error.reason, 'BadRequest');
    assert.equal(error.code, 400);
    assert.equal(error.message, message);
    return true;
  });
}

describe('simulator/store: label selectors (kubectl -l)', () => {
  const parsed: [string, LabelRequirement[]][] = [
    ['', []],
    ['app=web', [req('app', '=', 'web')]],
    ['app==web', [req('app', '==', 'web')]],
    ['app!=web', [req('app', '!=', 'web')]],
    ['env in (prod, staging)', [req('env', 'in', 'prod', 'staging')]],
    ['env notin (qa)', [req('env', 'notin', 'qa')]],
    ['app', [req('app', 'exists')]],
    ['!app', [req('app', '!')]],
    ['tier=front,app', [req('app', 'exists'), req('tier', '=', 'front')]],
    ['app.kubernetes.io/name=web', [req('app.kubernetes.io/name', '=', 'web')]],
    ['x in (in)', [req('x', 'in', 'in')]],
    ['x in ()', [req('x', 'in', '')]],
    ['x in (b,,a)', [req('x', 'in', '', 'a', 'b')]],
    ['app=', [req('app', '=', '')]],
    ['replicas>2', [req('replicas', 'gt', '2')]],
  ];
  for (const [text, expected] of parsed) {
    it(`parses ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseLabelSelector(text), expected);
    });
  }

  const errors: [string, string][] = [
    ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_PART}`],
    [
      'app.kubernetes_io/name=x',
      "unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    ['app in', "unable to parse requirement: found '' expected: '('"],
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app=web,', "found '', expected: identifier after ','"],
    ['app=web env=prod', "found 'env', expected: ',' or 'end of string'"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['!app=x', "found '=', expected: ',' or 'end of string'"],
    ['app>x', "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"],
    [
      'app=web/x',
      "unable to parse requirement: values[0][app]: Invalid value: \"web/x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
  ];
  for (const [text, message] of errors) {
    it(`rejects ${JSON.stringify(text)} with apimachinery's message`, () => {
      throwsBadRequest(() => parseLabelSelector(text), message);
    });
  }

  const labels = { app: 'web', env: 'prod', replicas: '3' };
  const matching: [string, boolean][] = [
    ['', true],
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['team!=a', true],
    ['env in (prod,staging)', true],
    ['env notin (prod)', false],
    ['team notin (a)', true],
    ['app', true],
    ['team', false],
    ['!team', true],
    ['!app', false],
    ['app=web,env=qa', false],
    ['replicas>2', true],
    ['replicas<3', false],
  ];
  for (const [text, expected] of matching) {
    it(`${expected ? 'matches' : 'does not match'} {app: web, env: prod, replicas: 3} with ${JSON.stringify(text)}`, () => {
      assert.equal(matchesLabels(parseLabelSelector(text), labels), expected);
    });
  }

  it('treats an object without labels as having none', () => {
    assert.equal(matchesLabels(parseLabelSelector('!app'), undefined), true);
    assert.equal(matchesLabels(parseLabelSelector('app'), undefined), false);
  });
});

describe('simulator/store: metav1.LabelSelector objects', () => {
  const selector = {
    matchLabels: { tier: 'front', app: 'web' },
    matchExpressions: [
      { key: 'env', operator: 'In', values: ['staging', 'prod'] },
      { key: 'canary', operator: 'DoesNotExist' },
    ],
  };
  const cases: [string, unknown, Record<string, string> | undefined, boolean][] = [
    ['matchLabels and matchExpressions all hold', selector, { app: 'web', tier: 'front', env: 'prod' }, true],
    ['one matchExpression fails', selector, { app: 'web', tier: 'front', env: 'qa' }, false],
    ['DoesNotExist fails', selector, { app: 'web', tier: 'front', env: 'prod', canary: 'yes' }, false],
    ['NotIn with the key absent', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, { app: 'web' }, true],
    ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: 'web' }, true],
    ['an empty selector selects everything', {}, { any: 'thing' }, true],
    ['an absent selector selects nothing', undefined, { app: 'web' }, false],
  ];
  for (const [title, value, objectLabels, expected] of cases) {
    it(title, () => {
      assert.equal(matchesLabelSelector(value, objectLabels), expected);
    });
  }

  it('formats a selector as kubectl describe prints it', () => {
    assert.equal(formatLabelSelector(selector), 'app=web,!canary,env in (prod,staging),tier=front');
    assert.equal(formatLabelSelector({}), '<none>');
    assert.equal(formatLabelSelector(undefined), '<none>');
    assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] }), '<error>');
  });

  it('rejects an unknown operator with apimachinery text', () => {
    assert.throws(() => matchesLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] }, {}), { message: '"Near" is not a valid label selector operator' });
  });
});

describe('simulator/store: field selectors (--field-selector)', () => {
  const pod = { metadata: { name: 'web-1', namespace: 'default' }, spec: { nodeName: 'node-1', restartPolicy: 'Always' }, status: { phase: 'Running', podIPs: [{ ip: '10.244.0.5' }] } };
  const pending = { metadata: { name: 'web-2', namespace: 'shop' }, spec: {}, status: { phase: 'Pending' } };
  const cases: [string, Record<string, unknown>, boolean][] = [
    ['status.phase=Running', pod, true],
    ['status.phase==Running', pod, true],
    ['status.phase!=Running', pod, false],
    ['spec.nodeName=node-1', pod, true],
    ['spec.nodeName=', pending, true],
    ['spec.nodeName!=', pending, false],
    ['metadata.name=web-1,metadata.namespace=default', pod, true],
    ['metadata.namespace!=default', pending, true],
    ['status.podIP=10.244.0.5', pod, true],
    ['spec.hostNetwork=false', pod, true],
  ];
  for (const [text, object, expected] of cases) {
    it(`${expected ? 'selects' : 'leaves out'} ${String((object.metadata as Record<string, string>).name)} with ${text}`, () => {
      assert.equal(matchesFields(parseFieldSelector(text, POD), object, POD), expected);
    });
  }

  const errors: [string, typeof POD, string][] = [
    ['status.phase', POD, "invalid selector: 'status.phase'; can't understand 'status.phase'"],
    ['spec.foo=x', POD, 'field label not supported: spec.foo'],
    ['metadata.namespace=x', NODE, 'field label not supported: metadata.namespace'],
    ['foo.bar=baz', INGRESS, '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ];
  for (const [text, info, message] of errors) {
    it(`rejects ${text} on ${info.resource}`, () => {
      throwsBadRequest(() => parseFieldSelector(text, info), message);
    });
  }

  it('selects a Node on spec.unschedulable, false when unset', () => {
    assert.equal(matchesFields(parseFieldSelector('spec.unschedulable=false', NODE), { metadata: { name: 'n' }, spec: {} }, NODE), true);
    assert.equal(matchesFields(parseFieldSelector('spec.unschedulable=true', NODE), { metadata: { name: 'n' }, spec: { unschedulable: true } }, NODE), true);
  });
});
