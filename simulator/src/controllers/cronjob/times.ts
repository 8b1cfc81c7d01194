/**
 * When a CronJob should run (pkg/controller/cronjob/utils.go, v1.30): the most recent
 * missed schedule time since the last one (or the creation), bounded by
 * startingDeadlineSeconds; how long to wait for the next one (plus 100 ms, as upstream);
 * and the names and times it writes (`hello-28512345`, RFC 1123Z in events).
 */
import type { JsonObject } from '../../store/json';
import { metaOf, parseTime, specOf, statusOf } from '../deployment/pods';
import type { Schedule } from './schedule';

/** nextScheduleDelta: the requeue lands this long after the schedule time. */
const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  /** The most recent schedule time at or before now, if any. */
  mostRecent: number | undefined;
  missed: Missed;
  error?: string;
}

/** Mirrors mostRecentScheduleTime. */
export function mostRecentScheduleTime(cronJob: JsonObject, now: number, schedule: Schedule, includeStartingDeadline: boolean): MostRecent {
  let earliest = parseTime(metaOf(cronJob).creationTimestamp);
  const last = statusOf(cronJob).lastScheduleTime;
  if (typeof last === 'string') earliest = parseTime(last);
  const deadline = specOf(cronJob).startingDeadlineSeconds;
  if (includeStartingDeadline && typeof deadline === 'number') {
    // The controller is not going to schedule anything before this point.
    const schedulingDeadline = now - deadline * 1000;
    if (schedulingDeadline > earliest) earliest = schedulingDeadline;
  }
  const t1 = schedule.next(earliest);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  // No time within five years (`59 23 31 2 *`): Go's zero times make the gap below zero.
  if (t1 !== undefined && now < t1) return { earliest, mostRecent: undefined, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (t1 === undefined || between < 1) return { earliest, mostRecent: undefined, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.floor((now - t1) / 1000);
  const count = Math.floor(elapsed / between) + 1;
  // Start one interval before the estimate and let the schedule find the exact times.
  let mostRecent: number | undefined;
  for (let t = schedule.next(t1 + (count - 2) * between * 1000); t !== undefined && t <= now; t = schedule.next(t)) mostRecent = t;
  const missed: Missed = count > 100 ? 'many' : count > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** Mirrors nextScheduleTimeDuration: how long until the next schedule time, plus 100 ms. */
export function nextScheduleDelay(cronJob: JsonObject, now: number, schedule: Schedule): number | undefined {
  const { earliest, mostRecent, missed, error } = mostRecentScheduleTime(cronJob, now, schedule, false);
  let from: number;
  if (error !== undefined) from = now;
  else if (mostRecent === undefined) from = missed === 'none' ? earliest : now;
  else from = mostRecent;
  const next = schedule.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}

/** Mirrors getJobName: the CronJob's name and the scheduled time in minutes since the epoch. */
export function jobName(cronJobName: string, scheduled: number): string {
  return `${cronJobName}-${Math.floor(scheduled / 60_000)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 01 Jan 2024 00:05:00 +0000`. */
export function rfc1123z(t: number): string {
  const date = new Date(Math.floor(t / 1000) * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
