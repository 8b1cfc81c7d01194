import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadCluster, type ClusterSnapshot } from '../../../simulator/src/cluster';
import { NODE_STATE_FS, StateFile, type StateFs } from '../../../client/src/cluster/persistence';
import { ClusterService } from '../../../client/src/cluster/service';
import { bareCluster, deployment } from '../support/cluster';

/** An in-memory file system that records what was done to it, in order. */
function memoryFs(initial: Record<string, string> = {}): StateFs & { files: Map<string, string>; log: string[] } {
  const files = new Map(Object.entries(initial));
  const log: string[] = [];
  return {
    files,
    log,
    readFile: (file) => files.get(file),
    writeFile(file, text) {
      log.push(`write ${path.basename(file)}`);
      files.set(file, text);
    },
    rename(from, to) {
      log.push(`rename ${path.basename(from)} -> ${path.basename(to)}`);
      const text = files.get(from);
      if (text === undefined) throw new Error(`ENOENT ${from}`);
      files.delete(from);
      files.set(to, text);
    },
    exists: (file) => files.has(file),
    mkdir: (folder) => void log.push(`mkdir ${folder}`),
  };
}

const restore = (data: unknown) => loadCluster(data as ClusterSnapshot, { controllers: [] });

describe('client/cluster/persistence: the state file', () => {
  it('writes a temporary file, then renames it over the state (atomic)', () => {
    const fs = memoryFs();
    new StateFile('/storage', fs).save({ hello: 1 });
    assert.deepEqual(fs.log, ['mkdir /storage', 'write cluster.json.tmp', 'rename cluster.json.tmp -> cluster.json']);
    assert.deepEqual([...fs.files.keys()], ['/storage/cluster.json']);
  });

  it('says when there is no state yet', () => {
    assert.deepEqual(new StateFile('/storage', memoryFs()).load(restore), { status: 'absent' });
  });

  it('restores the cluster it saved', () => {
    const fs = memoryFs();
    const service = new ClusterService({ create: bareCluster, schedule: (callback) => callback() });
    service.applyText(deployment('web'), 'web.yaml');
    service.tick(5000);
    const file = new StateFile('/storage', fs);
    file.save(service.save());
    const outcome = file.load(restore);
    assert.equal(outcome.status, 'loaded');
    assert.deepEqual(outcome.status === 'loaded' && outcome.value.save(), service.save());
  });

  it('keeps a corrupt file aside, numbered, and reports it', () => {
    const fs = memoryFs({ '/storage/cluster.json': '{"format": "atel', '/storage/cluster.json.corrupt-1': 'older' });
    const outcome = new StateFile('/storage', fs).load(restore);
    assert.equal(outcome.status, 'corrupt');
    assert.ok(outcome.status === 'corrupt' && /JSON/.test(outcome.reason));
    assert.equal(outcome.status === 'corrupt' && outcome.movedTo, '/storage/cluster.json.corrupt-2');
    assert.equal(fs.files.get('/storage/cluster.json.corrupt-2'), '{"format": "atel');
    assert.equal(fs.files.get('/storage/cluster.json.corrupt-1'), 'older');
    assert.equal(fs.files.has('/storage/cluster.json'), false);
  });

  it('treats valid JSON that is not a cluster as corrupt too', () => {
    const fs = memoryFs({ '/storage/cluster.json': '{"format": "something-else"}' });
    const outcome = new StateFile('/storage', fs).load(restore);
    assert.ok(outcome.status === 'corrupt' && /unknown cluster state format/.test(outcome.reason));
    assert.equal(outcome.status === 'corrupt' && outcome.movedTo, '/storage/cluster.json.corrupt-1');
  });

  it('works on the real file system', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'atelier-state-'));
    try {
      const file = new StateFile(path.join(folder, 'nested'), NODE_STATE_FS);
      file.save(bareCluster().save());
      assert.equal(file.load(restore).status, 'loaded');
      writeFileSync(file.file, 'not json');
      assert.equal(file.load(restore).status, 'corrupt');
      assert.deepEqual(readdirSync(path.join(folder, 'nested')), ['cluster.json.corrupt-1']);
      assert.equal(readFileSync(path.join(folder, 'nested', 'cluster.json.corrupt-1'), 'utf8'), 'not json');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
