import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Command, Option } from 'commander';
import {
  CONTRACT_NAMES,
  REQUEST_PROFILES,
  type ContractName,
  type RequestProfile,
} from '../../contracts/registry';
import { InputError, UsageError } from '../../errors';
import type { ValidationIssue } from '../../contracts/ValidationIssue';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { ExitCode } from '../ExitCode';
import { issueAsJson } from '../issueAsJson';
import { readJsonDocuments, type JsonFormat } from '../readJsonDocuments';

/** Options of `validate`, checked and typed. */
export interface ValidateOptions {
  /** @defaultValue `'request'` */
  readonly contract: ContractName;
  /** @defaultValue `'documented'` */
  readonly profile: RequestProfile;
  /** One JSON object per document on stdout instead of text lines. @defaultValue `false` */
  readonly json: boolean;
  /** How each input is read; `auto` goes by the file name, then by the content. @defaultValue `'auto'` */
  readonly format: JsonFormat;
  /** Files to read; `-` is standard input, as is none when standard input is not a terminal. */
  readonly inputs: readonly string[];
}

/** Every value `validate --format` accepts. */
export const VALIDATE_FORMATS: readonly JsonFormat[] = ['json', 'ndjson', 'auto'];

const EXAMPLES = `
Input is JSON (one document per file) or NDJSON (one document per line); "-" reads standard input.
With --format auto, .ndjson and .jsonl files are NDJSON; any other input is NDJSON if its first
line is a JSON value, or if it breaks as one document and one of the next 100 lines is an unindented
JSON object on its own (each broken line is then reported); otherwise it is one JSON document.
With no file, piped standard input is read; on a terminal, pass a file or "-".
Memory stays flat however long an NDJSON input is. Each issue prints as "file:line path rule message".
With --json, an issue's "actual" is the value found, as JSON (a number stays a number; strings over
60 characters and large arrays or objects are clipped); it is absent where the value is missing.

Examples:
  $ npx user-status-contracts validate body.json
  $ npx user-status-contracts validate --contract entity response.json
  $ npx user-status-contracts validate --profile graph-metadata partial.json
  $ npx user-status-contracts generate --kind request --count 1000 | npx user-status-contracts validate -
  $ cat body.json | npx user-status-contracts validate
  $ npx user-status-contracts validate --json fixtures/invalid/*.json | jq .
  $ npx user-status-contracts validate --format ndjson export.txt

Exit codes: 0 all valid, 1 any invalid (or not JSON), 2 usage error or unreadable file.`;

/** The `validate` verb: checks JSON or NDJSON documents against a contract. */
export function validateCommand({ io, setExitCode }: CommandContext): Command {
  return new Command('validate')
    .description('check JSON or NDJSON documents against a contract and print every issue')
    .argument(
      '[file...]',
      'JSON or NDJSON files to check; "-" reads standard input (e.g. piped from generate), as does no file when standard input is piped',
    )
    .addOption(
      new Option(
        '-c, --contract <contract>',
        "the contract to check against: request (a create body), entity (a server's answer), error (Graph's error envelope)",
      )
        .choices(CONTRACT_NAMES)
        .default('request'),
    )
    .addOption(
      new Option(
        '-p, --profile <profile>',
        'with --contract request: documented (the five documented properties required) or graph-metadata (all optional)',
      )
        .choices(REQUEST_PROFILES)
        .default('documented'),
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'how to read each input: json (one document), ndjson (one document per line) or auto (.ndjson and .jsonl files are NDJSON, anything else is decided by its content)',
      )
        .choices(VALIDATE_FORMATS)
        .default('auto'),
    )
    .option(
      '--json',
      'print one JSON line per document, { source, line, valid, issues }, instead of text lines (e.g. for jq)',
      false,
    )
    .addHelpText('after', EXAMPLES)
    .action(
      async (
        inputs: string[],
        raw: {
          contract: ContractName;
          profile: RequestProfile;
          json: boolean;
          format: JsonFormat;
        },
      ) => {
        setExitCode(await validate({ ...raw, inputs }, io));
      },
    );
}

/** Runs `validate` and resolves to its exit code. */
export async function validate(options: ValidateOptions, io: CliIo): Promise<ExitCode> {
  // With no file, piped input is what to check; a terminal would wait for typing instead.
  const implicitStdin = options.inputs.length === 0;
  if (implicitStdin && (io.stdin as { isTTY?: boolean }).isTTY === true) {
    throw new UsageError(
      'name the files to check, or "-" to read standard input (e.g. npx user-status-contracts validate body.json, or ... | npx user-status-contracts validate -)',
    );
  }
  const inputs = implicitStdin ? ['-'] : options.inputs;
  if (inputs.filter((input) => input === '-').length > 1) {
    throw new UsageError('standard input ("-") can be given only once');
  }
  // The validator (Ajv and its compiled schemas) loads only when `validate` runs, not for --help.
  const { listIssues } = await import('../../validator/listIssues');
  let documents = 0;
  let invalid = 0;
  const unreadable: InputError[] = [];
  for (const input of inputs) {
    let stream: Readable;
    try {
      stream = await open(input, io);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unreadable.push(error);
      io.stderr(`error: ${error.message}\n`);
      continue;
    }
    const label = input === '-' ? '<stdin>' : input;
    try {
      let found = 0;
      for await (const document of readJsonDocuments(stream, formatOf(input, options.format))) {
        found++;
        documents++;
        const issues: ValidationIssue[] = document.ok
          ? listIssues(options.contract, document.value, { profile: options.profile })
          : [notJson(document.error)];
        if (issues.length > 0) invalid++;
        report(
          io,
          options.json,
          label,
          document.line,
          issues,
          document.ok ? document.value : undefined,
        );
      }
      if (found === 0) {
        // An empty input holds nothing to vouch for: saying "all valid" would hide a broken pipe.
        documents++;
        invalid++;
        const empty = 'no JSON document found: the input is empty';
        report(io, options.json, label, 1, [
          notJson(
            implicitStdin
              ? `${empty} (no file was given, so standard input was read; name a file to check)`
              : empty,
          ),
        ]);
      }
    } catch (error) {
      const failure = new InputError(input, `cannot read ${label}: ${describe(error)}`);
      unreadable.push(failure);
      io.stderr(`error: ${failure.message}\n`);
    }
  }
  const against =
    options.contract === 'request' ? `request (${options.profile} profile)` : options.contract;
  io.stderr(
    `${documents} document(s) checked against the ${against} contract: ${documents - invalid} valid, ${invalid} invalid` +
      (unreadable.length > 0 ? `, ${unreadable.length} input(s) unreadable` : '') +
      '\n',
  );
  if (unreadable.length > 0) return ExitCode.Usage;
  return invalid > 0 ? ExitCode.Findings : ExitCode.Ok;
}

async function open(input: string, io: CliIo): Promise<Readable> {
  if (input === '-') return io.stdin;
  try {
    const info = await stat(input);
    if (info.isDirectory()) {
      throw new InputError(
        input,
        `cannot read ${input}: it is a directory; pass the files in it (e.g. ${input}/*.json)`,
      );
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(input, `cannot read ${input}: ${describe(error)}; check the path`, {
      cause: error,
    });
  }
  return createReadStream(input, { encoding: 'utf8' });
}

/** The format to read an input in: NDJSON by its file name where `auto` leaves the choice open. */
function formatOf(input: string, format: JsonFormat): JsonFormat {
  if (format !== 'auto') return format;
  return /\.(?:ndjson|jsonl)$/i.test(input) ? 'ndjson' : 'auto';
}

function notJson(message: string): ValidationIssue {
  return { path: '', rule: 'json', message, expected: 'a JSON document', actual: 'not JSON' };
}

function report(
  io: CliIo,
  json: boolean,
  source: string,
  line: number,
  issues: readonly ValidationIssue[],
  document?: unknown,
): void {
  if (json) {
    const listed = issues.map((issue) => issueAsJson(issue, document));
    io.stdout(`${JSON.stringify({ source, line, valid: issues.length === 0, issues: listed })}\n`);
    return;
  }
  for (const issue of issues) {
    io.stdout(`${source}:${line} ${issue.path || '(root)'} ${issue.rule} ${withoutRule(issue)}\n`);
  }
}

/** The message, without the rule it may start with: the line names the rule just before it. */
function withoutRule(issue: ValidationIssue): string {
  return issue.message.startsWith(`${issue.rule} `)
    ? issue.message.slice(issue.rule.length + 1)
    : issue.message;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
