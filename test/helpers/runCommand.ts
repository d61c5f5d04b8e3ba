import { execFile } from 'node:child_process';

/** What a finished command printed, and its exit code (-1 when it could not start or was killed). */
export interface CommandOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for npm and the bin run in a project of their own: without the variables an
 * enclosing `npm test` sets (`npm_config_local_prefix`, `npm_package_*`, `INIT_CWD`, ...), which
 * could point a nested npm back at this repository.
 */
export const PROJECT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(npm_(package|lifecycle)_|npm_config_(local_prefix|prefix|global)$|npm_command$|INIT_CWD$)/i.test(
          name,
        ),
    ),
  ),
  PACT_DO_NOT_TRACK: 'true',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};

/** Runs a command in `cwd` and resolves to its outcome; never rejects on a non-zero exit. */
export function runCommand(
  cwd: string,
  file: string,
  args: readonly string[],
  options: { readonly timeoutMs?: number; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        cwd,
        env: options.env ?? PROJECT_ENV,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({
          code,
          stdout,
          stderr: error !== null && code === -1 ? `${stderr}${String(error)}` : stderr,
        });
      },
    );
  });
}
