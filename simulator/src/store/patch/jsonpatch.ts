/**
 * JSON Patch (RFC 6902, `application/json-patch+json`), as the API server applies it
 * with evanphx/json-patch: `kubectl rollout undo` replaces the pod template this way, and
 * `kubectl patch --type json` sends it. Operations apply in order to a copy; the first
 * that fails stops the patch with the library's message.
 */
import { StatusError } from '../../api/errors';
import { clone, deepEqual, isJsonObject } from '../json';

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

const FR = "Le patch JSON (RFC 6902) n'a pas pu s'appliquer : vérifie les chemins (/spec/replicas) et que les éléments visés existent.";

/** The API server answers a patch that cannot apply with 422 or 500; kubectl prints the message. */
function failure(message: string): StatusError {
  return new StatusError('Invalid', 422, message, FR);
}

/** RFC 6901: `/spec/containers/0/image`, `~1` for `/` and `~0` for `~`. */
function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw failure(`add operation does not apply: doc is missing path: "${pointer}": missing value`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

/** The parent of the pointed location and the last key. */
function locate(document: unknown, pointer: string, op: string): { parent: Container; key: string } {
  const parts = parsePointer(pointer);
  if (parts.length === 0) throw failure(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  let current: unknown = document;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isJsonObject(current)) current = current[part];
    else current = undefined;
    if (current === undefined || current === null || typeof current !== 'object') {
      throw failure(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
    }
  }
  return { parent: current as Container, key: parts[parts.length - 1]! };
}

function arrayIndex(parent: unknown[], key: string, pointer: string, op: string, forInsert: boolean): number {
  if (forInsert && key === '-') return parent.length;
  const index = /^\d+$/.test(key) ? Number(key) : NaN;
  const limit = forInsert ? parent.length : parent.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > limit) throw failure(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  return index;
}

function read(document: unknown, pointer: string, op: string): unknown {
  const parts = parsePointer(pointer);
  let current: unknown = document;
  for (const part of parts) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isJsonObject(current) && Object.hasOwn(current, part)) current = current[part];
    else current = undefined;
    if (current === undefined) throw failure(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  }
  return current;
}

function add(document: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '') return clone(value);
  const { parent, key } = locate(document, pointer, 'add');
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, 'add', true), 0, clone(value));
  else parent[key] = clone(value);
  return document;
}

function remove(document: unknown, pointer: string, op = 'remove'): unknown {
  const { parent, key } = locate(document, pointer, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, op, false), 1);
  else if (Object.hasOwn(parent, key)) delete parent[key];
  else throw failure(`${op} operation does not apply: doc is missing path: "${pointer}": missing value`);
  return document;
}

function replace(document: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '') return clone(value);
  const { parent, key } = locate(document, pointer, 'replace');
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, pointer, 'replace', false)] = clone(value);
  else if (Object.hasOwn(parent, key)) parent[key] = clone(value);
  else throw failure(`replace operation does not apply: doc is missing key: ${pointer}: missing value`);
  return document;
}

/** Applies the operations to a copy of `document`. */
export function applyJsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new StatusError('BadRequest', 400, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch', 'Un patch JSON est une liste d’opérations : [{"op": "replace", "path": "/spec/replicas", "value": 3}].');
  let result = clone(document);
  for (const raw of operations) {
    const operation = (isJsonObject(raw) ? raw : {}) as unknown as Operation;
    const path = typeof operation.path === 'string' ? operation.path : '';
    switch (operation.op) {
      case 'add':
        result = add(result, path, operation.value);
        break;
      case 'remove':
        result = remove(result, path);
        break;
      case 'replace':
        result = replace(result, path, operation.value);
        break;
      case 'move': {
        const value = read(result, operation.from ?? '', 'move');
        result = add(remove(result, operation.from ?? '', 'move'), path, value);
        break;
      }
      case 'copy':
        result = add(result, path, read(result, operation.from ?? '', 'copy'));
        break;
      case 'test':
        if (!deepEqual(read(result, path, 'test'), operation.value)) throw failure(`testing value ${path} failed: test failed`);
        break;
      default:
        throw failure(`Unexpected kind: ${String(operation.op)}`);
    }
  }
  return result;
}
