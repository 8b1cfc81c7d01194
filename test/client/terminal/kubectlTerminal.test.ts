// The stand-in for `vscode` first: the adapter requires it when it loads.
import '../support/vscode';
import * as assert from 'node:assert/strict';
import { ClusterService } from '../../../client/src/cluster/service';
import { SessionTerminal } from '../../../client/src/terminal/kubectlTerminal';
import { KubectlSession } from '../../../client/src/terminal/kubectlSession';
import type { SessionOutput, TerminalSession } from '../../../client/src/terminal/session';
import { l10n } from '../support/l10n';
import { runningCluster } from './fixtures';
import { Screen } from './screen';

/** A pseudoterminal opened on a screen, and a way to type into it and wait for the output. */
function terminal(session: TerminalSession) {
  const screen = new Screen();
  const errors: unknown[] = [];
  const pty = new SessionTerminal(session, (error) => errors.push(error));
  let closed: number | void | undefined;
  pty.onDidWrite((data) => screen.write(data));
  pty.onDidClose((code) => (closed = code));
  pty.open();
  const type = async (data: string): Promise<void> => {
    pty.handleInput(data);
    await pty.whenIdle();
  };
  return { screen, type, errors, closed: () => closed };
}

function kubectlTerminal() {
  const service = new ClusterService({ initial: runningCluster(), schedule: (callback) => callback() });
  const session = new KubectlSession({ cluster: () => service.cluster, l10n });
  return { service, ...terminal(session) };
}

describe('terminal: the kubectl Pseudoterminal (vscode stubbed at the edge)', () => {
  it('opens with a French banner and the prompt', () => {
    const { screen } = kubectlTerminal();
    assert.equal(screen.text, "Terminal kubectl du cluster simulé. Tape « help » pour l'aide, Tab pour compléter, ↑ ↓ pour l'historique.\nkubectl>");
  });

  it('runs a line and prints its output, then the prompt again', async () => {
    const { screen, type } = kubectlTerminal();
    await type('get nodes\r');
    const rows = screen.text.split('\n');
    assert.equal(rows[1], 'kubectl> get nodes');
    assert.match(rows[2]!, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    assert.equal(rows.filter((row) => /^worker-\d\s+Ready/.test(row)).length, 2);
    assert.equal(rows.at(-1), 'kubectl>');
  });

  it('tells the cluster service of a change, so that the views refresh', async () => {
    const { service, type } = kubectlTerminal();
    const changes: unknown[] = [];
    service.onDidChange((change) => changes.push(change));
    await type('get pods\r');
    assert.equal(changes.length, 0);
    await type('kubectl create deployment api --image=nginx:1.27\r');
    assert.ok(changes.length >= 1);
  });

  it('completes with Tab and recalls the history with Up', async () => {
    const { screen, type } = kubectlTerminal();
    await type('get deployments w\t');
    assert.equal(screen.text.split('\n').slice(-2).join('\n'), 'web  who\nkubectl> get deployments w');
    await type('e\t\r');
    assert.match(screen.text, /kubectl> get deployments web\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2/);
    await type('\x1b[A');
    assert.equal(screen.current(), 'kubectl> get deployments web ');
  });

  it('closes on exit and on Ctrl+D', async () => {
    const first = kubectlTerminal();
    await first.type('exit\r');
    assert.equal(first.closed(), 0);
    const second = kubectlTerminal();
    await second.type('\x04');
    assert.equal(second.closed(), 0);
  });

  it('runs the lines one at a time: keys typed during a command wait for it', async () => {
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const slow: TerminalSession = {
      banner: '',
      prompt: () => '$ ',
      run: (line) => {
        runs.push(line);
        return line === 'slow' ? new Promise<SessionOutput>((resolve) => (release = () => resolve({ text: 'done\n' }))) : { text: `${line}!\n` };
      },
      endOfInput: () => ({ text: '', close: true }),
    };
    const { screen, type } = terminal(slow);
    const pending = type('slow\r');
    void type('next\r');
    await Promise.resolve();
    assert.deepEqual(runs, ['slow']);
    release();
    await pending;
    assert.deepEqual(runs, ['slow', 'next']);
    assert.equal(screen.text, '$ slow\ndone\n$ next\nnext!\n$');
  });

  it('shows what to do while `kubectl edit` waits for its tab, and Ctrl+C abandons it at once', async () => {
    const service = new ClusterService({ initial: runningCluster(), schedule: (callback) => callback() });
    let abandoned = false;
    const session = new KubectlSession({
      cluster: () => service.cluster,
      l10n,
      editor: {
        create: (extension) => Promise.resolve(`/storage/kubectl-edit-1${extension}`),
        open: (_path, _text, abandon) => new Promise((resolve) => abandon.addEventListener('abort', () => resolve(undefined))),
        remove: () => Promise.resolve(void (abandoned = true)),
      },
    });
    const screen = new Screen();
    const pty = new SessionTerminal(session);
    pty.onDidWrite((data) => screen.write(data));
    pty.open();
    pty.handleInput('edit deploy/web\r');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(screen.text.split('\n').slice(1).join('\n'), "kubectl> edit deploy/web\nModifie l'objet dans l'onglet ouvert, enregistre puis ferme l'onglet (Ctrl+W) pour l'appliquer.");
    pty.handleInput('\x03');
    await pty.whenIdle();
    assert.ok(abandoned);
    assert.deepEqual(screen.text.split('\n').slice(-3), ['^C', "Modification abandonnée : rien n'a été envoyé au cluster.", 'kubectl>']);
  });

  it('prints a failing command in red and reports it', async () => {
    const failing: TerminalSession = {
      banner: '',
      prompt: () => '$ ',
      run: () => Promise.reject(new Error('boom')),
      endOfInput: () => ({ text: '', close: true }),
    };
    const { screen, type, errors } = terminal(failing);
    await type('x\r');
    assert.equal(screen.text, '$ x\nboom\n$');
    assert.equal((errors[0] as Error).message, 'boom');
  });
});
