/**
 * Golden files for the kubectl presentation tests: `golden/<name>.input.yaml` holds API
 * objects as the API server stores them, `golden/<name>.expected.txt` the exact text. The
 * expected files were checked against the real kubectl (v1.35 binary against a stub API
 * server, adjusted where v1.30 prints differently); `UPDATE_GOLDEN=1` rewrites them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findResource, type KindInfo } from '../../../simulator/src/api/catalog';

/** The `now` of every golden: one hour after the objects of the fixtures were created. */
export const NOW = Date.parse('2024-01-01T01:00:00Z');

const DIR = join(__dirname, 'golden');

export type Json = Record<string, unknown>;

/** The objects of `golden/<name>.input.yaml`. */
export function loadObjects(name: string): Json[] {
  const text = readFileSync(join(DIR, `${name}.input.yaml`), 'utf8');
  return parseAllDocuments(text)
    .map((doc) => doc.toJSON() as Json | null)
    .filter((o): o is Json => o !== null);
}

/** Asserts `actual` equals `golden/<file>` byte for byte (or writes it with UPDATE_GOLDEN=1). */
export function expectGolden(file: string, actual: string): void {
  const path = join(DIR, file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`missing golden file ${file}`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'));
}

/** The catalogue entry of a resource word, asserting it exists. */
export function resource(word: string): KindInfo {
  const info = findResource(word);
  assert.ok(info, `unknown resource ${word}`);
  return info;
}

/** The objects of one kind, optionally of one namespace. */
export function ofKind(objects: readonly Json[], info: KindInfo, namespace?: string): Json[] {
  return objects.filter((o) => o.kind === info.kind && (namespace === undefined || (o.metadata as Json).namespace === namespace));
}
