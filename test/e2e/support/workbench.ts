/**
 * VS Code's workbench as a user drives it, with the keyboard and the mouse: quick open,
 * the command palette, the editor, the Problems panel, the Atelier's views, the terminal.
 * Selectors are VS Code 1.100's (code-server 4.100.3).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { until } from './poll';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Monaco and xterm render spaces as no-break spaces. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

export class Workbench {
  private shots = 0;

  constructor(
    readonly page: Page,
    /** The workspace folder on disk. */
    readonly workspace: string,
    private readonly results: string,
  ) {}

  /** Keeps a screenshot of the state just checked: test-results/e2e/<test>/NN-<name>.png. */
  async check(name: string): Promise<void> {
    mkdirSync(this.results, { recursive: true });
    this.shots += 1;
    await this.page.screenshot({ path: path.join(this.results, `${String(this.shots).padStart(2, '0')}-${name}.png`) });
  }

  /** The workbench is drawn and the Atelier's icon is in the activity bar. */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.activityItem('Atelier Kubernetes').waitFor({ timeout: 60_000 });
  }

  private activityItem(label: string): Locator {
    return this.page.locator('.activitybar .action-item', { has: this.page.locator(`[aria-label^="${label}"]`) });
  }

  /** Opens a workspace file with quick open (Ctrl+P), as a user would. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(name);
    const base = path.basename(name);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: base }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${base}"]`).waitFor();
    await this.editorLines().waitFor();
  }

  /** Runs a command from the palette (F1) by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Picks the item of an open quick pick whose label holds `text`. */
  async pick(text: string): Promise<void> {
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(text);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** The lines of the active editor. */
  editorLines(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  }

  /**
   * The active editor's text (all of it for the short files of the tests). Monaco reuses
   * its line elements, so their order in the page is not the text's: sort them by position.
   */
  async editorText(): Promise<string> {
    const lines = await Promise.all(
      (await this.editorLines().locator('.view-line').all()).map(async (line) => ({
        top: Number(/top:\s*(-?[\d.]+)px/.exec((await line.getAttribute('style')) ?? '')?.[1] ?? 0),
        text: plain(await line.innerText()),
      })),
    );
    return lines
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join('\n');
  }

  /** A token of the active editor, by its exact text. */
  token(text: string): Locator {
    return this.page
      .locator('.editor-group-container.active .monaco-editor .view-line span span')
      .filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) })
      .first();
  }

  /** Puts the caret at line:column with "Go to Line" (Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  /**
   * The text of the hover of a token once it holds `expected`: the caret is put on the
   * token and the hover asked with the keyboard (Ctrl+K Ctrl+I, "Show or Focus Hover"),
   * again until the language server has answered. (A mouse hover over the token did not
   * show at all on a freshly loaded workbench in headless Chromium, here.)
   */
  async hoverText(token: Locator, expected: RegExp): Promise<string> {
    await token.click();
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    return until(async () => {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      await hover.waitFor({ timeout: 3_000 });
      const text = await hover.innerText();
      return expected.test(text) && text;
    }, `a hover matching ${expected}`);
  }

  /** The rows of the Problems panel (opened with Ctrl+Shift+M). */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    return panel.locator('.monaco-list-row');
  }

  /** A notification toast holding `text`. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  /** Shows the Atelier's views (without toggling them off when they are already shown). */
  async showAtelier(): Promise<void> {
    const header = this.page.locator('.pane-header', { hasText: /Cluster simulé/i }).first();
    if (!(await header.isVisible())) await this.activityItem('Atelier Kubernetes').click();
    await header.waitFor();
  }

  /** The rows of the "Cluster simulé" tree; their aria-label is the item's tooltip. */
  clusterRows(): Locator {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: /Cluster simulé/i }) });
    return pane.locator('.monaco-list-row');
  }

  /** The rows of an open context menu. */
  menuItem(text: string): Locator {
    return this.page.locator('.monaco-menu .action-item', { hasText: text }).first();
  }

  /** The text on the active terminal's screen. */
  async terminalText(): Promise<string> {
    return plain(await this.page.locator('.terminal-wrapper.active .xterm-rows').innerText());
  }

  /** A status bar item holding `text`. */
  statusItem(text: string | RegExp): Locator {
    return this.page.locator('.statusbar-item', { hasText: text }).first();
  }
}
