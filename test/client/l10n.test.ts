import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { ROOT } from '../support/dist';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('client: l10n bundle', () => {
  it('lists every vscode.l10n.t string of client/src (run `npm run l10n` after changing one)', async () => {
    const files = sources(path.join(ROOT, 'client', 'src')).map((file) => ({
      extension: '.ts',
      contents: readFileSync(file, 'utf8'),
    }));
    const extracted = await getL10nJson(files);
    const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(extracted).length > 0);
    assert.deepEqual(bundle, extracted);
  });
});
