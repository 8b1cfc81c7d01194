import * as assert from 'node:assert/strict';
import { pathMatches, resolveIngress } from '../../../simulator/src/network/ingress';
import type { JsonObject } from '../../../simulator/src/store/json';
import { readerOver } from './fixtures';

const service = (name: string): JsonObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80 }] } });

let clock = 0;
/** An Ingress created one second after the previous one. */
function ingress(name: string, spec: JsonObject): JsonObject {
  clock += 1000;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: new Date(clock).toISOString() }, spec };
}

const backend = (name: string, port: JsonObject = { number: 80 }): JsonObject => ({ service: { name, port } });
const path = (p: string, pathType: string, to: string): JsonObject => ({ path: p, pathType, backend: backend(to) });
const rule = (host: string | undefined, ...paths: JsonObject[]): JsonObject => ({ ...(host ? { host } : {}), http: { paths } });

/** `host/path` -> `ingress: service` (or `404`). */
function where(objects: JsonObject[], host: string, requestPath: string): string {
  const route = resolveIngress(readerOver(objects), host, requestPath);
  if (!route) return '404';
  const name = (route.ingress.metadata as { name: string }).name;
  return `${name}: ${String((route.backend.service as { name: string }).name)}${route.path ? ` ${route.path.path} ${route.path.pathType}` : ' default'}`;
}

const SERVICES = ['web', 'api', 'api-v2', 'docs', 'fallback', 'other'].map(service);

describe('network: Ingress resolution (ingress-nginx)', () => {
  it('matches Prefix by path elements, Exact exactly, ImplementationSpecific as a string prefix', () => {
    assert.equal(pathMatches('Prefix', '/foo', '/foo'), true);
    assert.equal(pathMatches('Prefix', '/foo', '/foo/bar'), true);
    assert.equal(pathMatches('Prefix', '/foo', '/foobar'), false);
    assert.equal(pathMatches('Prefix', '/foo/', '/foo'), true, 'a trailing slash is ignored');
    assert.equal(pathMatches('Prefix', '/', '/anything'), true);
    assert.equal(pathMatches('Prefix', '/foo', '/foo?x=1'), true, 'the query does not count');
    assert.equal(pathMatches('Exact', '/foo', '/foo'), true);
    assert.equal(pathMatches('Exact', '/foo', '/foo/'), false);
    assert.equal(pathMatches('ImplementationSpecific', '/foo', '/foobar'), true);
  });

  it('picks the longest matching path, Exact before Prefix of the same length', () => {
    const objects = [...SERVICES, ingress('site', { rules: [rule('shop.example.com', path('/', 'Prefix', 'web'), path('/api', 'Prefix', 'api'), path('/api/v2', 'Prefix', 'api-v2'), path('/docs', 'Exact', 'docs'), path('/docs', 'Prefix', 'web'))] })];
    assert.equal(where(objects, 'shop.example.com', '/'), 'site: web / Prefix');
    assert.equal(where(objects, 'shop.example.com', '/api/users'), 'site: api /api Prefix');
    assert.equal(where(objects, 'shop.example.com', '/api/v2/users'), 'site: api-v2 /api/v2 Prefix');
    assert.equal(where(objects, 'shop.example.com', '/apis'), 'site: web / Prefix');
    assert.equal(where(objects, 'shop.example.com', '/docs'), 'site: docs /docs Exact');
    assert.equal(where(objects, 'shop.example.com', '/docs/intro'), 'site: web /docs Prefix');
  });

  it('chooses the server by host: exact, then the longest wildcard (one label), then the rules without host', () => {
    const objects = [
      ...SERVICES,
      ingress('exact', { rules: [rule('api.example.com', path('/', 'Prefix', 'api'))] }),
      ingress('wild', { rules: [rule('*.example.com', path('/', 'Prefix', 'web'))] }),
      ingress('any', { rules: [rule(undefined, path('/', 'Prefix', 'other'))] }),
    ];
    assert.equal(where(objects, 'api.example.com', '/'), 'exact: api / Prefix');
    assert.equal(where(objects, 'API.Example.com:8080', '/'), 'exact: api / Prefix', 'case and port do not count');
    assert.equal(where(objects, 'shop.example.com', '/'), 'wild: web / Prefix');
    assert.equal(where(objects, 'a.shop.example.com', '/'), 'any: other / Prefix', 'a wildcard covers one label');
    assert.equal(where(objects, 'example.com', '/'), 'any: other / Prefix');
    assert.equal(where(objects, '172.18.0.2', '/'), 'any: other / Prefix');
  });

  it('answers 404 when nothing matches, and does not fall back on the rules without host for a known host', () => {
    const objects = [...SERVICES, ingress('only-api', { rules: [rule('api.example.com', path('/api', 'Prefix', 'api'))] }), ingress('any', { rules: [rule(undefined, path('/', 'Prefix', 'other'))] })];
    assert.equal(where(objects, 'api.example.com', '/'), '404');
    assert.equal(where([...SERVICES, ingress('only-api', { rules: [rule('api.example.com', path('/api', 'Prefix', 'api'))] })], 'web.example.com', '/'), '404');
  });

  it("uses the host's Ingress defaultBackend, and for other hosts that of an Ingress without rules", () => {
    const objects = [
      ...SERVICES,
      ingress('with-default', { defaultBackend: backend('fallback'), rules: [rule('shop.example.com', path('/api', 'Prefix', 'api'))] }),
      ingress('catch-all', { defaultBackend: backend('other') }),
    ];
    assert.equal(where(objects, 'shop.example.com', '/api'), 'with-default: api /api Prefix');
    assert.equal(where(objects, 'shop.example.com', '/cart'), 'with-default: fallback default');
    assert.equal(where(objects, 'unknown.example.com', '/'), 'catch-all: other default');
    // ingress-nginx skips a default backend whose Service does not exist.
    assert.equal(where([...SERVICES, ingress('missing', { defaultBackend: backend('nope') })], 'x', '/'), '404');
  });

  it('lets the oldest Ingress win for the same host and path', () => {
    const objects = [...SERVICES, ingress('first', { rules: [rule('shop.example.com', path('/', 'Prefix', 'web'))] }), ingress('second', { rules: [rule('shop.example.com', path('/', 'Prefix', 'other'))] })];
    assert.equal(where(objects, 'shop.example.com', '/'), 'first: web / Prefix');
  });

  it('serves the nginx class, Ingresses without class and classes of its controller; ignores the others', () => {
    const traefik = ingress('traefik', { ingressClassName: 'traefik', rules: [rule('t.example.com', path('/', 'Prefix', 'web'))] });
    const nginx = ingress('nginx', { ingressClassName: 'nginx', rules: [rule('n.example.com', path('/', 'Prefix', 'web'))] });
    const none = ingress('none', { rules: [rule('none.example.com', path('/', 'Prefix', 'web'))] });
    const custom = ingress('custom', { ingressClassName: 'internal', rules: [rule('c.example.com', path('/', 'Prefix', 'web'))] });
    const internal: JsonObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'internal' }, spec: { controller: 'k8s.io/ingress-nginx' } };
    const objects = [...SERVICES, traefik, nginx, none, custom, internal];
    assert.equal(where(objects, 't.example.com', '/'), '404');
    assert.equal(where(objects, 'n.example.com', '/'), 'nginx: web / Prefix');
    assert.equal(where(objects, 'none.example.com', '/'), 'none: web / Prefix');
    assert.equal(where(objects, 'c.example.com', '/'), 'custom: web / Prefix');
    assert.equal(where(objects.filter((o) => o !== internal), 'c.example.com', '/'), '404');
  });
});
