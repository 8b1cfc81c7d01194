/**
 * Finds where a path lies in block-style YAML text without building a YAML tree: the
 * fast path of diagnostics. Most manifests are block style (`key: value`, `- item`); for
 * anything this walker does not follow (flow collections, block scalars on the way,
 * complex keys) it answers undefined and the caller uses the full parser instead.
 */
import type { Span } from './positions';

interface Line {
  start: number;
  /** Column of the first non-space character; -1 for blank lines and comments. */
  column: number;
  text: string;
}

interface Block {
  /** Lines [first, end) of the block. */
  first: number;
  end: number;
  /** Column where the block's entries start. */
  column: number;
}

export class TextLocator {
  private readonly lines: Line[] = [];

  constructor(text: string) {
    let start = 0;
    for (const raw of text.split('\n')) {
      const trimmed = raw.replace(/\s+$/, '');
      const column = trimmed.search(/\S/);
      this.lines.push({ start, column: column === -1 || trimmed[column] === '#' ? -1 : column, text: trimmed });
      start += raw.length + 1;
    }
  }

  /** The root block: the document's top-level keys (after a `---` marker line). */
  private root(): Block {
    let first = 0;
    while (first < this.lines.length && (this.lines[first]!.column === -1 || this.lines[first]!.text.startsWith('---'))) {
      if (this.lines[first]!.text.startsWith('---') && this.lines[first]!.text.trim() !== '---') return { first, end: first, column: 0 };
      first++;
    }
    return { first, end: this.lines.length, column: 0 };
  }

  /** Entries of a block: [line, column of the entry's content]. */
  private *entries(block: Block): Generator<[number, number]> {
    for (let i = block.first; i < block.end; i++) {
      const line = this.lines[i]!;
      if (line.column === -1) continue;
      if (i === block.first && line.column < block.column) {
        // The first line of a list item: `- key: value`, content after the dash.
        yield [i, block.column];
      } else if (line.column === block.column) yield [i, block.column];
      else if (line.column < block.column) return;
    }
  }

  /** Lines after `line` that are deeper than `column` (or a same-column sequence), as a block. */
  private childBlock(line: number, column: number): Block | undefined {
    let first = line + 1;
    while (first < this.lines.length && this.lines[first]!.column === -1) first++;
    if (first >= this.lines.length) return undefined;
    const child = this.lines[first]!;
    const isSequence = child.text.slice(child.column).startsWith('- ') || child.text.slice(child.column) === '-';
    if (child.column < column || (child.column === column && !isSequence)) return undefined;
    let end = first;
    while (end < this.lines.length) {
      const current = this.lines[end]!;
      if (current.column !== -1 && (current.column < child.column || (current.column === child.column && isSequence && !current.text.slice(current.column).startsWith('-')))) break;
      end++;
    }
    return { first, end, column: child.column };
  }

  /**
   * The span of the key of the deepest existing segment of `path`, and how deep it got;
   * undefined when the text is not plain block style along the way.
   */
  locate(path: readonly (string | number)[]): { span: Span; depth: number; found: boolean } | undefined {
    let block: Block | undefined = this.root();
    let best: Span | undefined;
    const firstEntry = this.entries(block).next().value as [number, number] | undefined;
    if (firstEntry) best = this.keySpan(firstEntry[0], firstEntry[1]);
    let depth = 0;
    for (const [index, segment] of path.entries()) {
      if (!block) break;
      if (typeof segment === 'string') {
        const found = this.findKey(block, segment);
        if (found === null) return undefined;
        if (!found) break;
        // Inside a flow collection ({...}, [...]): the full parser knows the way.
        if (found.flow && index < path.length - 1) return undefined;
        best = found.span;
        block = found.child;
      } else {
        const item = this.findItem(block, segment);
        if (item === null) return undefined;
        if (!item) break;
        best = item.span;
        block = item.block;
      }
      depth++;
    }
    return best ? { span: best, depth, found: depth === path.length } : undefined;
  }

  private keySpan(line: number, column: number): Span | undefined {
    const text = this.lines[line]!.text;
    const match = /^("[^"]*"|'[^']*'|[^\s#:][^:#]*?)\s*:(?=\s|$)/.exec(text.slice(column));
    if (!match) return undefined;
    const start = this.lines[line]!.start + column;
    return [start, start + match[1]!.length];
  }

  /** `{span, child}` for `key` in a map block; undefined if absent; null if the block is not a plain map. */
  private findKey(block: Block, key: string): { span: Span; child: Block | undefined; flow: boolean } | undefined | null {
    for (const [line, column] of this.entries(block)) {
      const text = this.lines[line]!.text.slice(column);
      if (text.startsWith('- ') || text.startsWith('{') || text.startsWith('[')) return null;
      const match = /^("([^"]*)"|'([^']*)'|([^\s#:][^:#]*?))\s*:(?=\s|$)(.*)$/.exec(text);
      if (!match) return null;
      const name = match[2] ?? match[3] ?? match[4]!;
      if (name !== key) continue;
      const start = this.lines[line]!.start + column;
      const rest = match[5]!.trim();
      // A block scalar or an anchor after the key: not followed here.
      if (/^[|>&!*]/.test(rest)) return null;
      const child = rest === '' || rest.startsWith('#') ? this.childBlock(line, column) : undefined;
      if (rest.startsWith('{') || rest.startsWith('[')) return { span: [start, start + match[1]!.length], child: undefined, flow: true };
      return { span: [start, start + match[1]!.length], child, flow: false };
    }
    return undefined;
  }

  /** The `index`-th item of a sequence block; null if the block is not a plain sequence. */
  private findItem(block: Block, index: number): { span: Span; block: Block } | undefined | null {
    let count = 0;
    for (const [line, column] of this.entries(block)) {
      const text = this.lines[line]!.text.slice(column);
      if (!(text.startsWith('- ') || text === '-')) return null;
      if (count++ !== index) continue;
      const content = column + 2 + (text.slice(2).search(/\S|$/));
      let end = line + 1;
      while (end < this.lines.length && (this.lines[end]!.column === -1 || this.lines[end]!.column > column)) end++;
      const item: Block = { first: line, end, column: content };
      const span = this.keySpan(line, content) ?? [this.lines[line]!.start + content, this.lines[line]!.start + this.lines[line]!.text.length];
      return { span, block: item };
    }
    return undefined;
  }
}
