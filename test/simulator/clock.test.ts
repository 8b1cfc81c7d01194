import * as assert from 'node:assert/strict';
import { ManualClock, formatTimestamp } from '../../simulator/src/clock';

describe('simulator/clock', () => {
  it('starts at 2024-01-01T00:00:00Z unless told otherwise', () => {
    assert.equal(formatTimestamp(new ManualClock().now()), '2024-01-01T00:00:00Z');
    assert.equal(new ManualClock(1_000).now(), 1_000);
  });

  it('moves only when advanced', () => {
    const clock = new ManualClock(0);
    assert.equal(clock.now(), 0);
    assert.equal(clock.now(), 0);
    clock.advance(1_500);
    clock.advance(500);
    assert.equal(clock.now(), 2_000);
  });

  it('refuses to go backwards or to jump by a non-number', () => {
    const clock = new ManualClock(0);
    assert.throws(() => clock.advance(-1), RangeError);
    assert.throws(() => clock.advance(Number.NaN), RangeError);
    assert.throws(() => new ManualClock(Number.POSITIVE_INFINITY), RangeError);
    assert.equal(clock.now(), 0);
  });

  it('formats times as metav1.Time does: UTC, whole seconds', () => {
    assert.equal(formatTimestamp(Date.UTC(2024, 4, 17, 9, 5, 3, 999)), '2024-05-17T09:05:03Z');
  });
});
