import * as assert from 'node:assert/strict';
import { applyFix, fixesFor, yaml } from './helpers';

const pod = (image: string): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: web
        image: ${image} # l'image du cours
`;

describe('server/features/codeActions: image-latest', () => {
  it('pins a known image to its suggested tag, in place, keeping the comment', () => {
    const text = pod('nginx');
    const { actions } = fixesFor(text, 'image-latest');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred]),
      [["Fixer la version de l'image : nginx:1.27", true]],
    );
    assert.equal(applyFix(text, 'image-latest'), pod('nginx:1.27'));
  });

  it('replaces `latest` and keeps the quotes and the registry', () => {
    assert.equal(applyFix(pod('"docker.io/library/redis:latest"'), 'image-latest'), pod('"docker.io/library/redis:7.2"'));
  });

  it('offers nothing for an image whose versions are unknown', () => {
    assert.deepEqual(fixesFor(pod('registry.example.com/team/app:latest'), 'image-latest').actions, []);
  });
});
