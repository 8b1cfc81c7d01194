/**
 * Parse once (STYLE.md, habit 2): a file is split into documents, and each document is
 * parsed once per distinct text. The cache is owned by the server instance; an edit to
 * one document of a file leaves the others' parses (and everything computed from them)
 * in place.
 */
import { parseManifest, type ParsedManifest } from './manifest';
import { splitDocuments, type Chunk } from './split';

/** One document of a file: where it is, and its parse. */
export interface ManifestDocument extends Chunk {
  index: number;
  parsed: ParsedManifest;
}

export interface ManifestFile {
  uri: string;
  version: number;
  text: string;
  documents: ManifestDocument[];
  /** True when at least one document is a Kubernetes object. */
  isKubernetes: boolean;
}

/** Files bigger than this are not analysed (a clear diagnostic says so). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Keeps the last parses by document text; bounded so that memory stays flat. */
export class ParseCache {
  private readonly entries = new Map<string, ParsedManifest>();

  constructor(private readonly capacity = 20_000) {}

  parse(text: string): ParsedManifest {
    const hit = this.entries.get(text);
    if (hit) {
      // Refresh the entry's place in the insertion order (least recently used goes first).
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const parsed = parseManifest(text);
    this.entries.set(text, parsed);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return parsed;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Splits and parses a whole file (each document through the cache). */
export function parseFile(uri: string, version: number, text: string, cache: ParseCache): ManifestFile {
  const documents = splitDocuments(text).map((chunk, index) => ({ ...chunk, index, parsed: cache.parse(chunk.text) }));
  return { uri, version, text, documents, isKubernetes: documents.some((document) => document.parsed.isKubernetes) };
}

/**
 * The document holding file offset `offset`, parsed (through the cache) without parsing
 * the rest of the file: hover and completion stay fast on huge files, even while a
 * diagnostics pass is still working through them.
 */
export function documentAtOffset(text: string, offset: number, cache: ParseCache): ManifestDocument | undefined {
  const chunks = splitDocuments(text);
  let index = 0;
  for (let i = 0; i < chunks.length; i++) if (chunks[i]!.offset <= offset) index = i;
  const chunk = chunks[index];
  return chunk ? { ...chunk, index, parsed: cache.parse(chunk.text) } : undefined;
}
