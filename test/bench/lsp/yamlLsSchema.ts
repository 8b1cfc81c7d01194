/**
 * Our generated Kubernetes schemas (simulator/src/api/generated/schemas.json) as the one
 * JSON Schema file yaml-language-server needs for the side-by-side benchmark: a root that
 * picks a kind's definition from the document's apiVersion and kind (one `if`/`then` per
 * served kind), and every definition copied as is (its `$ref`s keep working because they
 * point into the same `definitions`). Both servers then know exactly the same API.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KINDS } from '../../../simulator/src/api/catalog';
import { definition, SCHEMA_BUNDLE } from '../../../simulator/src/api/schemas';

/** The root schema: draft-07, `definitions` from our bundle, one branch per served kind. */
export function yamlLsSchema(): Record<string, unknown> {
  const branches = KINDS.filter((info) => definition(info.definition) !== undefined).map((info) => ({
    if: {
      properties: { apiVersion: { const: info.apiVersion }, kind: { const: info.kind } },
      required: ['apiVersion', 'kind'],
    },
    then: { $ref: `#/definitions/${info.definition}` },
  }));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes v1.30 (atelier-kubernetes)',
    type: 'object',
    required: ['apiVersion', 'kind'],
    allOf: branches,
    definitions: SCHEMA_BUNDLE.definitions,
  };
}

/** Writes the schema to a fresh temporary folder and returns its file URL. */
export function writeYamlLsSchema(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-yamlls-'));
  const file = join(dir, 'kubernetes.schema.json');
  writeFileSync(file, JSON.stringify(yamlLsSchema()));
  return pathToFileURL(file).href;
}
