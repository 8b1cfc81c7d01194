/**
 * Request bodies in Kubernetes' protobuf encoding. client-go's generated clients send
 * built-in kinds as `application/vnd.kubernetes.protobuf` (they accept JSON answers, so
 * the facade answers in JSON), and kubectl uses them for `auth can-i`, `auth whoami`,
 * `drain`'s evictions and the `kubectl create KIND` generators. The body is `k8s\0` then
 * a runtime.Unknown envelope (typeMeta = 1, raw = 2) whose raw bytes are the object.
 * Decoding needs each message's field numbers, which are not in the JSON schemas
 * (protobufMessages.ts); other kinds get a 415 that says so.
 */
import type { JsonObject } from '../src/store/json';
import { MESSAGES, TOP_LEVEL, type Field } from './protobufMessages';
import { ApiFailure } from './status';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error('truncated varint');
      const byte = this.bytes[this.offset++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
  }

  take(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new Error('truncated field');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.take(8);
    else if (wireType === 2) this.take(this.varint());
    else if (wireType === 5) this.take(4);
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** Signed int64 from its varint (two's complement over 64 bits, as Go writes negative numbers). */
const signed = (value: number): number => (value >= 2 ** 63 ? value - 2 ** 64 : value);

/** The zero value of a non-pointer field, which JSON's omitempty leaves out. */
const isZero = (value: unknown): boolean => value === '' || value === 0 || value === false;

/** intstr.IntOrString: type = 1 (0 int, 1 string), intVal = 2, strVal = 3. */
function intOrString(bytes: Buffer): number | string {
  const fields = new Map<number, number | Buffer>();
  const reader = new Reader(bytes);
  while (!reader.done) {
    const key = reader.varint();
    fields.set(Math.floor(key / 8), key % 8 === 0 ? reader.varint() : reader.take(reader.varint()));
  }
  const text = fields.get(3);
  return fields.get(1) === 1 ? (Buffer.isBuffer(text) ? text.toString('utf8') : '') : Number(fields.get(2) ?? 0);
}

/** resource.Quantity: its string, field 1. */
function quantity(bytes: Buffer): string {
  const value = decodeMessage(bytes, 'Quantity').string;
  return typeof value === 'string' ? value : '';
}

/** A map entry (key = 1, value = 2) of a map field. */
function mapEntry(bytes: Buffer, type: string): [string, unknown] {
  const reader = new Reader(bytes);
  let key = '';
  let value: unknown = '';
  while (!reader.done) {
    const tag = reader.varint();
    const content = reader.take(reader.varint());
    if (tag >> 3 === 1) key = content.toString('utf8');
    else if (tag >> 3 === 2) value = type === 'bytesMap' ? content.toString('base64') : type === 'quantityMap' ? quantity(content) : content.toString('utf8');
  }
  return [key, value];
}

function decodeField(reader: Reader, wireType: number, field: Field): unknown {
  const type = field[1];
  if (wireType === 0) {
    const value = reader.varint();
    return type === 'bool' ? value !== 0 : signed(value);
  }
  const content = reader.take(reader.varint());
  switch (type) {
    case 'string':
      return content.toString('utf8');
    case 'bytes':
      return content.toString('base64');
    case 'intOrString':
      return intOrString(content);
    case 'quantity':
      return quantity(content);
    default:
      return decodeMessage(content, type);
  }
}

function decodeMessage(bytes: Buffer, name: string): JsonObject {
  const schema = MESSAGES[name]!;
  const reader = new Reader(bytes);
  const out: JsonObject = {};
  while (!reader.done) {
    const key = reader.varint();
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    const field = schema[number];
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    const [fieldName, type, ...flags] = field;
    if (type === 'map' || type === 'bytesMap' || type === 'quantityMap') {
      const [entryKey, entryValue] = mapEntry(reader.take(reader.varint()), type);
      ((out[fieldName] ??= {}) as Record<string, unknown>)[entryKey] = entryValue;
      continue;
    }
    const value = decodeField(reader, wireType, field);
    if (flags.includes('repeated')) ((out[fieldName] ??= []) as unknown[]).push(value);
    else if (flags.includes('pointer') || !isZero(value)) out[fieldName] = value;
  }
  return out;
}

/** True for a protobuf Content-Type. */
export const isProtobuf = (contentType: string): boolean => contentType.split(';')[0]!.trim().toLowerCase() === PROTOBUF_CONTENT_TYPE;

/** The object a protobuf body carries, as JSON; a 415 for the kinds not listed here. */
export function decodeProtobuf(body: Buffer): JsonObject {
  const unsupported = (kind: string): ApiFailure =>
    new ApiFailure(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (the simulated cluster does not read ${kind || 'this object'} in protobuf)`,
      `Le cluster simulé lit le JSON ; en protobuf, il ne comprend que certains objets. Pour créer ${kind || 'cet objet'}, passe par un manifeste : « kubectl apply -f fichier.yaml ».`,
    );
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) throw unsupported('');
  let envelope: JsonObject;
  let raw: Buffer | undefined;
  try {
    const reader = new Reader(body.subarray(MAGIC.length));
    envelope = {};
    while (!reader.done) {
      const key = reader.varint();
      if (key === 0x0a) envelope = decodeMessage(reader.take(reader.varint()), 'TypeMeta');
      else if (key === 0x12) raw = reader.take(reader.varint());
      else reader.skip(key % 8);
    }
  } catch (error) {
    throw new ApiFailure(400, 'BadRequest', `unable to decode protobuf body: ${(error as Error).message}`, "Le corps protobuf de la requête est illisible.");
  }
  const kind = typeof envelope.kind === 'string' ? envelope.kind : '';
  if (!TOP_LEVEL.has(kind) || !raw) throw unsupported(kind);
  try {
    return { ...(envelope.apiVersion ? { apiVersion: envelope.apiVersion } : {}), kind, ...decodeMessage(raw, kind) };
  } catch (error) {
    throw new ApiFailure(400, 'BadRequest', `unable to decode protobuf body: ${(error as Error).message}`, "Le corps protobuf de la requête est illisible.");
  }
}
