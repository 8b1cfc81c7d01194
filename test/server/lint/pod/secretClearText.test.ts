import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../../server/src/documents/manifest';
import { locatePath } from '../../../../server/src/documents/positions';
import { secretClearText } from '../../../../server/src/lint/pod/secretClearText';
import type { LintFinding, LintRule } from '../../../../server/src/lint/rule';
import { ResourceIndex } from '../../../../server/src/workspace/resources';
import { kindInfo } from '../../../../simulator/src/api/catalog';

/** Runs `rule` on a manifest; every finding must point at a field written in it. */
function lint(rule: LintRule, text: string): LintFinding[] {
  const parsed = parseManifest(text);
  const info = kindInfo(parsed.apiVersion!, parsed.kind!)!;
  const findings = rule.check(parsed.value as Record<string, unknown>, { info, resources: new ResourceIndex() });
  for (const finding of findings) assert.ok(locatePath(parsed.yaml, finding.path).found, `${finding.path.join('.')} is not in the document`);
  return findings;
}

const secret = (value: string): string => `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: ${value}
`;

describe('lint/pod: secret-clear-text', () => {
  const cases: Array<[value: string, clear: boolean, why: RegExp]> = [
    ['admin', true, /n'est pas du base64/],
    ['mot de passe', true, /n'est pas du base64/],
    ['"p@ss:word"', true, /n'est pas du base64/],
    ['5432', true, /n'est pas du base64/],
    ['true', true, /n'est pas du base64/],
    // Valid base64 by chance, but it decodes to bytes that are no text.
    ['password', true, /semble écrite en clair/],
    ['changeme', true, /semble écrite en clair/],
    ['cGFzc3dvcmQ=', false, /./],
    ['YWRtaW4=', false, /./],
    ['""', false, /./],
    // A long binary value (a key) is left alone: clear text is short.
    ['q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQ', false, /./],
    ['"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\\nCg=="', false, /./],
  ];
  for (const [value, clear, why] of cases) {
    it(`${clear ? 'reports' : 'accepts'} data.password: ${value}`, () => {
      const findings = lint(secretClearText, secret(value));
      assert.deepEqual(
        findings.map((finding) => finding.path),
        clear ? [['data', 'password']] : [],
      );
      if (clear) assert.match(findings[0]!.message, why);
    });
  }

  it('gives the quick fix the key and the clear value, and points to stringData', () => {
    const [finding] = lint(secretClearText, secret('admin'));
    assert.deepEqual(finding!.fix, { key: 'password', value: 'admin' });
    assert.match(finding!.message, /^La valeur de « password » dans `data` est écrite en clair : .* mets-la dans `stringData`/);
  });

  it('leaves stringData alone', () => {
    assert.deepEqual(lint(secretClearText, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: admin\n'), []);
  });
});
