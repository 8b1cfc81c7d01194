/**
 * Text helpers of completion: snippet escaping, one-line summaries, the Markdown shown
 * beside an item, and YAML quoting of inserted values.
 */
import { stringify } from 'yaml';
import { chapterById } from '../../../../simulator/src/api/chapters';
import type { DocText } from '../../../../simulator/src/api/docs/index';

/** Escapes the characters that mean something in a snippet (`$`, `}`, `\`). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * The snippet as plain text, for clients without snippet support: placeholders become
 * their default (`${1:web}` -> `web`, `${2|a,b|}` -> `a`), tab stops disappear.
 */
export function snippetToPlain(snippet: string): string {
  let out = '';
  // Open `${n:` placeholders whose closing brace is still to come.
  let depth = 0;
  for (let i = 0; i < snippet.length; i++) {
    const char = snippet[i]!;
    if (char === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (char === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (char === '$' && snippet[i + 1] === '{') {
      const choice = /^\$\{\d+\|([^,|]*)[^}]*\|\}/.exec(snippet.slice(i));
      if (choice) {
        out += choice[1];
        i += choice[0].length - 1;
      } else {
        // `${1:default}`: keep the default, drop the braces (the closing one is skipped below).
        i = snippet.indexOf(':', i);
        depth++;
      }
    } else if (char === '}' && depth > 0) {
      depth--;
    } else {
      out += char;
    }
  }
  return out;
}

/** The first sentence of `text`, without Markdown backticks, cut to about `max` characters. */
export function summary(text: string, max = 80): string {
  const plain = text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
  const end = plain.search(/[.!?](\s|$)/);
  const sentence = (end === -1 ? plain : plain.slice(0, end)).replace(/[\s:;,]+$/, '');
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '').replace(/[\s:;,]+$/, '')}…`;
}

/** The Markdown documentation of a field or value: the text, its default, an example, its chapter. */
export function markdown(doc: DocText | undefined, heading?: string): string {
  const parts: string[] = [];
  if (heading) parts.push(heading);
  if (doc) {
    parts.push(doc.text);
    if (doc.lang === 'en') parts.push('*(Description officielle en anglais : pas encore traduite.)*');
    if (doc.default) parts.push(`Valeur par défaut : ${doc.default}`);
    if (doc.example) parts.push(`Exemple :\n\n\`\`\`yaml\n${doc.example}\n\`\`\``);
    const chapter = doc.chapter ? chapterById(doc.chapter) : undefined;
    if (chapter) parts.push(`Chapitre : ${chapter.title}`);
  }
  return parts.join('\n\n');
}

/** `value` as a YAML scalar that reads back as the same string (`"true"`, `"8080"`, `web`). */
export function yamlString(value: string): string {
  const text = stringify(value, { lineWidth: 0 }).trimEnd();
  return text.includes('\n') ? JSON.stringify(value) : text;
}
