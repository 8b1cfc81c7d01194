import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { EDIT_HEADER, startEdit } from '../../../client/src/terminal/edit';
import { runningCluster } from './fixtures';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const PATH = '/storage/kubectl-edit-1.yaml';

function editOf(words: string[]) {
  const cluster = runningCluster();
  const started = startEdit(cluster, words);
  assert.ok('edit' in started, 'result' in started ? started.result.stderr : '');
  return { cluster, edit: started.edit };
}

const replicas = (cluster: ReturnType<typeof runningCluster>): unknown => (cluster.store.find(DEPLOYMENTS, 'default', 'web')!.spec as { replicas?: unknown }).replicas;

describe('terminal: kubectl edit, without the editor (edit.ts)', () => {
  it("opens the object as `get -o yaml` prints it, under kubectl's header", () => {
    const { cluster, edit } = editOf(['edit', 'deployment/web']);
    assert.equal(edit.extension, '.yaml');
    assert.equal(edit.text, EDIT_HEADER + runKubectl(cluster, ['get', 'deployment', 'web', '-o', 'yaml']).stdout);
    assert.ok(edit.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\n"));
  });

  it('opens JSON without a header with -o json, and takes TYPE NAME -n NS', () => {
    const { cluster, edit } = editOf(['edit', 'deploy', 'web', '-n', 'default', '-o', 'json']);
    assert.equal(edit.extension, '.json');
    assert.equal(edit.text, runKubectl(cluster, ['get', 'deployment', 'web', '-o', 'json']).stdout);
  });

  it('says `Edit cancelled, no changes made.` when only comments or layout changed', () => {
    const { edit } = editOf(['edit', 'deploy/web']);
    const step = edit.finish(edit.text.replace(EDIT_HEADER, '# mine\n'), PATH);
    assert.deepEqual(step, { kind: 'done', stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0, keepFile: false });
  });

  it('says `Edit cancelled, saved file was empty.` for a file of comments', () => {
    const { cluster, edit } = editOf(['edit', 'deploy/web']);
    const step = edit.finish(EDIT_HEADER, PATH);
    assert.deepEqual(step, { kind: 'done', stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0, keepFile: false });
    assert.ok(cluster.store.find(DEPLOYMENTS, 'default', 'web'));
  });

  it('sends a change: `deployment.apps/web edited`, and --output-patch shows the patch', () => {
    const { cluster, edit } = editOf(['edit', 'deploy/web', '--output-patch']);
    const step = edit.finish(edit.text.replace('replicas: 2', 'replicas: 3'), PATH);
    assert.deepEqual(step, { kind: 'done', stdout: 'Patch: {"spec":{"replicas":3}}\ndeployment.apps/web edited\n', stderr: '', exitCode: 0, keepFile: false });
    assert.equal(replicas(cluster), 3);
  });

  it('reopens an Invalid change with the causes as comments, then gives up when it comes back unchanged', () => {
    const { cluster, edit } = editOf(['edit', 'deploy/web']);
    const bad = edit.text.replace('replicas: 2', 'replicas: -1');
    const step = edit.finish(bad, PATH);
    assert.equal(step.kind, 'reopen');
    assert.match(step.stderr, /^error: deployments\.apps "web" is invalid\n💡 /);
    assert.ok(step.kind === 'reopen' && step.text.startsWith(`${EDIT_HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n`));
    const again = edit.finish(step.kind === 'reopen' ? step.text : '', PATH);
    assert.deepEqual(again, {
      kind: 'done',
      stdout: '',
      stderr: `A copy of your changes has been stored to "${PATH}"\nerror: Edit cancelled, no valid changes were saved.\n`,
      exitCode: 1,
      keepFile: true,
    });
    assert.equal(replicas(cluster), 2);
  });

  it('accepts a fixed file after an error', () => {
    const { cluster, edit } = editOf(['edit', 'deploy/web']);
    const step = edit.finish(edit.text.replace('replicas: 2', 'replicas: -1'), PATH);
    const fixed = edit.finish(step.kind === 'reopen' ? step.text.replace('replicas: -1', 'replicas: 4') : '', PATH);
    assert.equal(fixed.kind === 'done' && fixed.stdout, 'deployment.apps/web edited\n');
    assert.equal(replicas(cluster), 4);
  });

  it('reopens a YAML syntax error silently, the reason in the header', () => {
    const { edit } = editOf(['edit', 'deploy/web']);
    const step = edit.finish(edit.text.replace('kind: Deployment', 'kind: Deployment\n  oops: [1'), PATH);
    assert.equal(step.kind, 'reopen');
    assert.equal(step.stderr, '');
    assert.match(step.kind === 'reopen' ? step.text : '', /^# Please edit[^]*#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: .*\n#\napiVersion: apps\/v1\n/);
  });

  it('refuses a new name, keeping a copy', () => {
    const { cluster, edit } = editOf(['edit', 'deploy/web']);
    const step = edit.finish(edit.text.replace('  name: web\n', '  name: web2\n'), PATH);
    assert.deepEqual(step, { kind: 'done', stdout: '', stderr: `A copy of your changes has been stored to "${PATH}"\nerror: At least one of apiVersion, kind and name was changed\n💡 kubectl edit modifie un objet existant : son apiVersion, son kind et son nom ne peuvent pas changer.\n`, exitCode: 1, keepFile: true });
    assert.equal(cluster.store.find(DEPLOYMENTS, 'default', 'web2'), undefined);
  });

  it('says where the edits went when the object was deleted meanwhile', () => {
    const { cluster, edit } = editOf(['edit', 'deploy/web']);
    cluster.store.delete(DEPLOYMENTS, 'default', 'web');
    cluster.settle();
    const step = edit.finish(edit.text.replace('replicas: 2', 'replicas: 3'), PATH);
    assert.deepEqual(step, { kind: 'done', stdout: '', stderr: `error: deployments.apps "web" could not be found on the server\nThe edits you made on deleted resources have been saved to "${PATH}"\n`, exitCode: 1, keepFile: true });
  });

  it("answers as kubectl when there is nothing to edit, and refuses several objects", () => {
    const cluster = runningCluster();
    const stderr = (words: string[]): string => {
      const started = startEdit(cluster, words);
      return 'result' in started ? started.result.stderr : 'opened';
    };
    assert.match(stderr(['edit']), /^error: You must provide one or more resources by argument or filename\.\n/);
    assert.match(stderr(['edit', 'deploy/nope']), /^Error from server \(NotFound\): deployments\.apps "nope" not found\n/);
    assert.match(stderr(['edit', 'deploy/web', '-o', 'wide']), /^error: unable to match a printer suitable for the output format "wide", allowed formats are: json,yaml\n/);
    assert.match(stderr(['edit', 'deployments']), /^error: editing several objects at once is not available in the simulated cluster\n💡 /);
    assert.match(stderr(['edit', 'deploy/web', '--nope']), /^error: unknown flag: --nope\nSee 'kubectl edit --help' for usage\.\n/);
  });
});
