import * as assert from 'node:assert/strict';
import { LABEL, SUBDOMAIN, cronJob, deployment, findings, messages, pod, service, table } from './helpers';

describe('api/validation names', () => {
  table([
    { name: 'requires a name or a generateName', object: pod({}, { name: undefined }), expected: ['metadata.name: Required value: name or generateName is required'] },
    { name: 'accepts a generateName alone, with its trailing dash', object: pod({}, { name: undefined, generateName: 'web-' }), expected: [] },
    { name: 'rejects an uppercase Pod name (DNS-1123 subdomain)', object: pod({}, { name: 'Web' }), expected: [`metadata.name: Invalid value: "Web": ${SUBDOMAIN}`] },
    { name: 'accepts dots in a Deployment name', object: deployment({}, { name: 'web.v2' }), expected: [] },
    {
      name: 'rejects dots in a StatefulSet name (DNS-1123 label since v1.27)',
      object: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db.v2' },
        spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } } },
      },
      expected: ['metadata.name: Invalid value: "db.v2": must not contain dots'],
    },
    {
      name: 'rejects a Service name starting with a digit (DNS-1035 label)',
      object: service({}, { name: '1web' }),
      expected: [
        `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    { name: 'rejects a Namespace name with an underscore (DNS-1123 label)', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my_ns' } }, expected: [`metadata.name: Invalid value: "my_ns": ${LABEL}`] },
    {
      name: 'allows anything but / and % in RBAC names (path segments)',
      object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:Viewer/x' }, rules: [] },
      expected: ["metadata.name: Invalid value: \"system:Viewer/x\": may not contain '/'"],
    },
    {
      name: 'limits a CronJob name to 52 characters',
      object: cronJob({}, { name: 'a'.repeat(53) }),
      expected: [`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`],
    },
    {
      name: 'checks the length of a label-named object',
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a'.repeat(64) } },
      expected: [
        `metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
        // The kubernetes.io/metadata.name label the API server adds repeats the name.
        `metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
      ],
    },
    { name: 'checks the namespace name', object: pod({}, { namespace: 'Prod' }), expected: [`metadata.namespace: Invalid value: "Prod": ${LABEL}`] },
  ]);

  it('says in French what a valid name looks like', () => {
    const finding = findings(pod({}, { name: 'Web' })).at(0);
    assert.ok(finding);
    assert.equal(finding.code, 'name-invalid');
    assert.match(finding.fr, /minuscules/);
    assert.equal(finding.field, 'metadata.name');
  });

  it('reports nothing for a valid Pod', () => assert.deepEqual(messages(pod()), []));
});
