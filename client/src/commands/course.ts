/**
 * The walkthroughs' buttons: open an exercise (copied into the learner's workspace, never
 * over their own work), show its solution read-only, type a line in the Atelier terminal,
 * and jump to a chapter's walkthrough.
 */
import * as vscode from 'vscode';
import { CHAPTERS } from '../../../simulator/src/api/chapters';
import { walkthroughKey } from '../walkthroughs/chapter';
import type { CommandContext } from './services';
import { openTerminal } from './terminal';

/** The folder of the workspace where exercises are copied. */
export const EXERCISES_FOLDER = 'atelier-exercices';
/** The read-only documents of the solutions. */
export const SOLUTION_SCHEME = 'atelier-solution';

/** `ressources/deployment.yaml` -> its parts, refusing anything that leaves the walkthroughs folder. */
function courseParts(relative: unknown): string[] | undefined {
  if (typeof relative !== 'string') return undefined;
  const parts = relative.split('/').filter(Boolean);
  return parts.length > 0 && parts.every((part) => part !== '..' && part !== '.') ? parts : undefined;
}

const isDirectory = async (uri: vscode.Uri): Promise<boolean | undefined> => {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return undefined;
  }
};

/** The file to open in a copied folder: its Dockerfile, else its first file. */
async function mainFile(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const files = entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name).sort();
  const chosen = files.find((name) => name === 'Dockerfile') ?? files[0];
  return chosen === undefined ? undefined : vscode.Uri.joinPath(folder, chosen);
}

/** An exercise picked among the chapters' files (from the palette). */
async function pickExercise(ctx: CommandContext): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = [];
  for (const chapter of CHAPTERS) {
    const folder = vscode.Uri.joinPath(ctx.extension.extensionUri, 'walkthroughs', chapter.id);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      continue;
    }
    for (const [name] of entries.sort()) {
      if (/\.ya?ml$/.test(name) && !name.includes('.solution.')) items.push({ label: `${chapter.id}/${name}`, description: chapter.title });
    }
  }
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Quel exercice ouvrir ?'), matchOnDescription: true }))?.label;
}

/**
 * "Ouvrir l'exercice": copies walkthroughs/<chapter>/<file or folder> into the workspace's
 * atelier-exercices/ (once: what the learner wrote there is never overwritten) and opens
 * it. Without a workspace folder, a file opens as a new unsaved document.
 */
export function openExercise(ctx: CommandContext) {
  return async (relative?: unknown): Promise<vscode.TextEditor | undefined> => {
    const parts = courseParts(relative ?? (await pickExercise(ctx)));
    if (!parts) return undefined;
    const source = vscode.Uri.joinPath(ctx.extension.extensionUri, 'walkthroughs', ...parts);
    const folder = await isDirectory(source);
    if (folder === undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t("L'exercice {0} est introuvable dans l'extension.", parts.join('/')));
      return undefined;
    }
    const workspace = vscode.workspace.workspaceFolders?.[0];
    if (!workspace) {
      if (folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t("Ouvre d'abord un dossier (Fichier > Ouvrir le dossier) : cet exercice est un dossier à copier dans ton espace de travail."));
        return undefined;
      }
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
      const language = /\.ya?ml$/.test(source.path) ? 'yaml' : /Dockerfile$/.test(source.path) ? 'dockerfile' : 'plaintext';
      return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text, language }));
    }
    const target = vscode.Uri.joinPath(workspace.uri, EXERCISES_FOLDER, ...parts);
    if ((await isDirectory(target)) === undefined) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.copy(source, target, { overwrite: false });
      ctx.output.info(`exercise copied: ${vscode.workspace.asRelativePath(target)}`);
    }
    const file = folder ? await mainFile(target) : target;
    return file && vscode.window.showTextDocument(file, { preview: false });
  };
}

/** "Voir la solution": the chapter's file, in a read-only editor beside the exercise. */
export function openSolution(_ctx: CommandContext) {
  return async (relative?: unknown): Promise<vscode.TextEditor | undefined> => {
    const parts = courseParts(relative);
    if (!parts) return undefined;
    const uri = vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${parts.join('/')}` });
    const document = await vscode.workspace.openTextDocument(uri);
    const language = /\.ya?ml$/.test(uri.path) ? 'yaml' : /Dockerfile/.test(uri.path) ? 'dockerfile' : undefined;
    const shown = language ? await vscode.languages.setTextDocumentLanguage(document, language) : document;
    return vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  };
}

/** The solutions' read-only documents, read from the extension's walkthroughs folder. */
export function registerSolutionDocuments(ctx: CommandContext): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const parts = courseParts(uri.path);
      if (!parts) return '';
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ctx.extension.extensionUri, 'walkthroughs', ...parts)));
      } catch {
        return vscode.l10n.t('Cette solution est introuvable dans l’extension.');
      }
    },
  };
  ctx.extension.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, provider));
}

/** "Lancer dans le terminal": the Atelier terminal opens (or comes to front) and runs the line. */
export function runInTerminal(ctx: CommandContext) {
  return (line?: unknown): vscode.Terminal | undefined => {
    const terminal = openTerminal(ctx)();
    if (typeof line === 'string' && line.trim() !== '') terminal.sendText(line, true);
    return terminal;
  };
}

/** "Ouvrir le parcours d'un chapitre": the chapter given, or one picked. */
export function openWalkthrough() {
  return async (chapter?: unknown): Promise<void> => {
    let id = typeof chapter === 'string' ? chapter : undefined;
    if (!id) {
      const picked = await vscode.window.showQuickPick(
        CHAPTERS.map((c, index) => ({ label: `${index + 1}. ${c.title}`, id: c.id })),
        { placeHolder: vscode.l10n.t('Quel chapitre ouvrir ?') },
      );
      id = picked?.id;
    }
    if (id) await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughKey(id), false);
  };
}
