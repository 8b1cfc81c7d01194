import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS } from '../../../simulator/src/api/catalog';
import { SCHEMA_BUNDLE } from '../../../simulator/src/api/schemas';
import { writeYamlLsSchema, yamlLsSchema } from './yamlLsSchema';

interface Branch {
  if: { properties: { apiVersion: { const: string }; kind: { const: string } }; required: string[] };
  then: { $ref: string };
}

// The benchmark itself checks that yaml-language-server validates with this schema
// (servers.ts, assertYamlLsValidates); here, its shape.
describe('bench: the JSON Schema given to yaml-language-server', () => {
  const schema = yamlLsSchema() as { allOf: Branch[]; definitions: Record<string, unknown>; required: string[] };

  it('chooses each served kind’s definition by apiVersion and kind', () => {
    assert.equal(schema.allOf.length, KINDS.length);
    const deployment = schema.allOf.find((b) => b.if.properties.kind.const === 'Deployment');
    assert.deepEqual(deployment, {
      if: { properties: { apiVersion: { const: 'apps/v1' }, kind: { const: 'Deployment' } }, required: ['apiVersion', 'kind'] },
      then: { $ref: '#/definitions/apps.v1.Deployment' },
    });
    const hpa = schema.allOf.filter((b) => b.if.properties.kind.const === 'HorizontalPodAutoscaler').map((b) => b.then.$ref);
    assert.deepEqual(hpa.sort(), ['#/definitions/autoscaling.v1.HorizontalPodAutoscaler', '#/definitions/autoscaling.v2.HorizontalPodAutoscaler']);
  });

  it('copies every definition, so that every $ref resolves', () => {
    assert.equal(schema.definitions, SCHEMA_BUNDLE.definitions);
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? [];
    assert.ok(refs.length > 1_000);
    for (const ref of new Set(refs)) assert.ok(Object.hasOwn(schema.definitions, ref.slice('"$ref":"#/definitions/'.length, -1)), ref);
  });

  it('is written as one JSON file, given to the server by URL', () => {
    const url = writeYamlLsSchema();
    assert.match(url, /^file:\/\/.*\/kubernetes\.schema\.json$/);
    const file = fileURLToPath(url);
    try {
      assert.deepEqual(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object), Object.keys(schema));
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});
