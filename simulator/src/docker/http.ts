/**
 * What a port published with `docker run -p HOST:CONTAINER` answers: the request goes to
 * the container that holds the host port, then to its server as the simulator's network
 * answers for a Pod (network/http.ts: nginx's pages, the files COPY put in the image...).
 * The editor serves these answers on a real local port. Pure: reads the engine at `now`.
 */
import type { StateReader } from '../kubelet/replay';
import { podAnswer, type HttpAnswer, type HttpRequest } from '../network/http';
import { containerAsPod, stateOf, type ContainerRecord, type PortBinding } from './containers';
import type { DockerEngine } from './engine';

export interface Published {
  container: ContainerRecord;
  binding: PortBinding;
}

/** The host ports running containers publish (TCP), in order. */
export function publishedPorts(engine: DockerEngine, now: number): Published[] {
  const out: Published[] = [];
  for (const container of engine.containers) {
    if (stateOf(engine, container, now).status !== 'running') continue;
    for (const binding of container.ports) if (binding.proto === 'tcp') out.push({ container, binding });
  }
  return out.sort((a, b) => a.binding.host - b.binding.host);
}

/**
 * The answer of host port `hostPort`: the container's server, `refused` when nothing
 * listens on the container's side (docker-proxy then resets the connection), `eof` for a
 * server that does not speak HTTP, `closed` when no running container publishes the port.
 */
export function publishedAnswer(engine: DockerEngine, reader: StateReader, now: number, hostPort: number, request: HttpRequest): HttpAnswer | 'refused' | 'eof' | 'closed' {
  const found = publishedPorts(engine, now).find((p) => p.binding.host === hostPort);
  if (!found) return 'closed';
  const state = stateOf(engine, found.container, now);
  if (state.status !== 'running') return 'closed';
  return podAnswer(reader, now, containerAsPod(found.container, state.startedAt), found.binding.container, request);
}
