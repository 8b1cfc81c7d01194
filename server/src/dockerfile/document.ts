/**
 * Which documents are Dockerfiles, and their parse, done once per (uri, version)
 * (STYLE.md, habit 2). The parser itself is the simulator's: `docker build` reads the same
 * Dockerfile the editor diagnoses.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDockerfile, type Dockerfile, type Instruction } from '../../../simulator/src/docker/dockerfile';

export interface DockerfileDocument {
  /** For positions (offsetAt / positionAt) and the text. */
  document: TextDocument;
  dockerfile: Dockerfile;
}

/**
 * True for VS Code's `dockerfile` language, and for files named like Dockerfiles
 * (`Dockerfile`, `Dockerfile.dev`, `app.dockerfile`, `Containerfile`) whatever language the
 * client said: editors without a Dockerfile mode still get the features.
 */
export function isDockerfile(document: Pick<TextDocument, 'uri' | 'languageId'>): boolean {
  if (document.languageId === 'dockerfile') return true;
  const name = decodeURIComponent(document.uri.split(/[/\\]/).pop() ?? '');
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

/** Keeps the last parse of each open Dockerfile. */
export class DockerfileCache {
  private readonly parsed = new Map<string, { version: number; value: DockerfileDocument }>();

  get(document: TextDocument): DockerfileDocument {
    const known = this.parsed.get(document.uri);
    if (known && known.version === document.version && known.value.document === document) return known.value;
    const value = { document, dockerfile: parseDockerfile(document.getText()) };
    this.parsed.set(document.uri, { version: document.version, value });
    return value;
  }

  delete(uri: string): void {
    this.parsed.delete(uri);
  }
}

/** The instruction whose text (continuations and heredocs included) holds `offset`. */
export function instructionAt(dockerfile: Dockerfile, offset: number): Instruction | undefined {
  return dockerfile.instructions.find((instruction) => instruction.start <= offset && offset <= instruction.end);
}
