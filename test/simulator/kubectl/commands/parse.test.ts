import * as assert from 'node:assert/strict';
import { FlagError, parseDuration, parseFlags, wordPositions, type FlagSpec } from '../../../../simulator/src/kubectl/commands/parse';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'to-revision', type: 'int' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'timeout', type: 'duration' },
  { name: 'dry-run', type: 'string', optional: 'unchanged' },
];

const parse = (line: string) => parseFlags(line.split(' ').filter(Boolean), SPECS);
const failure = (line: string): string => {
  try {
    parse(line);
  } catch (error) {
    assert.ok(error instanceof FlagError);
    return error.message;
  }
  assert.fail(`${line} parsed`);
};

describe('simulator/kubectl/commands/parse: pflag syntax', () => {
  it('reads long flags with = or a separate value, and flags among the arguments', () => {
    const { positionals, values } = parse('get pods --namespace=dev web --output yaml');
    assert.deepEqual(positionals, ['get', 'pods', 'web']);
    assert.equal(values.get('namespace'), 'dev');
    assert.equal(values.get('output'), 'yaml');
  });

  it('reads shorthands: -n ns, -nns, -n=ns, combined booleans and a value glued to the last', () => {
    assert.equal(parse('-n dev').values.get('namespace'), 'dev');
    assert.equal(parse('-ndev').values.get('namespace'), 'dev');
    assert.equal(parse('-n=dev').values.get('namespace'), 'dev');
    const combined = parse('-Aw -ojson').values;
    assert.equal(combined.get('all-namespaces'), true);
    assert.equal(combined.get('watch'), true);
    assert.equal(combined.get('output'), 'json');
    assert.equal(parse('-Ao wide').values.get('output'), 'wide');
  });

  it('parses booleans, integers (Go syntax), durations and the optional value of --dry-run', () => {
    assert.equal(parse('--all-namespaces=false').values.get('all-namespaces'), false);
    assert.equal(parse('--replicas=0x10').values.get('replicas'), 16);
    assert.equal(parse('-r 3').values.get('replicas'), 3);
    assert.equal(parse('--timeout=1m30s').values.get('timeout'), 90_000);
    assert.equal(parse('--dry-run').values.get('dry-run'), 'unchanged');
    assert.equal(parse('--dry-run=client').values.get('dry-run'), 'client');
  });

  it('splits a string slice on commas and accumulates repeated flags', () => {
    assert.deepEqual(parse('-f a.yaml,b.yaml -f c.yaml').values.get('filename'), ['a.yaml', 'b.yaml', 'c.yaml']);
    assert.deepEqual(parse('--from-literal=a=1,2 --from-literal=b=3').values.get('from-literal'), ['a=1,2', 'b=3']);
  });

  it('stops at -- and keeps a lone dash as an argument', () => {
    const { positionals, values } = parse('deploy web -f - -- sh -c --replicas');
    assert.deepEqual(positionals, ['deploy', 'web', 'sh', '-c', '--replicas']);
    assert.deepEqual(values.get('filename'), ['-']);
  });

  it("reports pflag's errors word for word", () => {
    assert.equal(failure('get --foo'), 'unknown flag: --foo');
    assert.equal(failure('get --foo=bar'), 'unknown flag: --foo');
    assert.equal(failure('get -x'), "unknown shorthand flag: 'x' in -x");
    assert.equal(failure('get -Ax'), "unknown shorthand flag: 'x' in -Ax");
    assert.equal(failure('get -n'), "flag needs an argument: 'n' in -n");
    assert.equal(failure('get --namespace'), 'flag needs an argument: --namespace');
    assert.equal(failure('get ---x'), 'bad flag syntax: ---x');
    assert.equal(failure('--replicas=abc'), 'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    assert.equal(failure('--to-revision=x'), 'invalid argument "x" for "--to-revision" flag: strconv.ParseInt: parsing "x": invalid syntax');
    assert.equal(failure('-A=abc'), 'invalid argument "abc" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "abc": invalid syntax');
    assert.equal(failure('--timeout=x'), 'invalid argument "x" for "--timeout" flag: time: invalid duration "x"');
  });

  it('finds the words that are not flags, skipping the values of flags that take one', () => {
    const args = ['-n', 'dev', 'create', '--dry-run', 'deployment', 'web', '--output=yaml', '-o', 'json'];
    assert.deepEqual(
      wordPositions(args, SPECS).map((index) => args[index]),
      ['create', 'deployment', 'web'],
    );
  });
});

describe('simulator/kubectl/commands/parse: parseDuration (Go time.ParseDuration)', () => {
  it('reads the units and combinations kubectl and atelier advance accept', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('1.5h'), 5_400_000);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('0'), 0);
  });

  it("rejects what Go rejects, with Go's messages", () => {
    assert.throws(() => parseDuration('5'), { message: 'time: missing unit in duration "5"' });
    assert.throws(() => parseDuration('5d'), { message: 'time: unknown unit "d" in duration "5d"' });
    assert.throws(() => parseDuration('abc'), { message: 'time: invalid duration "abc"' });
    assert.throws(() => parseDuration(''), { message: 'time: invalid duration ""' });
  });
});
