import * as vscode from 'vscode';
import { CHAPTERS } from '../../../simulator/src/api/chapters';
import { COMMAND_IDS, VIEW_IDS } from '../commands/ids';
import type { AtelierContext } from '../context';
import { chapterFile, type Chapter } from '../walkthroughs/chapter';
import type { StepChecks } from '../walkthroughs/checks';
import { courseProgress, recordDone, type ChapterProgress } from '../walkthroughs/progress';

/** Where the steps done so far are kept (per workspace: one course folder, one learner). */
const DONE_KEY = 'atelierKubernetes.stepsDone';

const GREEN = new vscode.ThemeColor('testing.iconPassed');

/** The VS Code item of a chapter: its number and title, `2/5` and a gauge of its state. */
export function chapterItem(chapter: ChapterProgress): vscode.TreeItem {
  const item = new vscode.TreeItem(chapter.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = chapter.id;
  const complete = chapter.total > 0 && chapter.done === chapter.total;
  item.description = chapter.total > 0 ? vscode.l10n.t('{0}/{1} étapes', chapter.done, chapter.total) : vscode.l10n.t('lecture');
  item.iconPath = complete ? new vscode.ThemeIcon('pass-filled', GREEN) : chapter.done > 0 ? new vscode.ThemeIcon('circle-large-filled') : new vscode.ThemeIcon('circle-large-outline');
  item.tooltip = vscode.l10n.t('Ouvrir le parcours « {0} »', chapter.label);
  item.command = { command: COMMAND_IDS.openWalkthrough, title: vscode.l10n.t('Ouvrir le parcours'), arguments: [chapter.id] };
  return item;
}

/** The "Parcours" view: the course's chapters, each with its steps, ticked as the cluster proves them done. */
export class CourseProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private progress: ChapterProgress[] = [];

  constructor(
    private readonly chapters: readonly { id: string; data: Chapter }[],
    private done: ReadonlySet<string>,
  ) {
    this.progress = courseProgress(chapters, done);
  }

  /** Records the checks that hold now; redraws and returns the new set when a step got done. */
  update(values: ReadonlyMap<string, boolean>): ReadonlySet<string> | undefined {
    const next = recordDone(this.done, values);
    if (next === this.done) return undefined;
    this.done = next;
    this.progress = courseProgress(this.chapters, next);
    this.changed.fire(undefined);
    return next;
  }

  getTreeItem(id: string): vscode.TreeItem {
    const [chapterId, stepId] = id.split('#');
    const chapter = this.progress.find((c) => c.id === chapterId);
    if (!chapter) return new vscode.TreeItem(id);
    if (stepId === undefined) return chapterItem(chapter);
    const step = chapter.steps.find((s) => s.id === stepId)!;
    const item = new vscode.TreeItem(step.title, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.iconPath = step.done ? new vscode.ThemeIcon('pass-filled', GREEN) : step.checked ? new vscode.ThemeIcon('circle-large-outline') : new vscode.ThemeIcon('book');
    item.description = step.done ? vscode.l10n.t('fait') : step.checked ? '' : vscode.l10n.t('à lire');
    item.command = { command: COMMAND_IDS.openWalkthrough, title: vscode.l10n.t('Ouvrir le parcours'), arguments: [chapter.id] };
    return item;
  }

  getChildren(id?: string): string[] {
    if (id === undefined) return this.progress.map((c) => c.id);
    return this.progress.find((c) => c.id === id)?.steps.map((s) => `${id}#${s.id}`) ?? [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Reads the chapters' walkthrough.json files shipped with the extension (those that read). */
async function readChapters(ctx: AtelierContext): Promise<{ id: string; data: Chapter }[]> {
  const found: { id: string; data: Chapter }[] = [];
  for (const id of ['bienvenue', ...CHAPTERS.map((c) => c.id)]) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ctx.extension.extensionUri, ...chapterFile(id)));
      found.push({ id, data: JSON.parse(new TextDecoder().decode(bytes)) as Chapter });
    } catch {
      // A chapter not shipped yet: not listed.
    }
  }
  return found;
}

/**
 * Registers the view. It reads the step checks' values after each change of the cluster
 * (the checks subscribed first, so they are up to date) and keeps the steps done in the
 * workspace's state.
 */
export async function registerCourseView(ctx: AtelierContext, checks: StepChecks | undefined): Promise<void> {
  const saved = ctx.extension.workspaceState.get<string[]>(DONE_KEY, []);
  const provider = new CourseProvider(await readChapters(ctx), new Set(saved));
  const view = vscode.window.createTreeView(VIEW_IDS.course, { treeDataProvider: provider });
  const update = (): void => {
    const next = checks && provider.update(checks.values);
    if (next) void ctx.extension.workspaceState.update(DONE_KEY, [...next]);
  };
  update();
  const unsubscribe = ctx.cluster.onDidChange(update);
  ctx.extension.subscriptions.push(provider, view, { dispose: unsubscribe });
}
