import * as vscode from 'vscode';
import type { SourceText } from '../cluster/service';

/** The extensions kubectl reads in a folder (resource.FileExtensions). */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A file as kubectl names it in its messages: relative to the workspace when it can. */
export const sourceName = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri, false);

/** The text of a file: the editor's (possibly unsaved) text when it is open, else the disk's. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The manifests of a folder, as `kubectl apply -f DIR` reads them: its .yaml, .yml and .json files in name order (not recursive). */
export async function folderSources(folder: vscode.Uri): Promise<SourceText[]> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const files = entries
    .filter(([name, type]) => type === vscode.FileType.File && MANIFEST_EXTENSIONS.some((extension) => name.endsWith(extension)))
    .map(([name]) => name)
    .sort();
  return Promise.all(files.map(async (name) => {
    const uri = vscode.Uri.joinPath(folder, name);
    return { source: sourceName(uri), text: await readText(uri) };
  }));
}

/** The texts behind the URIs a command received: files as they are, folders expanded. */
export async function sourcesOf(uris: readonly vscode.Uri[]): Promise<SourceText[]> {
  const out: SourceText[] = [];
  for (const uri of uris) {
    const isFolder = uri.scheme !== 'untitled' && (await vscode.workspace.fs.stat(uri).then((stat) => stat.type === vscode.FileType.Directory, () => false));
    if (isFolder) out.push(...(await folderSources(uri)));
    else out.push({ source: sourceName(uri), text: await readText(uri) });
  }
  return out;
}

/** What a file command acts on: the explorer's selection, the clicked file, or the active editor's. */
export function targetsOf(resource: unknown, selected: unknown): vscode.Uri[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((item) => item instanceof vscode.Uri)) return selected;
  if (resource instanceof vscode.Uri) return [resource];
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? [active] : [];
}
