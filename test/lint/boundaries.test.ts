import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../support/dist';

/** Lints `code` as if it were the file `file`, with the boundary rules only. */
async function violations(file: string, code: string): Promise<string[]> {
  const { default: boundaries } = (await import(path.join(ROOT, 'eslint.boundaries.mjs'))) as { default: ESLint.Options['overrideConfig'] };
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: boundaries });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('lint: layer boundaries (eslint.boundaries.mjs)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['simulator/src/a.ts', "import * as vscode from 'vscode';", false],
    ['simulator/src/a.ts', "import { x } from '../../server/src/server';", false],
    ['simulator/src/a.ts', "import { x } from '../../client/src/extension';", false],
    ['simulator/src/a.ts', "import { readFileSync } from 'node:fs';", false],
    ['simulator/src/a.ts', "import * as http from 'http';", false],
    ['simulator/src/a.ts', 'export const t = Date.now();', false],
    ['simulator/src/a.ts', 'export const r = Math.random();', false],
    ['simulator/src/a.ts', 'setTimeout(() => undefined, 1);', false],
    ['simulator/src/a.ts', "import { createRandom } from './random';", true],
    ['simulator/cli/a.ts', "import { readFileSync } from 'node:fs';", true],
    ['simulator/cli/a.ts', "import * as vscode from 'vscode';", false],
    ['server/src/a.ts', "import * as vscode from 'vscode';", false],
    ['server/src/a.ts', "import { x } from '../../client/src/extension';", false],
    ['server/src/a.ts', "import { createConnection } from 'vscode-languageserver/node';", true],
    ['server/src/a.ts', "import { createRandom } from '../../simulator/src/random';", true],
    ['client/src/a.ts', "import { startServer } from '../../server/src/server';", false],
    ['client/src/a.ts', "import * as vscode from 'vscode';", true],
    ['client/src/a.ts', "import { LanguageClient } from 'vscode-languageclient/node';", true],
    ['client/src/a.ts', "import { createRandom } from '../../simulator/src/random';", true],
  ];

  for (const [file, code, allowed] of cases) {
    it(`${allowed ? 'allows' : 'rejects'} in ${file}: ${code}`, async () => {
      const found = await violations(file, code);
      if (allowed) assert.deepEqual(found, []);
      else assert.ok(found.length > 0 && found.every((m) => /^no-restricted-/.test(m)), found.join('\n') || 'no violation reported');
    });
  }
});
