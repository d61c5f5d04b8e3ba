#!/usr/bin/env node
import type { CliIo } from './CliIo';
import { run } from './run';

/** The process entry of the `user-status-contracts` bin: the only place that sets the exit code. */
function main(): void {
  let onInterrupt: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (onInterrupt = resolve));
  process.once('SIGINT', () => onInterrupt());
  process.once('SIGTERM', () => onInterrupt());
  let stdoutOpen = true;
  let stderrOpen = true;
  const io: CliIo = {
    stdin: process.stdin,
    stdoutStream: process.stdout,
    stdout: (text) => {
      if (stdoutOpen) process.stdout.write(text);
    },
    stderr: (text) => {
      if (stderrOpen) process.stderr.write(text);
    },
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    interrupted,
  };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that closed the pipe (`... | head`) wants no more output, but the verb still runs to
    // its end so that its exit code tells the truth (`generate` stops early, and exits 0).
    if (stdoutOpen && stderrOpen && error.code !== 'EPIPE') {
      process.stderr.write(
        `warning: standard output failed (${error.message}); output is dropped\n`,
      );
    }
    stdoutOpen = false;
  });
  // Likewise for messages: `... 2>&1 | head` must not crash the verb or change its exit code.
  process.stderr.on('error', () => {
    stderrOpen = false;
  });
  run(process.argv.slice(2), io).then(
    (code) => {
      // Not process.exit(): piped output still being written must not be cut off. Verbs close
      // every handle they open (servers, sockets), so the process ends once output is flushed.
      process.exitCode = code;
    },
    (error: unknown) => {
      if (stderrOpen) process.stderr.write(`internal error: ${String(error)}\n`);
      process.exit(2);
    },
  );
}

main();
