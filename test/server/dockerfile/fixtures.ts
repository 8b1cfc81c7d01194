import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';
import { DockerfileCache, type DockerfileDocument } from '../../../server/src/dockerfile/document';

/** A Dockerfile document from its text (uri file:///atelier/Dockerfile). */
export function dockerfileDocument(text: string, uri = 'file:///atelier/Dockerfile'): DockerfileDocument {
  return new DockerfileCache().get(TextDocument.create(uri, 'dockerfile', 1, text));
}

/** The document of `source` without its caret `|`, and the caret's position. */
export function atCaret(source: string): { doc: DockerfileDocument; position: Position } {
  const at = source.indexOf('|');
  if (at < 0) throw new Error(`no caret in ${JSON.stringify(source)}`);
  const doc = dockerfileDocument(source.slice(0, at) + source.slice(at + 1));
  return { doc, position: doc.document.positionAt(at) };
}
