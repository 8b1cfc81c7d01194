// Generates simulator/src/api/generated/schemas.json: one JSON Schema definition for every
// type declared by the `kubernetes-types` package (the Kubernetes v1.30 API as TypeScript
// declarations), read with the TypeScript compiler API. Nothing here is hand-written
// schema: the shape, the descriptions, the required properties and the literal
// apiVersion/kind all come from the .d.ts files. What the .d.ts files cannot say (which
// numbers are integers, that `number | string` is an IntOrString) is stated below, once.
//
// It also writes simulator/src/api/generated/validators.js: ajv's standalone code for every
// top-level kind, so that the first validation of a kind costs no compilation at run time
// (compiling the Pod schema tree takes ajv 100-250 ms; loading the precompiled code ~30 ms).
// Other definitions are compiled by ajv at run time, lazily (simulator/src/api/validation/schema.ts).
//
// Usage: node scripts/generate-api-schemas.mjs [--check]
//   --check  exit 1 if the committed files differ from what would be generated
import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const typesRoot = join(root, 'node_modules', 'kubernetes-types');
const output = join(root, 'simulator', 'src', 'api', 'generated', 'schemas.json');
const validatorsOutput = join(root, 'simulator', 'src', 'api', 'generated', 'validators.js');

/**
 * The ajv options both the precompiled and the run-time validators use; the run-time engine
 * reads them from generated/ajv-options.json so the two cannot drift apart.
 * allErrors: report every unknown field at once, like strict field validation does.
 * validateFormats off: Time and Quantity are checked by the API rules, with the API's texts.
 */
const AJV_OPTIONS = { allErrors: true, validateFormats: false, strict: false, inlineRefs: false, messages: false };
const AJV_KEYWORDS = ['x-kubernetes-group-version-kind', 'x-kubernetes-int-or-string'];
const optionsOutput = join(root, 'simulator', 'src', 'api', 'generated', 'ajv-options.json');

/**
 * Kubernetes' OpenAPI uses `number` (double) for very few fields; everything else typed
 * `number` in kubernetes-types is an int32 or int64, which the API server's JSON decoder
 * rejects when given a fraction. These are the doubles of the v1.30 API.
 */
const DOUBLE_PROPERTIES = new Set([
  'apiextensions.v1.JSONSchemaProps.maximum',
  'apiextensions.v1.JSONSchemaProps.minimum',
  'apiextensions.v1.JSONSchemaProps.multipleOf',
]);

/**
 * The int64 fields of the v1.30 Go types reachable from the course kinds (every other
 * integer is an int32). The JSON decoder names the Go type in its errors
 * (`... of type int64`), so the schema carries it as `format`.
 */
const INT64_PROPERTIES = new Set([
  'meta.v1.ObjectMeta.generation',
  'meta.v1.ObjectMeta.deletionGracePeriodSeconds',
  'meta.v1.ListMeta.remainingItemCount',
  'meta.v1.Condition.observedGeneration',
  'core.v1.PodSpec.terminationGracePeriodSeconds',
  'core.v1.PodSpec.activeDeadlineSeconds',
  'core.v1.PodSecurityContext.runAsUser',
  'core.v1.PodSecurityContext.runAsGroup',
  'core.v1.PodSecurityContext.fsGroup',
  'core.v1.PodSecurityContext.supplementalGroups',
  'core.v1.SecurityContext.runAsUser',
  'core.v1.SecurityContext.runAsGroup',
  'core.v1.Probe.terminationGracePeriodSeconds',
  'core.v1.SleepAction.seconds',
  'core.v1.Toleration.tolerationSeconds',
  'core.v1.ServiceAccountTokenProjection.expirationSeconds',
  'core.v1.ContainerImage.sizeBytes',
  'apps.v1.DeploymentStatus.observedGeneration',
  'apps.v1.ReplicaSetStatus.observedGeneration',
  'apps.v1.StatefulSetStatus.observedGeneration',
  'apps.v1.DaemonSetStatus.observedGeneration',
  'apps.v1.ControllerRevision.revision',
  'batch.v1.JobSpec.activeDeadlineSeconds',
  'batch.v1.CronJobSpec.startingDeadlineSeconds',
  'autoscaling.v2.HorizontalPodAutoscalerStatus.observedGeneration',
  'autoscaling.v1.HorizontalPodAutoscalerStatus.observedGeneration',
  'policy.v1.PodDisruptionBudgetStatus.observedGeneration',
]);

/** Type aliases of the package that stand for Kubernetes' special string types. */
const SPECIAL_ALIASES = {
  'api.resource.Quantity': { type: ['string', 'number'], format: 'quantity' },
  'meta.v1.Time': { type: 'string', format: 'date-time' },
  'meta.v1.MicroTime': { type: 'string', format: 'date-time' },
};

function listDeclarationFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...listDeclarationFiles(path));
    else if (entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** `apps/v1.d.ts` -> `apps.v1`; `runtime.d.ts` -> `runtime`. */
function moduleId(file) {
  return relative(typesRoot, file).replace(/\.d\.ts$/, '').split(/[\\/]/).join('.');
}

function docOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').trim();
  return text === '' ? undefined : text;
}

function isReadonly(member) {
  return member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
}

/** Maps each imported name of a file to the module id it comes from. */
function importsOf(source, file) {
  const imports = new Map();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
    const target = join(dirname(file), statement.moduleSpecifier.text) + '.d.ts';
    const bindings = statement.importClause.namedBindings;
    if (!ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      imports.set(element.name.text, `${moduleId(target)}.${(element.propertyName ?? element.name).text}`);
    }
  }
  return imports;
}

function generate() {
  const definitions = {};
  for (const file of listDeclarationFiles(typesRoot)) {
    const id = moduleId(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = importsOf(source, file);
    const refName = (name) => imports.get(name) ?? `${id}.${name}`;

    const convert = (node, propertyKey) => {
      switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
          return { type: 'string' };
        case ts.SyntaxKind.BooleanKeyword:
          return { type: 'boolean' };
        case ts.SyntaxKind.NumberKeyword:
          if (DOUBLE_PROPERTIES.has(propertyKey)) return { type: 'number' };
          return { type: 'integer', format: INT64_PROPERTIES.has(propertyKey) ? 'int64' : 'int32' };
        case ts.SyntaxKind.LiteralType:
          if (ts.isStringLiteral(node.literal)) return { type: 'string', const: node.literal.text };
          if (node.literal.kind === ts.SyntaxKind.TrueKeyword) return { type: 'boolean', const: true };
          if (node.literal.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean', const: false };
          break;
        case ts.SyntaxKind.ArrayType:
          return { type: 'array', items: convert(node.elementType, propertyKey) };
        case ts.SyntaxKind.TypeReference: {
          const name = node.typeName.getText(source);
          if (name === 'Array' && node.typeArguments?.length === 1) {
            return { type: 'array', items: convert(node.typeArguments[0], propertyKey) };
          }
          return { $ref: `#/definitions/${refName(name)}` };
        }
        case ts.SyntaxKind.UnionType: {
          const kinds = node.types.map((t) => t.kind).sort();
          // `number | string` is how kubernetes-types spells intstr.IntOrString.
          if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) {
            return { type: ['integer', 'string'], format: 'int-or-string', 'x-kubernetes-int-or-string': true };
          }
          return { anyOf: node.types.map((t) => convert(t, propertyKey)) };
        }
        case ts.SyntaxKind.TypeLiteral: {
          const index = node.members.find(ts.isIndexSignatureDeclaration);
          if (index && node.members.length === 1) {
            return { type: 'object', additionalProperties: convert(index.type, propertyKey) };
          }
          return objectSchema(node.members, propertyKey);
        }
        case ts.SyntaxKind.ParenthesizedType:
          return convert(node.type, propertyKey);
        default:
          break;
      }
      throw new Error(`${id}: unsupported type ${ts.SyntaxKind[node.kind]} at ${propertyKey}: ${node.getText(source)}`);
    };

    const objectSchema = (members, owner) => {
      const properties = {};
      const required = [];
      for (const member of members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const key = member.name.getText(source).replace(/^"|"$/g, '');
        const property = { ...convert(member.type, `${owner}.${key}`) };
        const description = docOf(member);
        if (description) property.description = description;
        if (isReadonly(member)) property.readOnly = true;
        properties[key] = property;
        if (!member.questionToken) required.push(key);
      }
      const schema = { type: 'object', properties, additionalProperties: false };
      if (required.length > 0) schema.required = required;
      return schema;
    };

    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        const name = `${id}.${statement.name.text}`;
        const schema = objectSchema(statement.members, name);
        const description = docOf(statement);
        const { apiVersion, kind } = schema.properties;
        const ordered = { ...(description ? { description } : {}), ...schema };
        // An interface with literal apiVersion and kind is a top-level kind: tag it the way
        // the API server's OpenAPI does, so tools can find the schema for a manifest.
        if (apiVersion?.const && kind?.const) {
          const [group, version] = apiVersion.const.includes('/') ? apiVersion.const.split('/') : ['', apiVersion.const];
          ordered['x-kubernetes-group-version-kind'] = [{ group, version, kind: kind.const }];
        }
        // RawExtension holds any embedded object (a Pod in a ControllerRevision, ...).
        if (name === 'runtime.RawExtension') {
          definitions[name] = { ...(description ? { description } : {}), type: 'object' };
          continue;
        }
        definitions[name] = ordered;
      } else if (ts.isTypeAliasDeclaration(statement)) {
        const name = `${id}.${statement.name.text}`;
        const description = docOf(statement);
        const schema = SPECIAL_ALIASES[name] ?? convert(statement.type, name);
        definitions[name] = { ...(description ? { description } : {}), ...schema };
      }
    }
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  const version = JSON.parse(readFileSync(join(typesRoot, 'package.json'), 'utf8')).version;
  return { $schema: 'http://json-schema.org/draft-07/schema#', 'x-kubernetes-types-version': version, definitions: sorted };
}

/** ajv standalone code exporting one validator per top-level kind: `apps_v1_Deployment`. */
function generateValidators(bundle) {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  ajv.addVocabulary(AJV_KEYWORDS);
  ajv.addSchema(bundle, 'k8s');
  const refs = {};
  for (const [name, schema] of Object.entries(bundle.definitions)) {
    const gvk = schema['x-kubernetes-group-version-kind'];
    if (gvk && !gvk[0].kind.endsWith('List')) refs[name.replace(/\./g, '_')] = `k8s#/definitions/${name}`;
  }
  return `// Generated by scripts/generate-api-schemas.mjs from kubernetes-types: do not edit.\n${standaloneCode(ajv, refs)}\n`;
}

const bundle = generate();
const outputs = [
  [output, JSON.stringify(bundle, null, 1) + '\n'],
  [optionsOutput, JSON.stringify({ options: AJV_OPTIONS, keywords: AJV_KEYWORDS }, null, 2) + '\n'],
  [validatorsOutput, generateValidators(bundle)],
];
if (process.argv.includes('--check')) {
  for (const [file, text] of outputs) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing file: reported as a difference below
    }
    if (current !== text) {
      console.error(`${relative(root, file)} is out of date: run node scripts/generate-api-schemas.mjs`);
      process.exitCode = 1;
    }
  }
} else {
  mkdirSync(dirname(output), { recursive: true });
  for (const [file, text] of outputs) writeFileSync(file, text);
  console.log(`${relative(root, output)}: ${Object.keys(bundle.definitions).length} definitions; ${relative(root, validatorsOutput)}: ${(outputs[2][1].length / 1e6).toFixed(1)} MB`);
}
