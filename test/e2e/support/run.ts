/**
 * What the end-to-end tests share for one mocha run: the .vsix installed once into a
 * temporary extensions folder (read-only for the tests), and one Chromium. Each test then
 * gets its own code-server, user data folder, workspace and browser context (atelier.ts).
 * Registered as mocha root hooks by test/e2e/.mocharc.json.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CODE_SERVER_ENTRY, installExtension } from '../../../scripts/codeServer.mjs';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const VSIX = path.join(ROOT, 'atelier-kubernetes.vsix');
/** Screenshots and logs, one folder per test (git-ignored). */
export const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.ATELIER_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags for a machine without GPU, sandbox or network beyond localhost. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Run {
  browser: Browser;
  extensionsDir: string;
  scratch: string;
}

let current: Run | undefined;

/** The run's browser and extensions folder (set up by the root hook). */
export function run(): Run {
  if (!current) throw new Error('The e2e root hooks did not run: start the tests with `npm run test:e2e`.');
  return current;
}

/** Why the tests cannot start, in the words of the command that fixes it. */
function missingPrerequisite(): string | undefined {
  if (!existsSync(CODE_SERVER_ENTRY)) return `code-server is not installed (${CODE_SERVER_ENTRY}): \`npm run test:e2e\` installs it.`;
  if (!existsSync(VSIX)) return `${VSIX} is missing: \`npm run test:e2e\` (or \`npm run package\`) builds it.`;
  if (!existsSync(CHROMIUM)) return `Chromium is missing (${CHROMIUM}): apt-get install chromium, or set ATELIER_CHROMIUM.`;
  return undefined;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    const missing = missingPrerequisite();
    if (missing) throw new Error(missing);
    rmSync(RESULTS, { recursive: true, force: true });
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'atelier-e2e-'));
    const extensionsDir = path.join(scratch, 'extensions');
    if (!installExtension(VSIX, { userDataDir: path.join(scratch, 'install-user-data'), extensionsDir })) {
      throw new Error(`code-server could not install ${VSIX} (its output is above).`);
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    current = { browser, extensionsDir, scratch };
  },
  async afterAll(): Promise<void> {
    if (!current) return;
    await current.browser.close();
    rmSync(current.scratch, { recursive: true, force: true });
    current = undefined;
  },
};
