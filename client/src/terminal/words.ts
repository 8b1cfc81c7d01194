/**
 * A command line cut into words the way a POSIX shell quotes them: blanks separate words,
 * `'...'` keeps everything, `"..."` keeps everything but `\"` and `\\`, a backslash
 * outside quotes escapes the next character. Enough for `kubectl create configmap x
 * --from-literal="nom=Jean Dupont"`; no expansion, no redirection.
 */

export interface Word {
  /** The word without its quotes. */
  text: string;
  /** Where it starts and ends in the line (quotes included). */
  start: number;
  end: number;
}

export interface Words {
  words: Word[];
  /** The quote left open at the end of the line (`'` or `"`), if any. */
  open?: "'" | '"';
  /** The line ends with a blank (or is empty): the next word has not begun. */
  trailingBlank: boolean;
}

const BLANK = /[ \t]/;

/** Cuts `line` into words; never throws (an open quote is reported in `open`). */
export function splitWords(line: string): Words {
  const words: Word[] = [];
  let current: Word | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (!quote && BLANK.test(char)) {
      if (current) words.push(current);
      current = undefined;
      continue;
    }
    current ??= { text: '', start: i, end: i };
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current.text += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) current.text += line[++i]!;
      else current.text += char;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '\\' && i + 1 < line.length) {
      current.text += line[++i]!;
    } else {
      current.text += char;
    }
    current.end = i + 1;
  }
  if (current) words.push(current);
  return { words, ...(quote ? { open: quote } : {}), trailingBlank: line === '' || (!quote && BLANK.test(line[line.length - 1]!)) };
}

/** Quotes a word for the line again when it needs it (completion of names with blanks). */
export function quoteWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
