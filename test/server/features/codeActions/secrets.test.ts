import * as assert from 'node:assert/strict';
import { applyFix, fixesFor, yaml } from './helpers';

const MOVE = (key: string): string => `Déplacer « ${key} » dans stringData (Kubernetes l'encodera)`;
const ENCODE = (key: string): string => `Encoder la valeur de « ${key} » en base64`;

const secret = (body: string): string => yaml`
  apiVersion: v1
  kind: Secret
  metadata:
    name: db
  type: Opaque
` + body;

describe('server/features/codeActions: secret-clear-text', () => {
  it('offers to move the value to stringData (preferred) or to encode it', () => {
    const { actions } = fixesFor(secret('data:\n  password: admin123\n'), 'secret-clear-text');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred ?? false]),
      [
        [MOVE('password'), true],
        [ENCODE('password'), false],
      ],
    );
  });

  it('moves the only key: `data` gives way to a new stringData', () => {
    assert.equal(applyFix(secret('data:\n  password: admin123\n'), 'secret-clear-text'), secret('stringData:\n  password: admin123\n'));
  });

  it('moves one key among others into the existing stringData', () => {
    const text = secret('data:\n  user: YWRtaW4=\n  password: admin123\nstringData:\n  host: db.local\n');
    assert.equal(applyFix(text, 'secret-clear-text'), secret('data:\n  user: YWRtaW4=\nstringData:\n  host: db.local\n  password: admin123\n'));
  });

  it('encodes the value in place', () => {
    assert.equal(applyFix(secret('data:\n  password: "admin123"\n'), 'secret-clear-text', ENCODE('password')), secret('data:\n  password: "YWRtaW4xMjM="\n'));
  });

  it('fixes the API server refusal of a value that is not base64 at all', () => {
    const text = secret('data:\n  url: postgres://db:5432/app\n  user: YWRtaW4=\n');
    const { titles } = fixesFor(text, 'secret-base64-invalid');
    assert.deepEqual(titles, [MOVE('url'), ENCODE('url')]);
    const moved = applyFix(text, 'secret-base64-invalid');
    assert.equal(moved, secret('data:\n  user: YWRtaW4=\nstringData:\n  url: postgres://db:5432/app\n'));
    const encoded = applyFix(text, 'secret-base64-invalid', ENCODE('url'));
    assert.ok(encoded.includes(`  url: ${Buffer.from('postgres://db:5432/app').toString('base64')}\n`), encoded);
  });

  it('moves and encodes a multi-line value written as a block scalar', () => {
    const text = secret('data:\n  app.conf: |\n    port = 8080\n    debug = false\n  user: YWRtaW4=\n');
    const moved = applyFix(text, 'secret-base64-invalid');
    assert.equal(moved, secret('data:\n  user: YWRtaW4=\nstringData:\n  app.conf: |\n    port = 8080\n    debug = false\n'));
    const encoded = applyFix(text, 'secret-base64-invalid', ENCODE('app.conf'));
    const base64 = Buffer.from('port = 8080\ndebug = false\n').toString('base64');
    assert.equal(encoded, secret(`data:\n  app.conf: ${base64}\n  user: YWRtaW4=\n`));
  });

  it('inserts at the end of its own document, before the next one', () => {
    const next = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\n';
    const text = `${secret('data:\n  user: YWRtaW4=\n  password: admin123\n')}${next}`;
    assert.equal(applyFix(text, 'secret-clear-text'), `${secret('data:\n  user: YWRtaW4=\nstringData:\n  password: admin123\n')}${next}`);
  });
});
