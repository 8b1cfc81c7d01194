/**
 * The Dockerfile language features, for server.ts: documents of the `dockerfile` language
 * (or named like a Dockerfile) go here instead of the YAML features.
 */
export { dockerfileCodeActions } from './codeActions';
export { dockerfileCompletion } from './completion';
export { diagnoseDockerfile } from './diagnostics';
export { DockerfileCache, isDockerfile, type DockerfileDocument } from './document';
export { dockerfileHover } from './hover';
