/**
 * The kubelet's two back-offs, both client-go's flowcontrol.Backoff with an initial 10 s
 * doubling up to 5 minutes (kubelet.go: backOffPeriod, MaxContainerBackOff): one for
 * restarting crashed containers (CrashLoopBackOff), one for image pulls
 * (ImagePullBackOff). The entry lives in the container's runtime record, so the state is
 * plain data and the decisions are pure functions of it.
 */

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

/** One flowcontrol.Backoff entry. */
export interface BackoffEntry {
  /** The current back-off. */
  durationMs: number;
  /** When Next() last moved it. */
  lastUpdate: number;
}

/** Mirrors hasExpired: an entry untouched for twice the maximum starts over. */
function expired(eventTime: number, entry: BackoffEntry): boolean {
  return eventTime - entry.lastUpdate > 2 * BACKOFF_MAX_MS;
}

/** Mirrors Backoff.Next: the first call (or one after expiry) gives 10 s, then it doubles up to 5 min. */
export function nextBackoff(entry: BackoffEntry | undefined, now: number): BackoffEntry {
  if (!entry || expired(now, entry)) return { durationMs: BACKOFF_INITIAL_MS, lastUpdate: now };
  return { durationMs: Math.min(entry.durationMs * 2, BACKOFF_MAX_MS), lastUpdate: now };
}

/**
 * Mirrors Backoff.IsInBackOffSince: true while less than the current back-off has passed
 * since `eventTime` (a container's finishedAt). Returns when the back-off ends, or
 * undefined when there is no back-off to wait for.
 */
export function backoffEnds(entry: BackoffEntry | undefined, eventTime: number, now: number): number | undefined {
  if (!entry || expired(eventTime, entry)) return undefined;
  return now - eventTime < entry.durationMs ? eventTime + entry.durationMs : undefined;
}

/**
 * Go's time.Duration.String() for whole milliseconds, as kubelet messages print
 * durations: `796ms`, `1.2s`, `1m20s`, `5m0s`, `1h0m0s`.
 */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const millis = total % 60_000;
  const seconds = `${Math.floor(millis / 1000)}${millis % 1000 === 0 ? '' : `.${String(millis % 1000).padStart(3, '0').replace(/0+$/, '')}`}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}
