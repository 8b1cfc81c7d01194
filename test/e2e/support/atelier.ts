/**
 * One Atelier for one test: a fresh workspace and user data folder, a code-server of its
 * own with the .vsix installed, and a fresh browser context on it. `atelierSession()`
 * registers the afterEach hook that keeps a screenshot and the logs of a failed test
 * (test-results/e2e/<test>/) and stops everything.
 */
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { freePort, startCodeServer, writeUserSettings, type CodeServer } from '../../../scripts/codeServer.mjs';
import { RESULTS, run } from './run';
import { Workbench } from './workbench';

/** User settings of every test: nothing opens by itself, nothing calls the network. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // The DOM renderer: the terminal's text is then in the page, where the tests read it.
  'terminal.integrated.gpuAcceleration': 'off',
};

/** `Éditeur : survol de replicas` -> `editeur-survol-de-replicas`. */
const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

interface Opened {
  server: CodeServer;
  context: BrowserContext;
  dir: string;
  results: string;
  log: string;
  console: string[];
}

export interface OpenOptions {
  /** Files of the workspace: relative path -> content. */
  files?: Record<string, string>;
  /** More user settings for this test. */
  settings?: Record<string, unknown>;
}

/** Registers the hooks of a describe block and returns how its tests open their Atelier. */
export function atelierSession(): { open(test: Mocha.Context, options?: OpenOptions): Promise<Workbench> } {
  let opened: Opened | undefined;

  afterEach(async function () {
    const current = opened;
    opened = undefined;
    if (!current) return;
    if (this.currentTest?.state === 'failed') {
      mkdirSync(current.results, { recursive: true });
      const page = current.context.pages()[0];
      await page?.screenshot({ path: path.join(current.results, 'echec.png') }).catch(() => undefined);
      copyFileSync(current.log, path.join(current.results, 'code-server.log'));
      writeFileSync(path.join(current.results, 'browser-console.log'), current.console.join('\n') + '\n');
    }
    await current.context.close().catch(() => undefined);
    await current.server.stop();
    rmSync(current.dir, { recursive: true, force: true });
  });

  return {
    async open(test, { files = {}, settings = {} } = {}) {
      const { browser, extensionsDir, scratch } = run();
      const title = test.test?.fullTitle() ?? 'test';
      const dir = mkdtempSync(path.join(scratch, 'test-'));
      const workspace = path.join(dir, 'workspace');
      const userDataDir = path.join(dir, 'user-data');
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
        writeFileSync(path.join(workspace, name), text);
      }
      mkdirSync(workspace, { recursive: true });
      writeUserSettings(userDataDir, { ...SETTINGS, ...settings });
      const log = path.join(dir, 'code-server.log');
      const fd = openSync(log, 'w');
      const server = await startCodeServer({ port: await freePort(), userDataDir, extensionsDir, folder: workspace, output: fd }).finally(() => closeSync(fd));
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const results = path.join(RESULTS, slug(title));
      opened = { server, context, dir, results, log, console: [] };
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const lines = opened.console;
      page.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => lines.push(`[pageerror] ${error.message}`));
      await page.goto(server.url);
      const workbench = new Workbench(page, workspace, results);
      await workbench.ready();
      return workbench;
    },
  };
}
