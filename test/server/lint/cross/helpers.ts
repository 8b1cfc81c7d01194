/**
 * Runs a cross-resource rule the way diagnostics do: the checked file is indexed too, the
 * other workspace files and the cluster inventory are YAML, and each finding is located in
 * the text. A fixture marks with `# <-` every line where a finding is expected.
 */
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { rangeOf } from '../../../../server/src/documents/convert';
import { ParseCache, parseFile } from '../../../../server/src/documents/file';
import { locatePath } from '../../../../server/src/documents/positions';
import type { LintRule } from '../../../../server/src/lint/rule';
import { resourcesOf } from '../../../../server/src/workspace/extract';
import { ResourceIndex } from '../../../../server/src/workspace/resources';

const MARKER = '# <-';

/** Strips the common indentation and the first newline, so fixtures can sit in the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = raw.split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

export interface Files {
  /** Other files of the workspace (multi-document YAML each). */
  workspace?: string[];
  /** Objects of the simulated cluster (multi-document YAML). */
  cluster?: string;
}

export interface Located {
  /** Zero-based line of the diagnostic. */
  line: number;
  /** The text the diagnostic covers (a key). */
  at: string;
  message: string;
  fix?: Record<string, unknown>;
}

/** An index holding the checked file, the other files and the cluster. */
export function indexOf(manifest: string, files: Files = {}): ResourceIndex {
  const cache = new ParseCache();
  const index = new ResourceIndex();
  index.setFile('file:///work/manifest.yaml', resourcesOf(parseFile('file:///work/manifest.yaml', 1, manifest, cache)));
  (files.workspace ?? []).forEach((text, i) => {
    const uri = `file:///work/other-${i}.yaml`;
    index.setFile(uri, resourcesOf(parseFile(uri, 1, text, cache)));
  });
  if (files.cluster !== undefined) {
    const inventory = resourcesOf(parseFile('cluster:inventory', 1, files.cluster, cache));
    index.setCluster(inventory.map((resource) => ({ ...resource, source: 'cluster' as const, uri: undefined })));
  }
  return index;
}

/** The rule's findings on every document of `manifest` that it looks at, located. */
export function lint(rule: LintRule, manifest: string, files: Files = {}): Located[] {
  const resources = indexOf(manifest, files);
  const file = parseFile('file:///work/manifest.yaml', 1, manifest, new ParseCache());
  const out: Located[] = [];
  for (const document of file.documents) {
    const { parsed } = document;
    const info = parsed.apiVersion && parsed.kind ? kindInfo(parsed.apiVersion, parsed.kind) : undefined;
    if (!info || (rule.kinds !== '*' && !rule.kinds.includes(info.kind))) continue;
    for (const finding of rule.check(parsed.value as Record<string, unknown>, { info, resources, namespace: parsed.namespace })) {
      const target = locatePath(parsed.yaml, finding.path);
      assert.ok(target.found, `the path ${JSON.stringify(finding.path)} exists in the document`);
      out.push({ line: rangeOf(document, target.span).start.line, at: document.text.slice(...target.span), message: finding.message, fix: finding.fix });
    }
  }
  return out;
}

/** The zero-based lines marked `# <-`. */
export function markedLines(manifest: string): number[] {
  return manifest.split('\n').flatMap((line, index) => (line.trimEnd().endsWith(MARKER) ? [index] : []));
}

export interface Row extends Files {
  name: string;
  /** The checked file; `# <-` ends each line where a finding is expected. */
  manifest: string;
  /** Fragments each finding's message must hold, finding by finding. */
  messages?: (string | RegExp)[][];
  /** Fragments no message may hold. */
  absent?: string[];
  /** Expected fix data of the first finding (only the keys given are compared). */
  fix?: Record<string, unknown>;
}

/** One `it` per row: findings exactly on the marked lines, with the expected words and fix. */
export function table(rule: LintRule, rows: readonly Row[]): void {
  for (const row of rows) {
    it(row.name, () => {
      const found = lint(rule, row.manifest, row);
      assert.deepEqual(
        found.map((finding) => finding.line),
        markedLines(row.manifest),
        found.map((finding) => finding.message).join('\n'),
      );
      assert.ok(found.length >= (row.messages ?? []).length, 'a finding for each expected message');
      (row.messages ?? []).forEach((fragments, index) => {
        for (const fragment of fragments) {
          if (typeof fragment === 'string') assert.ok(found[index]!.message.includes(fragment), `« ${fragment} » in: ${found[index]!.message}`);
          else assert.match(found[index]!.message, fragment);
        }
      });
      for (const fragment of row.absent ?? []) for (const finding of found) assert.ok(!finding.message.includes(fragment), `no « ${fragment} » in: ${finding.message}`);
      if (row.fix) {
        const fix = found[0]?.fix ?? {};
        assert.deepEqual(Object.fromEntries(Object.keys(row.fix).map((key) => [key, fix[key]])), row.fix);
      }
    });
  }
}
