import * as assert from 'node:assert/strict';
import { cronScheduleError } from '../../../../simulator/src/api/validation/rules/cron';
import { cronJob, job, table } from './helpers';

describe('api/validation jobs and cronjobs', () => {
  table([
    {
      name: 'golden: a Job pod cannot restart Always',
      object: job({ template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } }),
      expected: ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'rejects another restartPolicy in a Job',
      object: job({ template: { spec: { restartPolicy: 'Sometimes', containers: [{ name: 'pi', image: 'perl' }] } } }),
      expected: [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    },
    { name: 'rejects a negative backoffLimit', object: job({ backoffLimit: -1 }), expected: ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'rejects a selector of one’s own without manualSelector',
      object: job({ selector: { matchLabels: { app: 'pi' } } }),
      expected: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated'],
    },
    {
      name: 'golden: a bad cron schedule',
      object: cronJob({ schedule: '*/5 * * *' }),
      expected: ['spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]'],
    },
    { name: 'rejects TZ in the schedule', object: cronJob({ schedule: 'TZ=Europe/Paris 0 2 * * *' }), expected: ['spec.schedule: Invalid value: "TZ=Europe/Paris 0 2 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'] },
    {
      name: 'checks the CronJob pods restartPolicy',
      object: cronJob({ jobTemplate: { spec: { template: { spec: { containers: [{ name: 'b', image: 'busybox' }] } } } } }),
      expected: ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'rejects a concurrencyPolicy',
      object: cronJob({ concurrencyPolicy: 'Never' }),
      expected: ['spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"'],
    },
    { name: 'rejects the Local time zone', object: cronJob({ timeZone: 'Local' }), expected: ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'] },
  ]);

  const schedules: [string, string | undefined][] = [
    ['0 2 * * *', undefined],
    ['*/15 9-17 * * mon-fri', undefined],
    ['@daily', undefined],
    ['@every 1h30m', undefined],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
  ];
  for (const [schedule, error] of schedules) {
    it(`parses "${schedule}" like robfig/cron v3`, () => assert.equal(cronScheduleError(schedule), error));
  }
});
