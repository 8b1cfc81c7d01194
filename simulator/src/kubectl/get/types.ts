/**
 * What the API server's table convertor hands kubectl: column definitions (priority 1 =
 * shown with `-o wide` only) and one row of cells per object. Mirrors metav1.Table as built
 * by kubernetes' pkg/printers/internalversion/printers.go (v1.30); kubectl then adds the
 * NAMESPACE and LABELS columns and aligns everything.
 */
import type { Json } from '../fields';

export type Cell = string | number | boolean;

export interface Column {
  /** As the server names it (`Up-to-date`); kubectl prints it upper-cased. */
  name: string;
  /** 0: always shown; 1: `-o wide` only. */
  priority?: number;
}

export interface RowContext {
  now: number;
  wide: boolean;
}

export interface TableDefinition {
  columns: readonly Column[];
  /** All cells of the row; the wide cells may be omitted when `wide` is false. */
  row(object: Json, context: RowContext): Cell[];
}

/** A column shown only with `-o wide`. */
export const wideColumn = (name: string): Column => ({ name, priority: 1 });
