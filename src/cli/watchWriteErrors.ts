import type { Writable } from 'node:stream';
import { OutputError } from '../errors';
import { describeWriteError } from './describeWriteError';

/** The first error the output reported, and the listener that records it. */
export interface WriteFailure {
  error?: Error;
  /** Standard output's reader closed the pipe (`generate | head`): it has enough, so stop. */
  readerGone: boolean;
  readonly listener: (error: NodeJS.ErrnoException) => void;
}

/** Records the first error standard output reports, so writers fail instead of waiting forever. */
export function watchWriteErrors(stream: Writable): WriteFailure {
  const failure: WriteFailure = {
    readerGone: false,
    listener: (error) => {
      if (error.code === 'EPIPE') {
        failure.readerGone = true;
        return;
      }
      failure.error ??= new OutputError(
        '-',
        `cannot write standard output: ${describeWriteError(error)}`,
        { cause: error },
      );
    },
  };
  stream.on('error', failure.listener);
  return failure;
}

/**
 * Writes a chunk, waiting for 'drain' when the stream asks for it (backpressure). Otherwise it
 * still yields to the event loop: a consumer that never pushes back (a file, a fast pipe) must not
 * keep Ctrl-C from being handled until the last document.
 */
export async function writeChunk(
  stream: Writable,
  chunk: string,
  failure: WriteFailure,
): Promise<void> {
  if (failure.error !== undefined) throw failure.error;
  // A destroyed stream would never say 'drain' again.
  if (stream.destroyed) return;
  if (stream.write(chunk)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
  if (failure.error !== undefined) throw failure.error;
}
