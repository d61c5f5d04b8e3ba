import type { Readable, Writable } from 'node:stream';

/** Where a CLI run reads and writes; the real process streams in `main.ts`, buffers in tests. */
export interface CliIo {
  /** Standard input, for `-` arguments. */
  readonly stdin: Readable;
  /** Standard output as a stream, for verbs that stream large output and must respect backpressure. */
  readonly stdoutStream: Writable;
  /** Writes to standard output (results). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (diagnostics, progress, summaries). */
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal (live progress lines only then). */
  readonly isTTY: boolean;
  /** The environment (for `CI`, `NO_COLOR`, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the user asks to stop (Ctrl-C); long-running verbs such as `serve` await it. */
  readonly interrupted: Promise<void>;
}
