/**
 * Reads the Kubernetes manifests of the workspace folders at start-up, so that
 * cross-resource rules know about files that are not open. Bounded: at most
 * MAX_FILES files of at most MAX_BYTES each; dependency and VCS folders are skipped, and
 * so are Helm charts' templates (not YAML before rendering).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isHelmTemplate } from '../documents/helm';

const MAX_FILES = 2_000;
const MAX_BYTES = 1024 * 1024;
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface ScannedFile {
  uri: string;
  text: string;
}

/** The YAML files under `folder` (depth-first, sorted), read as text. Never throws. */
export async function scanFolder(folder: string): Promise<ScannedFile[]> {
  const files: ScannedFile[] = [];
  const queue = [folder];
  while (queue.length > 0 && files.length < MAX_FILES) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) queue.push(path);
      } else if (/\.ya?ml$/i.test(entry.name) && files.length < MAX_FILES) {
        try {
          const uri = pathToFileURL(path).toString();
          if ((await stat(path)).size > MAX_BYTES || isHelmTemplate(uri)) continue;
          files.push({ uri, text: await readFile(path, 'utf8') });
        } catch {
          // unreadable file: skipped
        }
      }
    }
  }
  return files;
}
