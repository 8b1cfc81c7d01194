/** Reading the plain JSON the store hands out, without trusting its shape. */
import { isJsonObject, type JsonObject } from '../store/json';

/** The value if it is an object, else an empty one. */
export const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** The objects of an array (anything else is skipped). */
export const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** A scalar as text (`fallback` for anything else: absent, object, array). */
export function text(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}
