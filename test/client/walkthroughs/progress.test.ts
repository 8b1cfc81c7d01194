import * as assert from 'node:assert/strict';
import type { Chapter } from '../../../client/src/walkthroughs/chapter';
import { stepKey } from '../../../client/src/walkthroughs/checks';
import { courseProgress, recordDone } from '../../../client/src/walkthroughs/progress';

const chapter = (steps: [string, boolean][]): Chapter => ({
  title: 'Concepts de base',
  description: '',
  steps: steps.map(([id, checked]) => ({ id, title: id, description: '', media: `${id}.md`, ...(checked ? { check: { kind: 'Pod' } } : { completionEvents: ['onCommand:x'] }) })),
});

describe('walkthroughs: progress through the course', () => {
  const chapters = [
    { id: 'bienvenue', data: chapter([['premier', true]]) },
    { id: 'ressources', data: chapter([['lire', false], ['pod', true], ['deployment', true]]) },
  ];

  it('labels each chapter with its title and counts only the checked steps', () => {
    const progress = courseProgress(chapters, new Set([stepKey('ressources', 'pod')]));
    assert.deepEqual(progress.map((p) => p.label), ['Concepts de base', 'Concepts de base']);
    assert.deepEqual([progress[1]!.done, progress[1]!.total], [1, 2]);
    assert.deepEqual(progress[1]!.steps.map((s) => s.done), [false, true, false]);
  });

  it('a reading step is never counted as done, even if its key were set', () => {
    const progress = courseProgress(chapters, new Set([stepKey('ressources', 'lire')]));
    assert.equal(progress[1]!.steps[0]!.done, false);
    assert.equal(progress[1]!.done, 0);
  });

  it('keeps a step done after its check stops holding, and reports no change when nothing is new', () => {
    const before = new Set([stepKey('ressources', 'pod')]);
    const same = recordDone(before, new Map([[stepKey('ressources', 'pod'), false]]));
    assert.equal(same, before);
    const next = recordDone(before, new Map([[stepKey('ressources', 'deployment'), true]]));
    assert.deepEqual([...next].sort(), [stepKey('ressources', 'deployment'), stepKey('ressources', 'pod')].sort());
  });
});
