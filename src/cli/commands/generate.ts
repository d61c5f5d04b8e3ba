import { Command, Option } from 'commander';
import { UsageError } from '../../errors';
import { FACTORY_TRAITS, type FactoryTrait } from '../../factories/factoryTraits';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { ExitCode } from '../ExitCode';
import { generatedDocuments } from '../generatedDocuments';
import { GENERATE_KINDS, type GenerateKind, type GenerateOptions } from '../GenerateOptions';
import { OutputFile } from '../OutputFile';
import { parseInteger } from '../parseOptionValues';
import { watchWriteErrors, writeChunk } from '../watchWriteErrors';

const EXAMPLES = `
Output is NDJSON: one JSON document per line, on standard output or in the --out file. The same
--seed always gives the same bytes, on every machine. entity and request documents come from the
realistic factories (with --trait applied); invalid ones break the contract in one labelled way each,
starting with the canonical cases.

Examples:
  $ npx user-status-contracts generate --count 3 --pretty
  $ npx user-status-contracts generate --kind request --trait nonCompliant --trait anonymous --count 100
  $ npx user-status-contracts generate --kind request --count 10000 | npx user-status-contracts validate -
  $ npx user-status-contracts generate --kind invalid --labels --count 50 --seed 7
  $ npx user-status-contracts generate --count 1000000 --out statuses.ndjson

The --out file appears only once complete: it is written beside its path under a temporary name,
flushed, then renamed into place, so a failed or interrupted run leaves no partial file (and an
older file there stays as it was). A device or pipe (/dev/null, a FIFO) is written directly.

Exit codes: 0 generated, 2 usage error (bad flag value), an --out file that could not be written
(full disk, no permission) or --out interrupted before it was complete.`;

// About 64 KiB of text per write: few enough calls to be fast, small enough to keep memory flat.
const CHUNK_CHARACTERS = 64 * 1024;

/** The `generate` verb: streams realistic or invalid documents as NDJSON. */
export function generateCommand({ io, setExitCode }: CommandContext): Command {
  return new Command('generate')
    .description('stream generated entities, create bodies or invalid bodies as NDJSON')
    .addOption(
      new Option(
        '-k, --kind <kind>',
        'what to generate: entity (as a server returns it), request (a valid create body), invalid (a create body that breaks the contract in one labelled way)',
      )
        .choices(GENERATE_KINDS)
        .default('entity'),
    )
    .option('-n, --count <n>', 'how many documents, a positive integer (e.g. 10000)', '10')
    .option(
      '-s, --seed <s>',
      'the seed, an integer: the same seed gives the same bytes on every machine',
      '1',
    )
    .addOption(
      new Option(
        '-t, --trait <trait...>',
        'factory traits for --kind entity or request, applied in order; repeatable (e.g. --trait nonCompliant --trait anonymous): a status name sets the status, anonymous sets both names to null',
      ).choices(FACTORY_TRAITS),
    )
    .option(
      '--labels',
      'with --kind invalid: print { body, violation } per line, violation naming the path and rule broken',
      false,
    )
    .option('--pretty', 'indent each document, for reading (the output is then not NDJSON)', false)
    .option(
      '-o, --out <file>',
      'write to this file instead of standard output: created, or replaced, only once complete',
    )
    .addHelpText('after', EXAMPLES)
    .action(
      async (raw: {
        kind: GenerateKind;
        count: string;
        seed: string;
        trait?: FactoryTrait[];
        labels: boolean;
        pretty: boolean;
        out?: string;
      }) => {
        const options: GenerateOptions = {
          kind: raw.kind,
          count: parseInteger(raw.count, '--count', { min: 1 }),
          seed: parseInteger(raw.seed, '--seed'),
          traits: raw.trait ?? [],
          labels: raw.labels,
          pretty: raw.pretty,
          ...(raw.out === undefined ? {} : { out: raw.out }),
        };
        setExitCode(await generate(options, io));
      },
    );
}

/** Runs `generate` and resolves to its exit code once every document is written. */
export async function generate(options: GenerateOptions, io: CliIo): Promise<ExitCode> {
  if (options.kind === 'invalid' && options.traits.length > 0) {
    throw new UsageError('--trait applies to --kind entity or request, not invalid');
  }
  if (options.kind !== 'invalid' && options.labels) {
    throw new UsageError('--labels applies to --kind invalid only');
  }
  let interrupted = false;
  void io.interrupted.then(() => {
    interrupted = true;
  });
  return options.out === undefined
    ? toStandardOutput(options, io, () => interrupted)
    : toFile(options, options.out, io, () => interrupted);
}

async function toStandardOutput(
  options: GenerateOptions,
  io: CliIo,
  interrupted: () => boolean,
): Promise<ExitCode> {
  const output = io.stdoutStream;
  const failure = watchWriteErrors(output);
  try {
    const written = await writeDocuments(
      options,
      // A reader that closed the pipe has enough: the rest is dropped, and generating stops.
      (chunk) => (failure.readerGone ? Promise.resolve() : writeChunk(output, chunk, failure)),
      () => interrupted() || failure.readerGone,
    );
    io.stderr(
      failure.readerGone
        ? `stopped: the reader closed standard output (seed ${options.seed})\n`
        : `${summary(options, written)}\n`,
    );
    return ExitCode.Ok;
  } finally {
    output.off('error', failure.listener);
  }
}

async function toFile(
  options: GenerateOptions,
  out: string,
  io: CliIo,
  interrupted: () => boolean,
): Promise<ExitCode> {
  const file = await OutputFile.open(out, '--out');
  try {
    const written = await writeDocuments(options, (chunk) => file.write(chunk), interrupted);
    if (written < options.count && !file.direct) {
      await file.discard();
      io.stderr(`${summary(options, written)} before --out was complete (${file.leftBehind})\n`);
      return ExitCode.Usage;
    }
    await file.commit();
    io.stderr(`${summary(options, written)}\n`);
    return ExitCode.Ok;
  } catch (error) {
    await file.discard();
    throw error;
  }
}

/** Generates the documents in chunks of about 64 KiB, until done or `stopped`; returns how many. */
async function writeDocuments(
  options: GenerateOptions,
  write: (chunk: string) => Promise<void>,
  stopped: () => boolean,
): Promise<number> {
  let written = 0;
  let chunk = '';
  const indent = options.pretty ? 2 : undefined;
  for (const document of await generatedDocuments(options)) {
    chunk += `${JSON.stringify(document, null, indent)}\n`;
    written++;
    if (chunk.length >= CHUNK_CHARACTERS) {
      await write(chunk);
      chunk = '';
      if (stopped()) break;
    }
  }
  if (chunk !== '') await write(chunk);
  return written;
}

/** `generated 10 entities (seed 1)`, or `stopped after 3 of 10 ...` when fewer were written. */
function summary(options: GenerateOptions, written: number): string {
  const what = options.kind === 'entity' ? 'entities' : `${options.kind} bodies`;
  return written < options.count
    ? `stopped after ${written} of ${options.count} ${what} (seed ${options.seed})`
    : `generated ${written} ${what} (seed ${options.seed})`;
}
