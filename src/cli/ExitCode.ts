/** The CLI's exit codes, a public interface that CI scripts rely on. */
export const ExitCode = {
  /** Everything checked is clean. */
  Ok: 0,
  /** Findings, or invalid input. */
  Findings: 1,
  /** A usage error (unknown flag, bad value, unreadable file, unwritable output) or a connection error. */
  Usage: 2,
  /**
   * `fuzz` and `check`: no failure found, but the run is incomplete (a check judged no case: time
   * budget, throttling, a stopped run), so it cannot pass. `--allow-incomplete` turns it into 0.
   */
  Incomplete: 3,
} as const;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
