/**
 * Markdown pieces shared by the hovers: a documentation block (French text, or the
 * upstream English marked as such), its default and example, and the link that opens
 * the course chapter's walkthrough in VS Code.
 */
import { chapterById } from '../../../../simulator/src/api/chapters';
import type { DocText } from '../../../../simulator/src/api/docs/index';

/** The extension's id (`publisher.name` in package.json): walkthrough ids are qualified by it. */
export const EXTENSION_ID = 'atelier-kubernetes.atelier-kubernetes';

/**
 * `[Chapitre : <title>](command:workbench.action.openWalkthrough?…)`, or undefined for an
 * unknown chapter. Walkthrough ids are the chapter ids. The command takes its arguments as
 * a URI-encoded JSON array, as VS Code's command links do.
 */
export function chapterLink(chapterId: string | undefined): string | undefined {
  const chapter = chapterId ? chapterById(chapterId) : undefined;
  if (!chapter) return undefined;
  const args = encodeURIComponent(JSON.stringify([`${EXTENSION_ID}#${chapter.id}`]));
  return `[Chapitre : ${chapter.title}](command:workbench.action.openWalkthrough?${args})`;
}

/** A value written inline: in backticks unless the text already carries its own Markdown. */
function inline(text: string): string {
  return text.includes('`') ? text : `\`${text}\``;
}

/**
 * The description, default and example of a doc. Untranslated upstream text says so:
 * the learner should know why this paragraph is in English.
 */
export function docSections(doc: DocText | undefined): string[] {
  if (!doc) return [];
  const sections: string[] = [];
  if (doc.lang === 'fr') sections.push(doc.text);
  else sections.push(`*Description d'origine de l'API, en anglais (pas encore traduite) :*\n\n${doc.text}`);
  if (doc.default !== undefined) sections.push(`Par défaut : ${inline(doc.default)}`);
  if (doc.example !== undefined) sections.push(`Exemple :\n\n\`\`\`yaml\n${doc.example}\n\`\`\``);
  return sections;
}

/** Longest text from the document quoted in a hover: a pasted certificate is not a title. */
const MAX_QUOTED = 60;

/**
 * Text from the document as inline code: on one line, shortened, and fenced with double
 * backticks when it holds a backtick itself (CommonMark's rule for code spans).
 */
export function code(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  const short = line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED - 1)}…` : line;
  if (short === '') return '`""`';
  return short.includes('`') ? `\`\` ${short} \`\`` : `\`${short}\``;
}

/** `\`a\`, \`b\`, \`c\`` (an empty value shown as `""`). */
export function codeList(values: readonly string[]): string {
  return values.map(code).join(', ');
}

/** Joins the non-empty sections of a hover with blank lines. */
export function joinSections(sections: readonly (string | undefined)[]): string {
  return sections.filter((section): section is string => section !== undefined && section !== '').join('\n\n');
}
