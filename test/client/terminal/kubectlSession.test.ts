import * as assert from 'node:assert/strict';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { completeKubectl } from '../../../client/src/terminal/completion';
import { readArguments, type ReadOnlyFs } from '../../../client/src/terminal/files';
import { KUBECTL_PROMPT, KubectlSession, type EditHost, type ForwardRequest } from '../../../client/src/terminal/kubectlSession';
import { l10n } from '../support/l10n';
import { plain, podNames, runningCluster, WEB } from './fixtures';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;

/** A workspace of files for `-f`, as the terminal reads it. */
function memoryFs(files: Record<string, string>): ReadOnlyFs {
  return {
    readFile: (path) => Promise.resolve(files[path.replace(/^\.\//, '')]),
    readDirectory: (path) => {
      const prefix = `${path.replace(/\/+$/, '')}/`;
      const entries = new Map<string, boolean>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const [first = '', ...rest] = file.slice(prefix.length).split('/');
        entries.set(first, rest.length > 0);
      }
      return Promise.resolve(entries.size === 0 ? undefined : [...entries].map(([name, directory]) => ({ name, directory })));
    },
  };
}

function session(cluster: Cluster, options: { files?: Record<string, string>; forward?: (request: ForwardRequest) => Promise<string> } = {}) {
  const fs = options.files && memoryFs(options.files);
  const s = new KubectlSession({ cluster: () => cluster, l10n, ...(fs ? { readFiles: (args) => readArguments(fs, args) } : {}), ...(options.forward ? { forward: options.forward } : {}) });
  const run = async (line: string): Promise<string> => plain((await s.run(line)).text);
  return { session: s, run };
}

const emptyCluster = (): Cluster => createCluster({ seed: 1, nodes: defaultNodes() });

describe('terminal: the kubectl session (the real simulator)', () => {
  it('runs `get pods`, with or without the word kubectl', async () => {
    const { run } = session(runningCluster());
    const table = await run('kubectl get pods');
    assert.match(table, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    assert.match(table, /web-\S+\s+1\/1\s+Running/);
    assert.equal(await run('get pods'), table);
    assert.equal(await run('k get pods'), table);
  });

  it('says what kubectl says when there is nothing, in red on stderr', async () => {
    const { session: s } = session(emptyCluster());
    const output = await s.run('get pods');
    assert.equal(output.text, '\x1b[31mNo resources found in default namespace.\x1b[0m\n');
  });

  it('creates a deployment with `create deployment`: the Pods come as simulated time runs', async () => {
    const cluster = emptyCluster();
    const { run } = session(cluster);
    assert.equal(await run('kubectl create deployment web --image=nginx:1.27 --replicas=2'), 'deployment.apps/web created\n');
    assert.ok(cluster.store.find(DEPLOYMENTS, 'default', 'web'));
    cluster.advance(30_000);
    assert.equal((await run('get deployment web')).split('\n')[1]!.split(/\s+/)[1], '2/2');
  });

  it('cannot apply a file it cannot read: kubectl says the path does not exist', async () => {
    const { run } = session(emptyCluster());
    assert.equal(await run('apply -f web.yaml'), 'error: the path "web.yaml" does not exist\n💡 Aucun fichier ni dossier « web.yaml » ici : vérifie le chemin (il est relatif au dossier courant).\n');
  });

  it('applies files and folders of the workspace (-f, -R)', async () => {
    const cluster = emptyCluster();
    const { run } = session(cluster, { files: { 'k8s/web.yaml': WEB, 'k8s/notes.txt': 'x', 'k8s/sub/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n' } });
    assert.equal(await run('apply -f k8s/web.yaml'), ['configmap/web-config', 'secret/web-secret', 'deployment.apps/web', 'service/web', 'deployment.apps/who', 'service/who'].map((r) => `${r} created\n`).join(''));
    // kubectl creates the Namespaces first.
    assert.equal(await run('apply -f k8s -R'), 'namespace/dev created\n' + ['configmap/web-config', 'secret/web-secret', 'deployment.apps/web', 'service/web', 'deployment.apps/who', 'service/who'].map((r) => `${r} unchanged\n`).join(''));
  });

  it('answers help in French, clear, exit, and runs docker lines', async () => {
    const { session: s, run } = session(emptyCluster());
    assert.match(await run('help'), /^Ce terminal envoie tes commandes kubectl au cluster simulé/);
    assert.deepEqual(await s.run('clear'), { text: '', clear: true });
    assert.deepEqual(await s.run('exit'), { text: '', close: true });
    assert.equal(await run('docker ps'), 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    assert.match(await run("get pods -l 'app=web"), /Guillemet ' non fermé/);
  });

  it("keeps kubectl's own errors and hints (unknown command, did you mean)", async () => {
    const { run } = session(emptyCluster());
    assert.equal(await run('gt pods'), 'error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n💡 Commande inconnue : voulais-tu dire « kubectl get » ?\n');
  });

  describe('exec', () => {
    it('runs one command in the chosen Pod and prints its output', async () => {
      const { run } = session(runningCluster());
      assert.equal(await run('kubectl exec deploy/web -- cat /etc/config/greeting'), 'bonjour', 'the key has no final newline');
      assert.equal(await run(`exec ${podNames(runningCluster(), 'web')[0]} -- ls /etc/config`), 'app.properties\ngreeting\n', 'no -t: stdout is not a terminal');
      assert.equal(await run('exec deploy/web -- ls /nowhere'), "ls: cannot access '/nowhere': No such file or directory\ncommand terminated with exit code 2\n");
    });

    it('enters a shell with -it and comes back to kubectl on exit', async () => {
      const cluster = runningCluster();
      const { session: s, run } = session(cluster);
      assert.equal(await run('exec -it deploy/web -- sh'), '');
      assert.equal(s.prompt(), '# ');
      assert.ok(s.inShell);
      assert.match(await run('env'), /^GREETING=bonjour$/m);
      assert.equal(await run('exit 3'), 'command terminated with exit code 3\n');
      assert.equal(s.prompt(), KUBECTL_PROMPT);
    });

    it("says what kubectl says when it cannot: no --, no Pod, no shell in the image", async () => {
      const { run } = session(runningCluster());
      assert.match(await run('exec deploy/web ls'), /^error: exec \[POD\] \[COMMAND\] is not supported anymore/);
      assert.match(await run('exec nope -- sh'), /^Error from server \(NotFound\): pods "nope" not found\n💡 /);
      assert.match(await run('exec -it deploy/who -- sh'), /^error: Internal error occurred: .*OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n💡 /);
    });
  });

  it('hands port-forward to the forwarder with the ports parsed as kubectl does', async () => {
    const requests: ForwardRequest[] = [];
    const { run } = session(runningCluster(), {
      forward: (request) => {
        requests.push(request);
        return Promise.resolve('Forwarding from 127.0.0.1:8080 -> 80\n');
      },
    });
    assert.match(await run('kubectl port-forward svc/web 8080:80 :9090 -n default'), /^Forwarding from 127.0.0.1:8080 -> 80\n💡 La redirection reste active/);
    assert.equal(requests[0]?.info.kind, 'Service');
    assert.deepEqual(requests[0]?.ports, [
      { local: 8080, remote: 80 },
      { local: 0, remote: 9090 },
    ]);
    assert.match(await run('port-forward svc/web'), /^error: TYPE\/NAME and list of ports are required/);
  });
});

/** An editor that answers each opening with `answers` (the text it was given -> the text saved), or waits for Ctrl+C. */
function fakeEditor(answers: ((text: string) => string | undefined)[]) {
  const opened: string[] = [];
  const removed: string[] = [];
  const host: EditHost = {
    create: (extension) => Promise.resolve(`/storage/kubectl-edit-1${extension}`),
    open: (_path, text, abandon) => {
      opened.push(text);
      const answer = answers.shift();
      if (answer) return Promise.resolve(answer(text));
      return new Promise((resolve) => abandon.addEventListener('abort', () => resolve(undefined)));
    },
    remove: (path) => Promise.resolve(void removed.push(path)),
  };
  return { host, opened, removed };
}

describe('terminal: kubectl edit in an editor tab', () => {
  const WAITING = "Modifie l'objet dans l'onglet ouvert, enregistre puis ferme l'onglet (Ctrl+W) pour l'appliquer.\n";

  it('opens the object, applies what was saved when the tab closes, and deletes the file', async () => {
    const cluster = runningCluster();
    const editor = fakeEditor([(text) => text.replace('replicas: 2', 'replicas: 3')]);
    const s = new KubectlSession({ cluster: () => cluster, l10n, editor: editor.host });
    const printed: string[] = [];
    const output = await s.run('kubectl edit deploy/web', (text) => printed.push(plain(text)));
    assert.deepEqual(printed, [WAITING]);
    assert.match(editor.opened[0]!, /^# Please edit the object below\./);
    assert.equal(plain(output.text), 'deployment.apps/web edited\n');
    assert.deepEqual(editor.removed, ['/storage/kubectl-edit-1.yaml']);
    assert.equal((cluster.store.find(DEPLOYMENTS, 'default', 'web')!.spec as { replicas: number }).replicas, 3);
  });

  it('reopens the file with the errors, and keeps a copy when it comes back unchanged', async () => {
    const editor = fakeEditor([(text) => text.replace('replicas: 2', 'replicas: -1'), (text) => text]);
    const s = new KubectlSession({ cluster: runningCluster, l10n, editor: editor.host });
    const output = plain((await s.run('edit deployment web')).text);
    assert.match(editor.opened[1]!, /^# deployments\.apps "web" was not valid:$/m);
    assert.match(output, /^Modifie l'objet[^\n]*\nerror: deployments\.apps "web" is invalid\n💡 [^\n]*\nLe fichier est rouvert avec les erreurs en commentaire[^\n]*\n/);
    assert.ok(output.endsWith('A copy of your changes has been stored to "/storage/kubectl-edit-1.yaml"\nerror: Edit cancelled, no valid changes were saved.\n'));
    assert.deepEqual(editor.removed, []);
  });

  it('abandons the edit on Ctrl+C: nothing sent, the file deleted', async () => {
    const editor = fakeEditor([]);
    const s = new KubectlSession({ cluster: runningCluster, l10n, editor: editor.host });
    assert.equal(s.interrupt(), false);
    const running = s.run('edit deploy/web');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(s.interrupt(), true);
    assert.equal(plain((await running).text), `${WAITING}^C\nModification abandonnée : rien n'a été envoyé au cluster.\n`);
    assert.deepEqual(editor.removed, ['/storage/kubectl-edit-1.yaml']);
    assert.equal(s.interrupt(), false);
  });

  it("prints kubectl's error without opening anything when there is nothing to edit", async () => {
    const editor = fakeEditor([]);
    const { run } = session(runningCluster());
    const s = new KubectlSession({ cluster: runningCluster, l10n, editor: editor.host });
    assert.match(plain((await s.run('edit deploy/nope')).text), /^Error from server \(NotFound\): deployments\.apps "nope" not found\n/);
    assert.deepEqual(editor.opened, []);
    // Without an editor (the CLI's kubectl), edit stays unavailable.
    assert.match(await run('edit deploy/web'), /^error: "kubectl edit" is not available in the simulated cluster\n/);
  });
});

describe('terminal: Tab completion of kubectl lines', () => {
  const cluster = runningCluster();
  const complete = (before: string): string[] => completeKubectl(cluster.store, before)?.candidates ?? [];

  it('completes the commands, the terminal words and the word kubectl first', () => {
    assert.deepEqual(complete('ge'), ['get']);
    assert.deepEqual(complete('kubectl de'), ['delete', 'describe']);
    assert.ok(complete('').includes('kubectl'));
    assert.ok(complete('ex').includes('exec') && complete('ex').includes('exit') && complete('ex').includes('explain'));
  });

  it('completes sub-commands', () => {
    assert.deepEqual(complete('kubectl create '), ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token']);
    assert.deepEqual(complete('kubectl create ro'), ['role', 'rolebinding']);
    assert.deepEqual(complete('rollout u'), ['undo']);
  });

  it('completes resource types by plural, singular and short names', () => {
    assert.deepEqual(complete('get deploy'), ['deployments', 'deployment', 'deploy']);
    assert.ok(complete('get ').includes('pods'));
    assert.deepEqual(complete('scale d'), ['deployments', 'deployment', 'deploy']);
    assert.deepEqual(complete('edit deploy'), ['deployments', 'deployment', 'deploy']);
    assert.deepEqual(complete('edit deploy/w'), ['deploy/web', 'deploy/who']);
    assert.deepEqual(complete('edit deploy/web --output-p'), ['--output-patch']);
    assert.deepEqual(complete('edi'), ['edit']);
  });

  it('completes object names from the cluster, in the namespace of -n', () => {
    assert.deepEqual(complete('kubectl get deployments '), ['web', 'who']);
    assert.deepEqual(complete('describe deploy/w'), ['deploy/web', 'deploy/who']);
    assert.deepEqual(complete('logs web'), podNames(cluster, 'web'));
    assert.deepEqual(complete('get deploy -n kube-system '), []);
    assert.deepEqual(complete('cordon w'), ['worker-1', 'worker-2']);
    assert.deepEqual(complete('get deployments web '), ['who']);
  });

  it('completes the values of -n and -o, and flags', () => {
    assert.ok(complete('get pods -n ').includes('kube-system'));
    assert.deepEqual(complete('get pods -o y'), ['yaml']);
    assert.deepEqual(complete('get pods --namesp'), ['--namespace=']);
  });

  it('replaces the word being written: its start in the line', () => {
    assert.deepEqual(completeKubectl(cluster.store, 'kubectl get nod'), { start: 12, candidates: ['nodes', 'node'] });
  });
});
