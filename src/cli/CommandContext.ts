import type { CliIo } from './CliIo';
import type { ExitCode } from './ExitCode';

/** What each verb's command factory receives: the IO and a way to report the action's exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Records the exit code of the verb that ran. */
  readonly setExitCode: (code: ExitCode) => void;
}
