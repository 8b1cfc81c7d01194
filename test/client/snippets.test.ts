import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from '../support/dist';

interface Snippet {
  scope: string;
  prefix: string | string[];
  description: string;
  body: string[];
}

const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'kubernetes.code-snippets'), 'utf8')) as Record<string, Snippet>;

/**
 * Expands a snippet body as VS Code does when the user only presses Tab:
 * each placeholder keeps its default, a choice its first option, and a bare
 * `$N` mirrors the default given to tab stop N elsewhere.
 */
function expand(body: string): string {
  const defaults = new Map<string, string>();
  let text = body;
  for (let pass = 0; pass < 5; pass++) {
    text = text
      .replace(/\$\{(\d+)\|([^,|]*)[^|]*\|\}/g, (_m, n: string, first: string) => (defaults.set(n, first), first))
      .replace(/\$\{(\d+):([^{}]*)\}/g, (_m, n: string, raw: string) => {
        const value = raw.replace(/\$(\d+)/g, (_r, ref: string) => defaults.get(ref) ?? '');
        defaults.set(n, value);
        return value;
      });
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => defaults.get((a ?? b)!) ?? '');
}

describe('snippets/kubernetes.code-snippets', () => {
  it('offers the basic kinds of the course', () => {
    assert.deepEqual(Object.keys(snippets).sort(), ['ConfigMap', 'Deployment', 'Namespace', 'Pod', 'Secret', 'Service']);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name}: expands to a valid manifest of kind ${name}`, () => {
      const text = expand(snippet.body.join('\n'));
      assert.doesNotMatch(text, /\$/, 'a placeholder was left unexpanded');
      const document = parseDocument(text, { uniqueKeys: true });
      assert.deepEqual(document.errors, []);
      const manifest = document.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } };
      assert.equal(manifest.kind, name);
      assert.match(manifest.apiVersion ?? '', /^(v1|apps\/v1)$/);
      assert.match(manifest.metadata?.name ?? '', /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'metadata.name is a valid DNS-1123 name');
    });

    it(`${name}: has a YAML scope, a k8s- prefix and a French description`, () => {
      assert.equal(snippet.scope, 'yaml');
      assert.ok([snippet.prefix].flat().includes(`k8s-${name.toLowerCase()}`));
      assert.match(snippet.description, /^[A-Za-z]+ : .{20,}/);
    });
  }

  it('keeps the Deployment selector and template labels in step', () => {
    const manifest = parseDocument(expand(snippets.Deployment!.body.join('\n'))).toJS() as {
      spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
    };
    assert.deepEqual(manifest.spec.selector.matchLabels, manifest.spec.template.metadata.labels);
  });
});
