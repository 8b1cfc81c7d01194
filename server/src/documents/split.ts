/**
 * Splits a multi-document YAML file on its `---` markers before parsing, so that each
 * document is parsed, validated and cached on its own: an edit to one document only
 * re-validates that one, and a huge file is processed a document at a time.
 */

/** One document of a file: its text and where it starts. */
export interface Chunk {
  /** The document's text, its `---` marker line included. */
  text: string;
  /** Offset of the chunk's first character in the file (UTF-16 units, as LSP counts). */
  offset: number;
  /** Zero-based line of the chunk's first character in the file. */
  line: number;
}

// A document marker: `---` at column 0, followed by a space, a tab, or the end of the line.
const MARKER = /^---(?=[ \t]|\r?$)/gm;

/** The documents of `text`, in order. A file without markers is one chunk. */
export function splitDocuments(text: string): Chunk[] {
  const starts: number[] = [0];
  for (const match of text.matchAll(MARKER)) if (match.index > 0) starts.push(match.index);
  const chunks: Chunk[] = [];
  let line = 0;
  let previous = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    line += countLines(text, previous, start);
    previous = start;
    chunks.push({ text: text.slice(start, starts[i + 1] ?? text.length), offset: start, line });
  }
  return chunks;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
