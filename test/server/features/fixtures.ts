/**
 * Fixtures for the editor-feature tests (STYLE.md, habit 10): a caret marker in the YAML
 * says where the cursor is, so a test reads like the situation it checks:
 * `withCaret('spec:\n  repl|icas: 3')`.
 */
import { documentAtOffset, ParseCache, parseFile, type ManifestDocument, type ManifestFile } from '../../../server/src/documents/file';

export interface CaretText {
  /** The text without its marker. */
  text: string;
  /** Where the marker was: the cursor's offset in `text`. */
  offset: number;
}

/**
 * Removes the one caret marker of `source` and returns the text and the marker's offset.
 * The marker defaults to `|`; pass another one (`'¦'`) when the YAML itself holds a `|`
 * (block scalars). Throws unless there is exactly one marker: a fixture with none or two
 * is a broken test, not a situation.
 */
export function withCaret(source: string, marker = '|'): CaretText {
  const offset = source.indexOf(marker);
  if (offset === -1) throw new Error(`withCaret: no caret marker ${JSON.stringify(marker)} in the fixture`);
  if (source.indexOf(marker, offset + marker.length) !== -1) {
    throw new Error(`withCaret: more than one caret marker ${JSON.stringify(marker)} in the fixture`);
  }
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

/** A whole file parsed as the server parses it (own cache per call: tests stay independent). */
export function fileOf(text: string, uri = 'file:///fixture.yaml'): ManifestFile {
  return parseFile(uri, 1, text, new ParseCache());
}

/** The document under the caret and the caret's offset in that document's chunk. */
export function documentAtCaret(source: string, marker = '|'): { document: ManifestDocument; chunkOffset: number; text: string; offset: number } {
  const { text, offset } = withCaret(source, marker);
  const document = documentAtOffset(text, offset, new ParseCache());
  if (!document) throw new Error('documentAtCaret: the fixture has no document');
  return { document, chunkOffset: offset - document.offset, text, offset };
}
