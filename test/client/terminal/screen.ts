/**
 * A small terminal for the tests: it interprets what the line editor and the terminals
 * write (text, CR, LF, cursor moves `ESC[nC` / `ESC[nD`, erase to the end of line
 * `ESC[K`, clear screen `ESC[2J` + `ESC[H`, colours ignored) into rows of text and a
 * cursor, so that a test reads the screen as the learner would see it.
 */
/** A control sequence: ESC [ parameters letter. */
const CSI = new RegExp(`^${String.fromCharCode(27)}\\[([0-9;?]*)([A-Za-z])`);

export class Screen {
  rows: string[] = [''];
  row = 0;
  col = 0;

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const char = data[i]!;
      if (char === '\x1b') {
        const match = CSI.exec(data.slice(i));
        if (!match) continue;
        i += match[0].length - 1;
        const n = Number(match[1] || '1');
        switch (match[2]) {
          case 'D':
            this.col = Math.max(0, this.col - n);
            break;
          case 'C':
            this.col += n;
            break;
          case 'K':
            this.rows[this.row] = this.current().slice(0, this.col);
            break;
          case 'J':
            if (match[1] === '2') this.rows = this.rows.map(() => '');
            break;
          case 'H':
            this.row = 0;
            this.col = 0;
            break;
        }
        continue;
      }
      if (char === '\r') this.col = 0;
      else if (char === '\n') {
        this.row++;
        if (this.rows.length <= this.row) this.rows.push('');
      } else if (char !== '\x07') {
        const line = this.current().padEnd(this.col);
        this.rows[this.row] = line.slice(0, this.col) + char + line.slice(this.col + 1);
        this.col++;
      }
    }
  }

  /** The row the cursor is on. */
  current(): string {
    return this.rows[this.row] ?? '';
  }

  /** The screen's text, trailing blanks and empty rows at the end removed. */
  get text(): string {
    return this.rows.map((row) => row.trimEnd()).join('\n').replace(/\n+$/, '');
  }
}
