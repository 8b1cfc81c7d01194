import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { notFound, StatusError } from '../../../../simulator/src/api/errors';
import { Output } from '../../../../simulator/src/kubectl/commands/context';
import { addSource, ErrorList, KubectlError, UsageError, writeError } from '../../../../simulator/src/kubectl/commands/errors';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;

function invalid(...causes: [string, string][]): StatusError {
  const text = causes.map(([field, message]) => `${field}: ${message}`);
  const message = `Deployment.apps "web" is invalid: ${text.length === 1 ? text[0] : `[${text.join(', ')}]`}`;
  return new StatusError('Invalid', 422, message, 'explication', causes.map(([field, message]) => ({ type: 'FieldValueInvalid', field, message })));
}

function printed(error: unknown, path = 'apply'): Output {
  const out = new Output();
  writeError(out, error, path);
  return out;
}

describe('simulator/kubectl/commands/errors: kubectl checkErr', () => {
  it('prints an API status as `Error from server (Reason): message`, then the French hint', () => {
    const out = printed(notFound(DEPLOYMENTS, 'web'));
    assert.equal(out.exitCode, 1);
    assert.equal(out.stderr, `Error from server (NotFound): deployments.apps "web" not found\n💡 ${notFound(DEPLOYMENTS, 'web').fr}\n`);
  });

  it("rewords an Invalid status as kubectl does: `The Deployment \"web\" is invalid: <cause>`", () => {
    assert.equal(printed(invalid(['spec.replicas', 'Invalid value: -1: must be greater than or equal to 0'])).stderr, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n💡 explication\n');
  });

  it('lists several causes one per line, after the prefix and its trailing space', () => {
    const out = printed(invalid(['spec.replicas', 'Invalid value: -1: boom'], ['spec.selector', 'Required value']));
    assert.equal(out.stderr, 'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: boom\n* spec.selector: Required value\n💡 explication\n');
  });

  it('keeps the Invalid rewording when the file was added to the message (AddSourceToErr)', () => {
    const out = printed(addSource('creating', 'web.yaml', invalid(['spec.replicas', 'Invalid value: -1: boom'])));
    assert.match(out.stderr, /^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1: boom\n/);
  });

  it('names the file in other statuses: `error when creating "web.yaml": ...`', () => {
    const out = printed(addSource('creating', 'web.yaml', notFound(kindInfo('v1', 'Namespace')!, 'dev')));
    assert.match(out.stderr, /^Error from server \(NotFound\): error when creating "web\.yaml": namespaces "dev" not found\n/);
  });

  it("prints kubectl's own errors with `error: ` (once), usage errors with the help line", () => {
    assert.equal(printed(new KubectlError('must specify one of -f and -k')).stderr, 'error: must specify one of -f and -k\n');
    assert.equal(printed(new KubectlError('error: unable to find container named "x"')).stderr, 'error: unable to find container named "x"\n');
    assert.equal(printed(new UsageError('exactly one NAME is required, got 2'), 'create namespace').stderr, "error: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n");
  });

  it('prints several errors one per line (MultipleErrors), statuses in their standard form, each with its hint', () => {
    const out = printed(new ErrorList([notFound(DEPLOYMENTS, 'a'), new KubectlError('the path "x.yaml" does not exist', 'chemin'), invalid(['spec.replicas', 'boom'])]));
    assert.deepEqual(out.stderr.split('\n'), [
      'Error from server (NotFound): deployments.apps "a" not found',
      `💡 ${notFound(DEPLOYMENTS, 'a').fr}`,
      'the path "x.yaml" does not exist',
      '💡 chemin',
      'Error from server (Invalid): Deployment.apps "web" is invalid: spec.replicas: boom',
      '💡 explication',
      '',
    ]);
  });

  it('unwraps a list of one error', () => {
    assert.equal(printed(new ErrorList([new KubectlError('boom')])).stderr, 'error: boom\n');
  });
});
