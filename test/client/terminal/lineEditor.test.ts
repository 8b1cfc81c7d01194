import * as assert from 'node:assert/strict';
import { keysOf, LineEditor, type Completion, type EditorEvent } from '../../../client/src/terminal/lineEditor';
import { Screen } from './screen';

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DELETE = '\x1b[3~';
const BACKSPACE = '\x7f';

/** An editor on a screen; `type` feeds keystrokes and collects what they led to. */
function editor(complete?: (before: string) => Completion | undefined) {
  const screen = new Screen();
  const events: EditorEvent[] = [];
  const edit = new LineEditor({ prompt: () => 'kubectl> ', write: (data) => screen.write(data), ...(complete ? { complete } : {}) });
  edit.showPrompt();
  const type = (data: string): void => {
    let rest = data;
    while (rest !== '') {
      const handled = edit.handle(rest);
      rest = handled.rest;
      if (handled.event) {
        events.push(handled.event);
        // What the terminal does after running a line: the prompt again.
        edit.showPrompt();
      }
    }
  };
  const lines = (): string[] => events.flatMap((event) => (event.type === 'line' ? [event.line] : []));
  return { screen, edit, type, events, lines };
}

describe('terminal: the line editor (keystrokes -> screen and lines)', () => {
  it('echoes what is typed and hands over the line on Enter', () => {
    const { screen, type, lines } = editor();
    type('get pods\r');
    assert.deepEqual(lines(), ['get pods']);
    assert.equal(screen.text, 'kubectl> get pods\nkubectl>');
  });

  it('cuts raw input into keys: characters, escape sequences, CR LF as one Enter', () => {
    assert.deepEqual(keysOf('a\x1b[Ab\x1b[3~\r\n\x1bOH'), ['a', UP, 'b', DELETE, '\r', '\x1bOH']);
  });

  it('edits in the middle of the line with Left, Right, Backspace, Delete, Home and End', () => {
    const { screen, edit, type, lines } = editor();
    type('get pod');
    type(`${LEFT}${LEFT}${LEFT}x`);
    assert.equal(edit.line, 'get xpod');
    assert.equal(screen.current(), 'kubectl> get xpod');
    type(BACKSPACE);
    type(`${HOME}${DELETE}s`);
    assert.equal(edit.line, 'set pod');
    type(`${END}s${RIGHT}`);
    assert.equal(screen.current(), 'kubectl> set pods');
    assert.equal(screen.col, 'kubectl> set pods'.length);
    type('\r');
    assert.deepEqual(lines(), ['set pods']);
  });

  it('goes through the history with Up and Down, and back to the line being written', () => {
    const { screen, edit, type, lines } = editor();
    type('get pods\rget nodes\r');
    type('desc');
    type(UP);
    assert.equal(screen.current(), 'kubectl> get nodes');
    type(UP);
    assert.equal(edit.line, 'get pods');
    type(UP); // nothing older: the line stays (and the terminal beeps)
    assert.equal(edit.line, 'get pods');
    type(DOWN);
    type(DOWN);
    assert.equal(screen.current(), 'kubectl> desc');
    type(`${UP}${UP} -A\r`);
    assert.deepEqual(lines(), ['get pods', 'get nodes', 'get pods -A']);
    assert.deepEqual(edit.history, ['get pods', 'get nodes', 'get pods -A']);
  });

  it('keeps neither empty lines nor repeats in the history', () => {
    const { edit, type } = editor();
    type('get pods\r\r   \rget pods\r');
    assert.deepEqual(edit.history, ['get pods']);
  });

  it('drops the line on Ctrl+C, shows ^C and a new prompt', () => {
    const { screen, edit, type, events } = editor();
    type('delete deployment web\x03');
    assert.equal(events.length, 0);
    assert.equal(edit.line, '');
    assert.equal(screen.text, 'kubectl> delete deployment web^C\nkubectl>');
    type('get pods\r');
    assert.deepEqual(events, [{ type: 'line', line: 'get pods' }]);
  });

  it('clears the screen on Ctrl+L and draws the line again', () => {
    const { screen, type } = editor();
    type('get pods\rget no');
    type('\x0c');
    assert.equal(screen.text, 'kubectl> get no');
  });

  it('ends the input on Ctrl+D on an empty line only', () => {
    const { edit, type, events } = editor();
    type(`ab${LEFT}\x04`);
    assert.equal(edit.line, 'a');
    assert.equal(events.length, 0);
    type(`${BACKSPACE}\x04`);
    assert.deepEqual(events, [{ type: 'eof' }]);
  });

  it('erases with Ctrl+U (to the start) and Ctrl+W (the word before)', () => {
    const { edit, type } = editor();
    type('get pods -n dev\x17');
    assert.equal(edit.line, 'get pods -n ');
    type('\x15');
    assert.equal(edit.line, '');
  });

  it('stops at the first Enter of a paste and returns the rest, so that the line runs before the next is echoed', () => {
    const { edit } = editor();
    const first = edit.handle('get pods\rget nodes\r');
    assert.deepEqual(first, { event: { type: 'line', line: 'get pods' }, rest: 'get nodes\r' });
  });

  describe('Tab completion', () => {
    const words = ['get', 'describe', 'delete', 'deployment', 'deployments'];
    const complete = (before: string): Completion => {
      const start = before.lastIndexOf(' ') + 1;
      return { start, candidates: words.filter((word) => word.startsWith(before.slice(start))) };
    };

    it('completes the only candidate, followed by a blank', () => {
      const { screen, edit, type } = editor(complete);
      type('ge\t');
      assert.equal(edit.line, 'get ');
      assert.equal(screen.current(), 'kubectl> get ');
    });

    it('completes the common prefix of several candidates', () => {
      const { edit, type } = editor(complete);
      type('get dep\t');
      assert.equal(edit.line, 'get deployment');
    });

    it('lists the candidates when nothing more is common, then draws the line again', () => {
      const { screen, edit, type } = editor(complete);
      type('de\t');
      assert.equal(edit.line, 'de');
      assert.equal(screen.text, 'kubectl> de\ndescribe     delete       deployment   deployments\nkubectl> de');
    });

    it('completes in the middle of a line, keeping what follows the cursor', () => {
      const { edit, type } = editor(complete);
      type(`ge pods${LEFT.repeat(5)}\t`);
      // The blank is already there: the cursor stops just after the word.
      assert.equal(edit.line, 'get pods');
      assert.equal(edit.cursor, 3);
    });

    it('beeps when nothing completes', () => {
      const written: string[] = [];
      const edit = new LineEditor({ prompt: () => '$ ', write: (data) => written.push(data), complete });
      edit.handle('zzz\t');
      assert.equal(written.at(-1), '\x07');
      assert.equal(edit.line, 'zzz');
    });
  });
});
