import * as assert from 'node:assert/strict';
import { Debouncer, type Timers } from '../../../client/src/cluster/debounce';
import { clampSpeed, MAX_GAP_MS, Ticker, type TickerClock } from '../../../client/src/cluster/ticker';

/** Timers and a wall clock that only move when the test says so. */
function fakeTime(): Timers & TickerClock & { advance(ms: number): void } {
  let now = 0;
  let next = 1;
  const timeouts = new Map<number, { at: number; every?: number; callback: () => void }>();
  const intervals = new Map<number, { at: number; every?: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      timeouts.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle) => void timeouts.delete(handle as number),
    setInterval(callback, ms) {
      intervals.set(next, { every: ms, at: now + ms, callback });
      return next++;
    },
    clearInterval: (handle) => void intervals.delete(handle as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timeouts.entries(), ...intervals.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.every !== undefined) timer.at += timer.every;
        else timeouts.delete(id);
        timer.callback();
      }
      now = end;
    },
  };
}

describe('client/cluster/debounce', () => {
  it('runs once after the last of a burst of requests', () => {
    const time = fakeTime();
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 1000, time);
    debouncer.schedule();
    time.advance(600);
    debouncer.schedule();
    time.advance(600);
    assert.equal(runs, 0);
    time.advance(400);
    assert.equal(runs, 1);
    assert.equal(debouncer.pending, false);
  });

  it('runs a waiting action at once on flush, and never after cancel', () => {
    const time = fakeTime();
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 1000, time);
    debouncer.schedule();
    debouncer.flush();
    assert.equal(runs, 1);
    debouncer.schedule();
    debouncer.cancel();
    time.advance(5000);
    assert.equal(runs, 1);
  });
});

describe('client/cluster/ticker: simulated time', () => {
  it('hands the cluster real time multiplied by the speed', () => {
    const time = fakeTime();
    const ticks: number[] = [];
    const ticker = new Ticker((ms) => ticks.push(ms), time, 1000);
    ticker.speed = 10;
    ticker.resume();
    time.advance(3000);
    assert.deepEqual(ticks, [10_000, 10_000, 10_000]);
  });

  it('keeps the speed between ×1 and ×60', () => {
    assert.deepEqual([clampSpeed(0), clampSpeed(30), clampSpeed(600), clampSpeed('fast'), clampSpeed(Number.NaN)], [1, 30, 60, 1, 1]);
  });

  it('stops on pause, counting the time since the last tick, and starts again on resume', () => {
    const time = fakeTime();
    const ticks: number[] = [];
    const ticker = new Ticker((ms) => ticks.push(ms), time, 1000);
    ticker.resume();
    time.advance(1500);
    ticker.pause();
    assert.equal(ticker.paused, true);
    time.advance(10_000);
    assert.deepEqual(ticks, [1000, 500]);
    ticker.resume();
    time.advance(1000);
    assert.deepEqual(ticks, [1000, 500, 1000]);
  });

  it('does not replay a machine\'s sleep', () => {
    let now = 0;
    let tick: () => void = () => undefined;
    const ticks: number[] = [];
    const ticker = new Ticker((ms) => ticks.push(ms), { now: () => now, setInterval: (callback) => (tick = callback), clearInterval: () => undefined });
    ticker.resume();
    now = 3_600_000;
    tick();
    assert.deepEqual(ticks, [MAX_GAP_MS]);
  });
});
