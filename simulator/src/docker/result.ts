/** What a docker command printed and its exit code, like the CLI's CliResult. */
export interface DockerResult {
  stdout: string;
  /** Errors (docker writes them on stderr). */
  stderr: string;
  exitCode: number;
  /**
   * What docker writes on stderr to report progress, not an error (BuildKit's steps, a
   * pull's layers, `Unable to find image ... locally`): it comes before stdout.
   */
  progress?: string;
  /** A French explanation for the learner, printed after stderr (💡 ...), never instead of docker's text. */
  hint?: string;
}

export const done = (stdout = '', progress = ''): DockerResult => ({ stdout, stderr: '', exitCode: 0, ...(progress ? { progress } : {}) });

export const failed = (stderr: string, exitCode = 1, progress = ''): DockerResult => ({ stdout: '', stderr, exitCode, ...(progress ? { progress } : {}) });
