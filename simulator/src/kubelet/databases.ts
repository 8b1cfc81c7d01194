/**
 * The programs of the database images: redis, postgres, mysql and mongo. Like the real
 * images, postgres and mysql refuse to initialise without a password variable and exit 1
 * with an error log; the others start with a default configuration.
 */
import { daemon, exited, flag, time } from './daemon';
import type { ImageProgram } from './webservers';

const base = (path: string | undefined) => (path ?? '').split('/').pop() ?? '';

export const redis: ImageProgram = (argv, context) => {
  if (!['redis-server', 'redis-sentinel'].includes(base(argv[0]))) return undefined;
  const args = argv.slice(1);
  if (args.includes('--version') || args.includes('-v')) return { code: 0, stdout: [`Redis server v=${context.version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=0`], durationMs: 10 };
  const port = Number(flag(args, 'port') ?? 6379);
  const line = (role: string, mark: string, text: string) => (at: number) => `1:${role} ${time.redis(at)} ${mark} ${text}`;
  const configured = args.some((arg) => arg.endsWith('.conf'));
  return daemon({
    ports: [port],
    readyAfterMs: 40,
    cpuMillis: 2,
    memoryMi: 3.1,
    termExitCode: 0,
    banner: () => [
      [10, line('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo')],
      [10, line('C', '*', `Redis version=${context.version}, bits=64, commit=00000000, modified=0, pid=1, just started`)],
      ...(configured ? [] : [[10, line('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf')] as [number, (at: number) => string]]),
      [12, line('M', '*', 'monotonic clock: POSIX clock_gettime')],
      [13, line('M', '*', `Running mode=standalone, port=${port}.`)],
      [14, line('M', '*', 'Server initialized')],
      [40, line('M', '*', 'Ready to accept connections tcp')],
    ],
  });
};

export const postgres: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'postgres') return undefined;
  const { env } = context;
  if (argv.includes('--version') || argv.includes('-V')) return { code: 0, stdout: [`postgres (PostgreSQL) ${context.version}`], durationMs: 10 };
  if (context.wrapped && !env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
    // Mirrors docker-entrypoint.sh's docker_verify_minimum_env.
    return exited(1, [
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
    ]);
  }
  const log = (text: string) => (at: number) => `${time.postgres(at)} [1] LOG:  ${text}`;
  const init = [
    'The files belonging to this database system will be owned by user "postgres".',
    'This user must also own the server process.',
    '',
    'The database cluster will be initialized with locale "en_US.utf8".',
    `creating directory /var/lib/postgresql/data ... ok`,
    'performing post-bootstrap initialization ... ok',
    'syncing data to disk ... ok',
    '',
    'Success. You can now start the database server.',
    '',
    `CREATE DATABASE`,
    '',
    'PostgreSQL init process complete; ready for start up.',
    '',
  ];
  return daemon({
    ports: [5432],
    readyAfterMs: 2600,
    cpuMillis: 3,
    memoryMi: 24,
    termExitCode: 0,
    banner: () => [
      ...init.map((text, index): [number, string] => [100 + index * 120, text]),
      [2500, log(`starting PostgreSQL ${context.version} on x86_64-pc-linux-${context.alpine ? 'musl' : 'gnu'}, 64-bit`)],
      [2510, log('listening on IPv4 address "0.0.0.0", port 5432')],
      [2510, log('listening on IPv6 address "::", port 5432')],
      [2520, log('listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"')],
      [2600, log(`database system is ready to accept connections`)],
    ],
  });
};

export const mysql: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'mysqld') return undefined;
  const { env } = context;
  const entry = (level: string, text: string) => (at: number) => `${time.offset(at)} [${level}] [Entrypoint]: ${text}`;
  if (context.wrapped && !env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    // Mirrors docker-entrypoint.sh's docker_verify_minimum_env.
    return {
      code: 1,
      durationMs: 400,
      stdout: [entry('Note', `Entrypoint script for MySQL Server ${context.version}-1.el9 started.`)],
      stderr: [
        entry('ERROR', 'Database is uninitialized and password option is not specified'),
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
      ],
    };
  }
  const server = (code: string, text: string) => (at: number) => `${time.micros(at)} 0 [System] [${code}] [Server] ${text}`;
  return daemon({
    ports: [3306, 33060],
    readyAfterMs: 14_000,
    cpuMillis: 8,
    memoryMi: 390,
    termExitCode: 0,
    banner: () => [
      [50, entry('Note', `Entrypoint script for MySQL Server ${context.version}-1.el9 started.`)],
      [80, entry('Note', "Switching to dedicated user 'mysql'")],
      [120, entry('Note', 'Initializing database files')],
      [6000, entry('Note', 'Database files initialized')],
      [6100, entry('Note', 'Starting temporary server')],
      [10_000, entry('Note', 'Stopping temporary server')],
      [12_000, entry('Note', 'MySQL init process done. Ready for start up.')],
      [12_100, server('MY-010116', `/usr/sbin/mysqld (mysqld ${context.version}) starting as process 1`)],
      [14_000, server('MY-010931', `/usr/sbin/mysqld: ready for connections. Version: '${context.version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`)],
    ],
  });
};

export const mongo: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'mongod') return undefined;
  const port = Number(flag(argv.slice(1), 'port') ?? 27017);
  const json = (component: string, id: number, ctx: string, msg: string, attr: string) => (at: number) =>
    `{"t":{"$date":"${time.iso(at).replace('Z', '+00:00')}"},"s":"I",  "c":"${component}", "id":${id}, "ctx":"${ctx}","msg":"${msg}","attr":${attr}}`;
  return daemon({
    ports: [port],
    readyAfterMs: 1500,
    cpuMillis: 7,
    memoryMi: 158,
    termExitCode: 0,
    banner: () => [
      [100, json('CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\'', '{}')],
      [200, json('CONTROL', 4615611, 'initandlisten', 'MongoDB starting', `{"pid":1,"port":${port},"dbPath":"/data/db","architecture":"64-bit","host":"${context.hostname}"}`)],
      [210, json('CONTROL', 23403, 'initandlisten', 'Build Info', `{"buildInfo":{"version":"${context.version}"}}`)],
      [1400, json('NETWORK', 23015, 'listener', 'Listening on', '{"address":"0.0.0.0"}')],
      [1500, json('NETWORK', 23016, 'listener', 'Waiting for connections', `{"port":${port},"ssl":"off"}`)],
    ],
  });
};
