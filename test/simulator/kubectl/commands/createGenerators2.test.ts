import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

// Expected texts are what the real kubectl (v1.35 binary, `--dry-run=client -o yaml` with
// an unreachable server) printed for the same command lines; the server-side errors
// follow the generators' "failed to create <what>: %v" wrapping (create_*.go, v1.30).

const firstLine = (text: string): string => text.split('\n')[0]!;
const run = (args: string[], files: Record<string, string> = {}) => runKubectl(testCluster(), args, { files });

describe('simulator/kubectl/commands: create quota', () => {
  it('builds a ResourceQuota with hard limits (canonical quantities) and scopes', () => {
    assert.equal(
      kubectl(testCluster(), 'create quota q --hard=pods=2,requests.cpu=1000m --scopes=BestEffort --dry-run=client -o yaml').stdout,
      'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    pods: "2"\n    requests.cpu: "1"\n  scopes:\n  - BestEffort\nstatus: {}\n',
    );
    assert.equal(kubectl(testCluster(), 'create resourcequota q --dry-run=client -o yaml').stdout, 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec: {}\nstatus: {}\n');
  });

  it('creates it, then wraps the server refusal as kubectl does', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create quota q --hard=pods=2').stdout, 'resourcequota/q created\n');
    assert.equal((cluster.store.get(kindInfo('v1', 'ResourceQuota')!, 'default', 'q').spec as { hard: Record<string, string> }).hard.pods, '2');
    const again = kubectl(cluster, 'create quota q --hard=pods=2');
    assert.equal(again.stderr.split('\n')[0], 'error: failed to create quota: resourcequotas "q" already exists');
    assert.match(again.stderr, /\n💡 /);
    assert.equal(again.exitCode, 1);
  });

  it("refuses bad --hard and --scopes with kubectl's texts and a French hint", () => {
    const cluster = testCluster();
    const syntax = kubectl(cluster, 'create quota q --hard=pods');
    assert.equal(firstLine(syntax.stderr), 'error: Invalid argument syntax pods, expected <resource>=<value>');
    assert.match(syntax.stderr, /\n💡 .*--hard=pods=10/);
    assert.equal(firstLine(kubectl(cluster, 'create quota q --hard=pods=x').stderr), "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    assert.equal(firstLine(kubectl(cluster, 'create quota q --hard=a=1,,b=2').stderr), 'error: Invalid argument syntax , expected <resource>=<value>');
    assert.equal(firstLine(kubectl(cluster, 'create quota q --scopes=,').stderr), 'error: invalid resource quota scope ""');
  });
});

describe('simulator/kubectl/commands: create ingress', () => {
  it('gathers paths by host: Exact, or Prefix for a trailing *, numbered or named ports, TLS per secret', () => {
    assert.equal(
      run(['create', 'ingress', 'ing', '--rule=foo.com/bar=svc1:8080,tls=my-cert', '--rule=foo.com/admin*=svc2:http', '--rule=/x=s:1,tls', '--class=nginx', '--default-backend=def:80', '--annotation=a=b', '--annotation=c=', '--dry-run=client', '-o', 'yaml']).stdout,
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  annotations:\n    a: b\n    c: ""\n  name: ing\nspec:\n  defaultBackend:\n    service:\n      name: def\n      port:\n        number: 80\n  ingressClassName: nginx\n  rules:\n  - host: foo.com\n    http:\n      paths:\n      - backend:\n          service:\n            name: svc1\n            port:\n              number: 8080\n        path: /bar\n        pathType: Exact\n      - backend:\n          service:\n            name: svc2\n            port:\n              name: http\n        path: /admin\n        pathType: Prefix\n  - http:\n      paths:\n      - backend:\n          service:\n            name: s\n            port:\n              number: 1\n        path: /x\n        pathType: Exact\n  tls:\n  - hosts:\n    - foo.com\n    secretName: my-cert\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('puts the hosts of ,tls rules without a secret in one TLS entry', () => {
    assert.match(kubectl(testCluster(), 'create ing ing --rule=foo.com/=svc:https,tls --rule=bar.com/p=o:8080,tls --dry-run=client -o yaml').stdout, /\n {2}tls:\n {2}- hosts:\n {4}- foo\.com\n {4}- bar\.com\nstatus:/);
  });

  it('creates it in the namespace given', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create namespace web');
    assert.equal(kubectl(cluster, 'create ingress ing --rule=/=a:80 -n web').stdout, 'ingress.networking.k8s.io/ing created\n');
    assert.ok(cluster.store.find(kindInfo('networking.k8s.io/v1', 'Ingress')!, 'web', 'ing'));
    assert.equal(firstLine(kubectl(cluster, 'create ingress ing --rule=/=a:80 -n web').stderr), 'error: failed to create ingress: ingresses.networking.k8s.io "ing" already exists');
  });

  it("refuses what kubectl's Validate refuses", () => {
    const cluster = testCluster();
    const none = kubectl(cluster, 'create ingress ing');
    assert.equal(firstLine(none.stderr), 'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    assert.match(none.stderr, /\n💡 .*--rule=/);
    assert.equal(firstLine(kubectl(cluster, 'create ingress ing --rule=foo').stderr), 'error: rule foo is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]');
    // The v1.30 regex is not anchored at the end: what follows the port is not checked.
    assert.equal(kubectl(cluster, 'create ingress ing --rule=/=a:80,foo -o name --dry-run=client').stdout, 'ingress.networking.k8s.io/ing\n');
    assert.equal(firstLine(kubectl(cluster, 'create ingress ing --rule=foo.com/a=b').stderr), 'error: rule foo.com/a=b is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]');
    assert.equal(firstLine(kubectl(cluster, 'create ingress ing --rule=foo.com/a,b=svc:80').stderr), 'panic: runtime error: index out of range [1] with length 1');
    assert.equal(firstLine(kubectl(cluster, 'create ingress ing --rule=/=a:b --annotation=x').stderr), 'error: annotation x is invalid and should be in format key=[value]');
    assert.equal(firstLine(kubectl(cluster, 'create ingress ing --default-backend=abc').stderr), 'error: default-backend should be in format servicename:serviceport');
  });
});

describe('simulator/kubectl/commands: create poddisruptionbudget', () => {
  it('parses the selector into matchLabels and matchExpressions, a percentage kept as a string', () => {
    assert.equal(
      run(['create', 'poddisruptionbudget', 'p', '--selector=app=web,tier in (a,b),!x', '--max-unavailable=50%', '--dry-run=client', '-o', 'yaml']).stdout,
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 50%\n  selector:\n    matchExpressions:\n    - key: tier\n      operator: In\n      values:\n      - a\n      - b\n    - key: x\n      operator: DoesNotExist\n    matchLabels:\n      app: web\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n',
    );
    assert.match(kubectl(testCluster(), 'create pdb p --selector=app=web --min-available=2 --dry-run=client -o yaml').stdout, /\nspec:\n {2}minAvailable: 2\n {2}selector:\n {4}matchLabels:\n {6}app: web\n/);
  });

  it('creates it (pdb alias)', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create pdb web --selector=app=web --min-available=1').stdout, 'poddisruptionbudget.policy/web created\n');
    assert.equal(firstLine(kubectl(cluster, 'create pdb web --selector=app=web --min-available=1').stderr), 'error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "web" already exists');
  });

  it("refuses what kubectl refuses, in its order", () => {
    const cluster = testCluster();
    const noSelector = kubectl(cluster, 'create pdb p --min-available=1');
    assert.equal(firstLine(noSelector.stderr), 'error: a selector must be specified');
    assert.match(noSelector.stderr, /\n💡 .*--selector=app=web/);
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=app=web').stderr), 'error: one of min-available or max-unavailable must be specified');
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=app=web --min-available=1 --max-unavailable=1').stderr), 'error: min-available and max-unavailable cannot be both specified');
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=app=web --min-available=1a').stderr), 'error: invalid format specified for min-available');
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=app=web --max-unavailable=-1').stderr), 'error: invalid format specified for max-unavailable');
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=a!b --min-available=1').stderr), 'error: couldn\'t parse the selector string "a!b": unable to parse requirement: found \'!\', expected: in, notin, =, ==, !=, gt, lt');
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=a!=b --min-available=1').stderr), 'error: "!=" is not a valid label selector operator');
    assert.equal(firstLine(kubectl(cluster, 'create pdb p --selector=a>1 --min-available=1').stderr), 'error: "gt" isn\'t supported in label selectors');
  });
});

// An EC (P-256) self-signed certificate and its key, made with openssl for these tests.
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBcDCCARegAwIBAgIUb6UcltXVGkdci0TuuxTqWC0MX+IwCgYIKoZIzj0EAwIw\nDjEMMAoGA1UEAwwDd2ViMB4XDTI2MTEyNjAyMDc0OVoXDTM2MTEyMzAyMDc0OVow\nDjEMMAoGA1UEAwwDd2ViMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE5fNBcZT4\ntb+Q6nCepH6pm5UdCcbVEZ3MqvuU7MYwjOJyChT5i0Ox9II/D1yXoAb80CvLjV4g\npqDMt1FGfF+wdqNTMFEwHQYDVR0OBBYEFIylNar2TLJzu8V8hGsfMgK5H2COMB8G\nA1UdIwQYMBaAFIylNar2TLJzu8V8hGsfMgK5H2COMA8GA1UdEwEB/wQFMAMBAf8w\nCgYIKoZIzj0EAwIDRwAwRAIgDDK7X0rShQktbl4I7ewN4o2EXNER5Qes671toJC6\nmGMCIBLzgTIPrtPuw+VJl4Kb25ttSRHF0CYJDUJoW/YwZEz0\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnAcKkkoSdewZ1DOC\nkZv3bVhyDKEg7/kkRzyYvDxjePyhRANCAATl80FxlPi1v5DqcJ6kfqmblR0JxtUR\nncyq+5TsxjCM4nIKFPmLQ7H0gj8PXJegBvzQK8uNXiCmoMy3UUZ8X7B2\n-----END PRIVATE KEY-----\n';
const TLS_FILES = { 'tls.crt': CERT, 'tls.key': KEY, 'foo.pem': '-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n', 'text.pem': 'hello\n' };

describe('simulator/kubectl/commands: create secret tls and docker-registry', () => {
  it('puts the certificate and the key, base64, in a kubernetes.io/tls Secret', () => {
    assert.equal(
      kubectl(testCluster(), 'create secret tls t --cert=tls.crt --key=tls.key --dry-run=client -o yaml', TLS_FILES).stdout,
      'apiVersion: v1\ndata:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJjRENDQVJlZ0F3SUJBZ0lVYjZVY2x0WFZHa2RjaTBUdXV4VHFXQzBNWCtJd0NnWUlLb1pJemowRUF3SXcKRGpFTU1Bb0dBMVVFQXd3RGQyVmlNQjRYRFRJMk1URXlOakF5TURjME9Wb1hEVE0yTVRFeU16QXlNRGMwT1ZvdwpEakVNTUFvR0ExVUVBd3dEZDJWaU1Ga3dFd1lIS29aSXpqMENBUVlJS29aSXpqMERBUWNEUWdBRTVmTkJjWlQ0CnRiK1E2bkNlcEg2cG01VWRDY2JWRVozTXF2dVU3TVl3ak9KeUNoVDVpME94OUlJL0QxeVhvQWI4MEN2TGpWNGcKcHFETXQxRkdmRit3ZHFOVE1GRXdIUVlEVlIwT0JCWUVGSXlsTmFyMlRMSnp1OFY4aEdzZk1nSzVIMkNPTUI4RwpBMVVkSXdRWU1CYUFGSXlsTmFyMlRMSnp1OFY4aEdzZk1nSzVIMkNPTUE4R0ExVWRFd0VCL3dRRk1BTUJBZjh3CkNnWUlLb1pJemowRUF3SURSd0F3UkFJZ0RESzdYMHJTaFFrdGJsNEk3ZXdONG8yRVhORVI1UWVzNjcxdG9KQzYKbUdNQ0lCTHpnVElQcnRQdXcrVkpsNEtiMjV0dFNSSEYwQ1lKRFVKb1cvWXdaRXowCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ25BY0tra29TZGV3WjFET0MKa1p2M2JWaHlES0VnNy9ra1J6eVl2RHhqZVB5aFJBTkNBQVRsODBGeGxQaTF2NURxY0o2a2ZxbWJsUjBKeHRVUgpuY3lxKzVUc3hqQ000bklLRlBtTFE3SDBnajhQWEplZ0J2elFLOHVOWGlDbW9NeTNVVVo4WDdCMgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==\nkind: Secret\nmetadata:\n  name: t\ntype: kubernetes.io/tls\n',
    );
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create secret tls t --cert=tls.crt --key=tls.key', TLS_FILES).stdout, 'secret/t created\n');
    assert.equal(firstLine(kubectl(cluster, 'create secret tls t --cert=tls.crt --key=tls.key', TLS_FILES).stderr), 'error: failed to create secret: secrets "t" already exists');
  });

  it("checks the PEM blocks as crypto/tls does, with Go's texts", () => {
    const cluster = testCluster();
    const check = (flags: string): string => firstLine(kubectl(cluster, `create secret tls t ${flags}`, TLS_FILES).stderr);
    assert.equal(check('--cert=tls.crt'), 'error: key and cert must be specified');
    assert.equal(check('--cert=nope.pem --key=tls.key'), 'error: Cannot read file nope.pem, open nope.pem: no such file or directory');
    assert.equal(check('--cert=text.pem --key=tls.key'), 'error: tls: failed to find any PEM data in certificate input');
    assert.equal(check('--cert=tls.crt --key=text.pem'), 'error: tls: failed to find any PEM data in key input');
    assert.equal(check('--cert=tls.key --key=tls.crt'), 'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    assert.equal(check('--cert=tls.crt --key=tls.crt'), 'error: tls: found a certificate rather than a key in the PEM for the private key');
    assert.equal(check('--cert=foo.pem --key=tls.key'), 'error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO]');
    assert.equal(check('--cert=tls.crt --key=foo.pem'), 'error: tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [FOO]');
    assert.match(kubectl(cluster, 'create secret tls t --cert=tls.key --key=tls.crt', TLS_FILES).stderr, /\n💡 .*inversés/);
  });

  it('writes .dockerconfigjson with the auth field (Go escapes <, > and &), Docker Hub by default', () => {
    assert.equal(
      run(['create', 'secret', 'docker-registry', 'd', '--docker-server=reg.io', '--docker-username=u', '--docker-password=p<&', '--docker-email=e@x', '--dry-run=client', '-o', 'yaml']).stdout,
      'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJyZWcuaW8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwXHUwMDNjXHUwMDI2IiwiZW1haWwiOiJlQHgiLCJhdXRoIjoiZFRwd1BDWT0ifX19\nkind: Secret\nmetadata:\n  name: d\ntype: kubernetes.io/dockerconfigjson\n',
    );
    assert.match(kubectl(testCluster(), 'create secret docker-registry d --docker-username=u --docker-password=p --dry-run=client -o yaml').stdout, /\n {2}\.dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19\n/);
    const missing = kubectl(testCluster(), 'create secret docker-registry d --docker-username=u');
    assert.equal(firstLine(missing.stderr), 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    assert.match(missing.stderr, /\n💡 .*--docker-password/);
  });
});

/** The claims of a JWT (its middle segment, base64url JSON). */
const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('simulator/kubectl/commands: create token', () => {
  it("prints a JWT with kube-apiserver's claims, timed by the cluster's clock", () => {
    const cluster = testCluster();
    kubectl(cluster, 'create serviceaccount robot');
    const uid = (cluster.store.get(kindInfo('v1', 'ServiceAccount')!, 'default', 'robot').metadata as { uid: string }).uid;
    const { stdout, stderr } = kubectl(cluster, 'create token robot --duration=2h');
    assert.equal(stderr, '');
    assert.match(stdout, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'no newline when stdout is not a terminal');
    const [header, , signature] = stdout.split('.') as [string, string, string];
    assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')), { alg: 'RS256', kid: 'QXRlbGllcktzU2ltdWxhdGVkU2lnbmluZ0tleUlkMDA' });
    assert.equal(Buffer.from(signature, 'base64url').length, 256);
    const claims = claimsOf(stdout);
    const now = Math.floor(cluster.clock.now() / 1000);
    assert.deepEqual(Object.keys(claims), ['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    assert.deepEqual(claims.aud, ['https://kubernetes.default.svc.cluster.local']);
    assert.equal(claims.iss, 'https://kubernetes.default.svc.cluster.local');
    assert.equal(claims.iat, now);
    assert.equal(claims.nbf, now);
    assert.equal(claims.exp, now + 7200);
    assert.deepEqual(claims['kubernetes.io'], { namespace: 'default', serviceaccount: { name: 'robot', uid } });
    assert.equal(claims.sub, 'system:serviceaccount:default:robot');
  });

  it('is the same token for the same seed, with the audiences asked for, and a newline in a terminal', () => {
    const tokenOf = (): string => {
      const cluster = testCluster(7);
      kubectl(cluster, 'create sa robot');
      return runKubectl(cluster, ['create', 'token', 'robot', '--audience=a', '--audience=b'], { terminal: true }).stdout;
    };
    const token = tokenOf();
    assert.equal(tokenOf(), token);
    assert.ok(token.endsWith('\n'));
    assert.deepEqual(claimsOf(token.trim()).aud, ['a', 'b']);
  });

  it('prints the TokenRequest with -o yaml', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create sa robot');
    const yaml = kubectl(cluster, 'create token robot -o yaml').stdout;
    assert.match(yaml, /^apiVersion: authentication\.k8s\.io\/v1\nkind: TokenRequest\nmetadata:\n {2}creationTimestamp: null\n {2}name: robot\n {2}namespace: default\nspec:\n {2}audiences:\n {2}- https:\/\/kubernetes\.default\.svc\.cluster\.local\n {2}boundObjectRef: null\n {2}expirationSeconds: 3600\nstatus:\n {2}expirationTimestamp: "[0-9-]+T[0-9:]+Z"\n {2}token: [\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('binds the token to a Secret (its name and uid in the claims), refuses a missing Pod', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create sa robot');
    kubectl(cluster, 'create secret generic s --from-literal=a=b');
    const uid = (cluster.store.get(kindInfo('v1', 'Secret')!, 'default', 's').metadata as { uid: string }).uid;
    const token = kubectl(cluster, 'create token robot --bound-object-kind=Secret --bound-object-name=s').stdout;
    assert.deepEqual((claimsOf(token)['kubernetes.io'] as Record<string, unknown>).secret, { name: 's', uid });
    assert.equal(firstLine(kubectl(cluster, 'create token robot --bound-object-kind=Pod --bound-object-name=nope').stderr), 'error: failed to create token: pods "nope" not found');
  });

  it("refuses a missing ServiceAccount and bad flags with kubectl's texts", () => {
    const cluster = testCluster();
    const missing = kubectl(cluster, 'create token nope');
    assert.equal(firstLine(missing.stderr), 'error: failed to create token: serviceaccounts "nope" not found');
    assert.match(missing.stderr, /\n💡 .*create serviceaccount nope/);
    kubectl(cluster, 'create sa robot');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --duration=-1h').stderr), 'error: --duration must be greater than or equal to 0');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --duration=1500ms').stderr), 'error: --duration cannot be expressed in units less than seconds');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --duration=1m').stderr), 'error: failed to create token: TokenRequest.authentication.k8s.io "robot" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --audience=').stderr), 'error: --audience must not be an empty string');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --bound-object-name=x').stderr), 'error: --bound-object-name can only be set if --bound-object-kind is provided');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --bound-object-kind=Node --bound-object-name=x').stderr), 'error: supported --bound-object-kind values are Pod, Secret');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --bound-object-kind=Pod').stderr), 'error: --bound-object-name is required if --bound-object-kind is provided');
    assert.equal(firstLine(kubectl(cluster, 'create token robot --dry-run=client').stderr), 'error: unknown flag: --dry-run');
  });
});
