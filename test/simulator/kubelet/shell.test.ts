import * as assert from 'node:assert/strict';
import { runProcess, type Machine } from '../../../simulator/src/kubelet/shell';
import type { ShellFlavor } from '../../../simulator/src/kubelet/model';

const START = Date.UTC(2024, 0, 1);

function machine(flavor: ShellFlavor | undefined = 'busybox'): Machine {
  return { flavor, env: { NAME: 'Ada' }, hostname: 'pod-1', files: { '/etc/hostname': 'pod-1\n' }, program: () => undefined };
}

const sh = (script: string, flavor: ShellFlavor = 'busybox', until = START + 3600_000) => runProcess(['sh', '-c', script], machine(flavor), { start: START, until });
const out = (script: string, flavor?: ShellFlavor) => sh(script, flavor).lines.map((line) => line.text);

describe('kubelet: the simulated shell', () => {
  it('runs sequences, && and ||, variables, arithmetic and quoting', () => {
    assert.deepEqual(out('echo "hi $NAME"; false && echo no || echo yes; X=3; echo $((X * 2 + 1)) \'$X\' ${UNSET:-dflt}'), ['hi Ada', 'yes', '7 $X dflt']);
  });

  it('takes simulated time with sleep, and exits with the last status or exit N', () => {
    const run = sh('sleep 2; sleep 1m; exit 4');
    assert.deepEqual(run.exit, { at: START + 62_000, code: 4 });
    assert.equal(sh('false').exit?.code, 1);
    assert.equal(sh('nosuch').exit?.code, 127);
  });

  it("prints each shell's own errors", () => {
    assert.deepEqual(out('nosuch; cat /nope'), ['sh: nosuch: not found', "cat: can't open '/nope': No such file or directory"]);
    assert.deepEqual(out('nosuch; cat /nope', 'dash'), ['sh: 1: nosuch: not found', 'cat: /nope: No such file or directory']);
    assert.deepEqual(out('nosuch', 'bash'), ['bash: line 1: nosuch: command not found']);
  });

  it('loops with while, until, for and if, and keeps files', () => {
    assert.deepEqual(out('echo done; echo if then'), ['done', 'if then']);
    assert.deepEqual(out('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done'), ['1', '2', '3']);
    assert.deepEqual(out('for f in a b; do touch /tmp/$f; done; if [ -f /tmp/b ]; then echo yes; else echo no; fi; rm /tmp/b; [ -f /tmp/b ] || echo gone'), ['yes', 'gone']);
    assert.deepEqual(out('echo one > /tmp/x; echo two >> /tmp/x; cat /tmp/x | wc -l; cat /tmp/x | grep tw'), ['2', 'two']);
  });

  it('runs an endless loop lazily: only the lines up to the horizon, the last ones kept', () => {
    const run = runProcess(['sh', '-c', 'while true; do echo "at $(date)"; sleep 60; done'], machine(), { start: START, until: START + 30 * 86_400_000, keepLast: 3 });
    assert.equal(run.exit, undefined);
    assert.equal(run.lines.length >= 3, true);
    assert.equal(run.lines.at(-1)!.text, 'at Wed Jan 31 00:00:00 UTC 2024');
  });

  it('spots a loop that never sleeps: a busy CPU', () => {
    assert.equal(sh('while :; do :; done').busySince, START);
  });

  it('expands $(cmd), hostname and the files the kubelet mounts', () => {
    assert.deepEqual(out('echo "$(hostname) $(cat /etc/hostname)"'), ['pod-1 pod-1']);
  });

  it('exits at once for a shell without -c (no terminal), and notes a TERM trap', () => {
    assert.deepEqual(runProcess(['sh'], machine(), { start: START, until: START + 1000 }).exit, { at: START, code: 0 });
    assert.equal(sh("trap 'exit 0' TERM; sleep 1000").trapsTerm, true);
  });

  it('reports syntax errors like sh (exit 2)', () => {
    const run = sh('if true; then echo');
    assert.equal(run.exit?.code, 2);
    assert.match(run.lines[0]!.text, /^sh: syntax error/);
  });
});
