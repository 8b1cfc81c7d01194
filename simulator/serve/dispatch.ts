/**
 * One request to its handler, by route: discovery, OpenAPI, health, or a resource and
 * its subresources. Non-resource requests are authorized too (`system:discovery` lets
 * every authenticated user read them), so an impersonated user sees what it would see
 * on a real cluster.
 */
import { json, type ApiRequest, type ApiResponse, type ServeContext } from './api';
import { aggregatedContentType, aggregatedDiscovery, aggregatedVersion, apiGroupList, apiGroupOf, apiResourceList, apiVersions, versionInfo } from './discovery';
import { authorizeRequest } from './identity';
import { openApiDocument, openApiIndex } from './openapi';
import { handleResource } from './resources';
import { route } from './routes';
import { pathNotFound } from './status';
import { handleSubresource } from './subresources';

export interface DispatchOptions {
  /** Answer aggregated discovery when asked (kubectl v1.26+ asks); false serves the legacy documents only. */
  aggregatedDiscovery: boolean;
}

/** Serves one authenticated request. Throws StatusError / ApiFailure for the errors. */
export function dispatch(context: ServeContext, request: ApiRequest, options: DispatchOptions): ApiResponse {
  const target = route(request.path);
  if (target.type === 'resource') {
    return target.target.subresource === '' ? handleResource(context, request, target.target) : handleSubresource(context, request, target.target);
  }
  authorizeRequest(context.cluster().store, request.user, { verb: request.method.toLowerCase(), path: request.path });
  const aggregated = options.aggregatedDiscovery ? aggregatedVersion(request.accept) : undefined;
  switch (target.type) {
    case 'version':
      return json(versionInfo());
    case 'health':
      return { kind: 'text', status: 200, text: 'ok', contentType: 'text/plain; charset=utf-8' };
    case 'api':
      return aggregated ? json(aggregatedDiscovery(true, aggregated), 200, aggregatedContentType(aggregated)) : json(apiVersions(context.serverAddress()));
    case 'apis':
      return aggregated ? json(aggregatedDiscovery(false, aggregated), 200, aggregatedContentType(aggregated)) : json(apiGroupList());
    case 'group':
      return json(apiGroupOf(target.group));
    case 'groupVersion':
      return json(apiResourceList(target.group, target.version));
    case 'openapiV3':
      return json(openApiIndex());
    case 'openapiV3Doc': {
      const document = openApiDocument(target.group, target.version);
      if (!document) throw pathNotFound();
      return { kind: 'text', status: 200, text: document.text, contentType: 'application/json' };
    }
    default:
      // Including /openapi/v2: upstream serves it as protobuf only; kubectl does without it.
      throw pathNotFound();
  }
}
