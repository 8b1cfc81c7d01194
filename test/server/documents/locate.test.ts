import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { splitDocuments } from '../../../server/src/documents/split';
import { TextLocator } from '../../../server/src/documents/locate';
import { parseManifest } from '../../../server/src/documents/manifest';
import { locatePath } from '../../../server/src/documents/positions';
import { fiveThousandLines } from '../../bench/fixtures/manifests';
import { ROOT } from '../../support/dist';

/** Every path of a value, and a few that do not exist below each object. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
    out.push([...prefix, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
    out.push([...prefix, 'missingField']);
  }
  return out;
}

function corpus(): string[] {
  const folder = join(ROOT, 'test/fixtures/manifests/valid');
  const texts = readdirSync(folder).filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(join(folder, name), 'utf8'));
  return [...texts, fiveThousandLines(7).text];
}

describe('server/documents: the fast text locator', () => {
  it('finds every path exactly where the YAML tree puts it, or hands over', () => {
    let compared = 0;
    for (const text of corpus()) {
      for (const chunk of splitDocuments(text)) {
        const tree = parseDocument(chunk.text);
        const locator = new TextLocator(chunk.text);
        for (const path of pathsOf(tree.toJS())) {
          const fast = locator.locate(path);
          if (!fast) continue;
          assert.deepEqual(fast, locatePath(tree, path), `${JSON.stringify(path)} in\n${chunk.text}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 5_000, `only ${compared} paths compared`);
  });

  it('parses plain documents on the fast path with the same value as the full parser', () => {
    for (const text of corpus()) {
      for (const chunk of splitDocuments(text)) {
        const parsed = parseManifest(chunk.text);
        assert.deepEqual(parsed.value, parseDocument(chunk.text).toJS() ?? null);
        assert.deepEqual(parsed.problems, []);
      }
    }
  });

  it('leaves anchors, duplicate keys and syntax errors to the full parser, with their problems', () => {
    assert.equal(parseManifest('a: 1\na: 2\n').problems[0]?.code, 'yaml-duplicate-key');
    assert.deepEqual(parseManifest('base: &b {x: 1}\nother: *b\n').value, { base: { x: 1 }, other: { x: 1 } });
    assert.ok(parseManifest('a:\n  b: 1\n c: 2\n').problems.length > 0);
  });
});
