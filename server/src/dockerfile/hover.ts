/**
 * Hover for Dockerfiles, in French: on an instruction's keyword, what it does, its syntax
 * and an example, with the link to the Docker chapter of the course.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { chapterLink } from '../features/hover/markdown';
import { instructionAt, type DockerfileDocument } from './document';
import { keywordSpan } from './finding';
import { instructionDoc, type InstructionDoc } from './instructions';

/** The Markdown of an instruction's documentation. */
export function instructionMarkdown(doc: InstructionDoc): string {
  const sections = [`**${doc.keyword}**${doc.deprecated ? ' *(obsolète)*' : ''} — ${doc.summary}`, `\`\`\`dockerfile\n${doc.syntax.join('\n')}\n\`\`\``, doc.text];
  if (doc.example) sections.push(`Exemple :\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\``);
  const link = chapterLink('docker');
  if (link) sections.push(link);
  return sections.join('\n\n');
}

/** The hover at `position`, or null off a known keyword. */
export function dockerfileHover(doc: DockerfileDocument, position: Position): Hover | null {
  const offset = doc.document.offsetAt(position);
  const instruction = instructionAt(doc.dockerfile, offset);
  if (!instruction) return null;
  let [start, end] = keywordSpan(instruction);
  let keyword = instruction.keyword;
  // ONBUILD RUN …: the inner instruction is explained too.
  if (keyword === 'ONBUILD' && offset > end) {
    const inner = /^\S+/.exec(instruction.args);
    const at = instruction.original.indexOf(instruction.args);
    if (!inner || at < 0) return null;
    [start, end] = [instruction.start + at, instruction.start + at + inner[0].length];
    keyword = inner[0];
  }
  const found = instructionDoc(keyword);
  if (!found || offset < start || offset > end) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: instructionMarkdown(found) },
    range: { start: doc.document.positionAt(start), end: doc.document.positionAt(end) },
  };
}
