import * as assert from 'node:assert/strict';
import { cleanHostPath, subContext, type BuildContext } from '../../../simulator/src/docker/context';

describe('docker build: host paths of the context and of -f', () => {
  it('keeps an absolute path absolute and cleans a relative one', () => {
    assert.equal(cleanHostPath('/home/moi/app/'), '/home/moi/app');
    assert.equal(cleanHostPath('/home/moi/./app/../site'), '/home/moi/site');
    assert.equal(cleanHostPath('./app/'), 'app');
    assert.equal(cleanHostPath('.'), '');
  });

  it('reads an absolute context folder on the host, and keeps paths inside it within it', () => {
    const read: string[] = [];
    const host: BuildContext = { readFile: (p) => (read.push(p), p === '/home/moi/app/index.html' ? 'bonjour' : undefined), readDir: () => [] };
    const context = subContext(host, '/home/moi/app');
    assert.equal(context.readFile('index.html'), 'bonjour');
    assert.equal(context.readFile('/index.html'), 'bonjour', 'a leading / inside the context is relative to its root');
    context.readFile('../../etc/passwd');
    assert.ok(read.every((p) => p.startsWith('/home/moi/app/')), read.join(', '));
  });
});
