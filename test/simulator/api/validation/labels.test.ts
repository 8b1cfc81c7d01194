import { deployment, pod, table } from './helpers';

const KEY_NAME = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('api/validation labels and annotations', () => {
  table([
    { name: 'rejects a space in a label value', object: pod({}, { labels: { app: 'my app' } }), expected: [`metadata.labels: Invalid value: "my app": ${VALUE}`] },
    { name: 'rejects a label key ending with a dash', object: pod({}, { labels: { 'app-': 'web' } }), expected: [`metadata.labels: Invalid value: "app-": ${KEY_NAME}`] },
    { name: 'rejects a 64-character label value', object: pod({}, { labels: { app: 'a'.repeat(64) } }), expected: [`metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`] },
    {
      name: 'checks the prefix of a label key as a subdomain',
      object: pod({}, { labels: { 'Example.com/app': 'web' } }),
      expected: [
        `metadata.labels: Invalid value: "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    {
      name: 'rejects two slashes in a key',
      object: pod({}, { labels: { 'a/b/c': 'x' } }),
      expected: [
        "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    },
    { name: 'accepts uppercase annotation keys and any value', object: pod({}, { annotations: { 'Example.com/Owner': 'Équipe web / nuit' } }), expected: [] },
    {
      name: 'prints template label errors at spec.template.labels, like upstream',
      object: deployment({ selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front end' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } }),
      expected: [`spec.template.labels: Invalid value: "front end": ${VALUE}`],
    },
    {
      name: 'limits annotations to 256 KiB in all',
      object: pod({}, { annotations: { big: 'x'.repeat(256 * 1024) } }),
      expected: ['metadata.annotations: Too long: must have at most 262144 bytes'],
    },
  ]);
});
