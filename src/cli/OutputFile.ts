import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors';
import { describeWriteError } from './describeWriteError';

/**
 * A file a flag such as `--out` names, written whole or not at all. A regular file, new or
 * replaced, is written to a temporary file beside it, flushed to disk, and renamed over it only once
 * complete: a failed or interrupted run leaves no partial file that looks complete, and an older
 * file stays as it was. A device, FIFO or socket (`/dev/null`, `/dev/stdout`) cannot be renamed
 * over, so it is written directly; its write errors are reported all the same.
 * @example
 * const file = await OutputFile.open('statuses.ndjson', '--out');
 * try {
 *   await file.write('{}\n');
 *   await file.commit();
 * } catch (error) {
 *   await file.discard();
 *   throw error;
 * }
 */
export class OutputFile {
  readonly #path: string;
  readonly #flag: string;
  readonly #handle: FileHandle;
  readonly #target: string;
  /** `undefined` when the file is written directly. */
  readonly #temporary: string | undefined;
  readonly #replaces: boolean;
  #closed = false;

  private constructor(fields: {
    path: string;
    flag: string;
    handle: FileHandle;
    target: string;
    temporary: string | undefined;
    replaces: boolean;
  }) {
    this.#path = fields.path;
    this.#flag = fields.flag;
    this.#handle = fields.handle;
    this.#target = fields.target;
    this.#temporary = fields.temporary;
    this.#replaces = fields.replaces;
  }

  /** Opens `path` for writing; `flag` names it in messages. Throws an `OutputError` if it cannot be. */
  static async open(path: string, flag: string): Promise<OutputFile> {
    const refuse = (error: unknown): OutputError =>
      new OutputError(path, `cannot write ${flag} ${path}: ${describeWriteError(error)}`, {
        cause: error,
      });
    let existing: Stats | undefined;
    try {
      existing = await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(error);
    }
    if (existing?.isDirectory()) {
      throw new OutputError(path, `cannot write ${flag} ${path}: it is a directory; name a file`);
    }
    try {
      if (existing !== undefined && !existing.isFile()) {
        const handle = await open(path, 'w');
        return new OutputFile({
          path,
          flag,
          handle,
          target: path,
          temporary: undefined,
          replaces: false,
        });
      }
      // Through a symbolic link, the file it points to is the one replaced.
      const target = existing === undefined ? path : await realpath(path);
      // Renaming would replace a file that cannot be written: refuse, as writing it would.
      if (existing !== undefined) await access(target, constants.W_OK);
      const temporary = join(
        dirname(target),
        `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      const handle = await open(temporary, 'wx', 0o666);
      const file = new OutputFile({
        path,
        flag,
        handle,
        target,
        temporary,
        replaces: existing !== undefined,
      });
      if (existing !== undefined) {
        await handle.chmod(existing.mode & 0o7777).catch(async (error: unknown) => {
          await file.discard();
          throw error;
        });
      }
      return file;
    } catch (error) {
      throw refuse(error);
    }
  }

  /** Whether the file is written in place (a device, FIFO or socket), not renamed into place. */
  get direct(): boolean {
    return this.#temporary === undefined;
  }

  /** What a run that did not commit left at the path, e.g. `no file was left at statuses.ndjson`. */
  get leftBehind(): string {
    return this.#replaces
      ? `${this.#path} was left as it was`
      : `no file was left at ${this.#path}`;
  }

  /** Appends text; throws an `OutputError` naming the path and the cause if it cannot. */
  async write(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await this.#handle.write(bytes, offset, bytes.length - offset);
        if (bytesWritten === 0) throw new Error('the file took no more bytes');
        offset += bytesWritten;
      }
    } catch (error) {
      throw this.#failure(error);
    }
  }

  /**
   * Flushes the file to disk, closes it and renames it into place; a delayed write error (a full
   * disk, a network file system) surfaces here as an `OutputError`.
   */
  async commit(): Promise<void> {
    try {
      if (this.#temporary !== undefined) await this.#handle.sync();
      this.#closed = true;
      await this.#handle.close();
      if (this.#temporary !== undefined) await rename(this.#temporary, this.#target);
    } catch (error) {
      throw this.#failure(error);
    }
  }

  /** Closes the file and removes the temporary file; never throws. */
  async discard(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#handle.close().catch(() => undefined);
    }
    if (this.#temporary !== undefined) await unlink(this.#temporary).catch(() => undefined);
  }

  #failure(error: unknown): OutputError {
    const left = this.direct ? '' : ` (${this.leftBehind})`;
    return new OutputError(
      this.#path,
      `cannot write ${this.#flag} ${this.#path}: ${describeWriteError(error)}${left}`,
      { cause: error },
    );
  }
}
