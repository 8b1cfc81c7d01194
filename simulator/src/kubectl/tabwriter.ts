/**
 * Go's text/tabwriter, the aligner behind every kubectl table and `describe`: cells are
 * terminated by a tab, a column block is a run of consecutive lines that have a cell in
 * that column, and each block is as wide as its widest cell plus the padding (never less
 * than `minWidth`). The last cell of a line is not part of any column and is not padded.
 * Widths count characters (Go counts runes), so accented French text aligns too.
 */

export interface TabwriterOptions {
  /** Minimal cell width, padding included. */
  minWidth: number;
  /** Spaces added to the widest cell of a column block. */
  padding: number;
}

/** kubectl get: cli-runtime's GetNewTabWriter (minwidth 6, padding 3). */
export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe: tabbedString's writer (minwidth 0, padding 2). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

function runeLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one rune.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    count++;
  }
  return count;
}

/**
 * Aligns `text` (lines separated by `\n`, cells by `\t`) as one tabwriter flush.
 * A trailing newline is kept; text after the last newline is written as is.
 */
export function alignTabs(text: string, options: TabwriterOptions): string {
  if (!text.includes('\t')) return text;
  const rawLines = text.split('\n');
  const lines = rawLines.map((line) => line.split('\t'));
  const widths: number[] = [];
  const cellWidths = lines.map((cells) => cells.map(runeLength));
  const out: string[] = new Array<string>(lines.length);

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let line = '';
      for (let j = 0; j < cells.length; j++) {
        line += cells[j];
        if (j < widths.length && j < cells.length - 1) line += ' '.repeat(Math.max(0, widths[j]! - cellWidths[i]![j]!));
      }
      out[i] = line;
    }
  };

  // Mirrors tabwriter.(*Writer).format: recursive column blocks.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current]!.length - 1) continue;
      writeLines(start, current);
      start = current;
      let width = options.minWidth;
      for (; current < line1; current++) {
        const cells = lines[current]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, cellWidths[current]![column]! + options.padding);
      }
      widths.push(width);
      format(start, current);
      widths.pop();
      start = current;
      current--; // the outer loop increments; re-examine the line that ended the block
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Collects lines and flushes them through a tabwriter, like describe's PrefixWriter. */
export class TabBuffer {
  private readonly flushed: string[] = [];
  private pending = '';

  /** @param options undefined: no alignment, the text is kept as written. */
  constructor(private readonly options: TabwriterOptions | undefined) {}

  write(text: string): void {
    this.pending += text;
  }

  /** Aligns what was written since the last flush on its own (tabwriter.Flush). */
  flush(): void {
    if (this.pending !== '') this.flushed.push(this.options ? alignTabs(this.pending, this.options) : this.pending);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.flushed.join('');
  }
}
