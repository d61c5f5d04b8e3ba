import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { contractsDirectory } from '../../contracts/contractsDirectory';
import { InputError } from '../../errors';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { ExitCode } from '../ExitCode';

/** Options of `compare`, checked and typed. */
export interface CompareOptions {
  /** Pact files to compare. */
  readonly pacts: readonly string[];
  /**
   * The OpenAPI document (JSON; the JSON Schema files it references are read too).
   * @defaultValue the `contracts/openapi.json` shipped with this package
   */
  readonly openapi?: string;
}

const EXAMPLES = `
Checks that every interaction of the pacts is allowed by the OpenAPI document: a documented path,
method and status, and request and response bodies its schemas accept. A consumer can then not
record something the documented shape forbids. Uses PactFlow's openapi-pact-comparator.

Examples:
  $ user-status-contracts compare --pact pacts/user-status-client-graph-user-statuses.json
  $ user-status-contracts compare --pact pacts/my-app-graph-user-statuses.json --openapi contracts/openapi.json

Exit codes: 0 every interaction allowed, 1 any interaction forbidden, 2 usage error or unreadable file.`;

/** The `compare` verb: pacts against the OpenAPI document. */
export function compareCommand({ io, setExitCode }: CommandContext): Command {
  return new Command('compare')
    .description('check that each pact interaction is allowed by the OpenAPI document')
    .requiredOption(
      '--pact <file...>',
      'pact files to compare (required; repeatable, e.g. --pact a.json --pact b.json)',
    )
    .option(
      '--openapi <file>',
      "the OpenAPI 3.1 document as JSON; the schema files it references are read too (default: this package's contracts/openapi.json)",
    )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { pact: string[]; openapi?: string }) => {
      setExitCode(
        await compare(
          { pacts: flags.pact, ...(flags.openapi === undefined ? {} : { openapi: flags.openapi }) },
          io,
        ),
      );
    });
}

/** Runs `compare` and resolves to its exit code. */
export async function compare(options: CompareOptions, io: CliIo): Promise<ExitCode> {
  const openapiPath = options.openapi ?? join(contractsDirectory, 'openapi.json');
  const openapiLabel = options.openapi ?? 'contracts/openapi.json';
  // Loaded here, not at the top: the comparator is only needed by this verb.
  const { bundleOpenApiDocument } = await import('../../pact/bundleOpenApiDocument');
  const { comparePactWithOpenApi } = await import('../../pact/comparePactWithOpenApi');
  const openapi = await bundleOpenApiDocument(openapiPath);
  let compared = 0;
  let forbidden = 0;
  for (const file of options.pacts) {
    const comparison = await comparePactWithOpenApi(await readPact(file), openapi);
    for (const interaction of comparison.interactions) {
      compared++;
      if (!interaction.allowed) forbidden++;
      const verdict = interaction.allowed ? 'ALLOWED' : 'FORBIDDEN';
      io.stdout(`${verdict.padEnd(9)} ${file}: ${interaction.description}\n`);
      for (const finding of interaction.findings) {
        io.stdout(
          `          ${finding.level} ${finding.code} at ${finding.pactLocation || '(the pact)'}: ${finding.message}\n`,
        );
      }
    }
  }
  io.stderr(
    `${compared} interaction(s) compared with ${openapiLabel}: ${compared - forbidden} allowed, ${forbidden} forbidden\n`,
  );
  return forbidden > 0 ? ExitCode.Findings : ExitCode.Ok;
}

async function readPact(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code);
    throw new InputError(file, `cannot read the pact ${file}: ${reason}`, { cause: error });
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch {
    throw new InputError(file, `the pact ${file} is not JSON`);
  }
  if (!Array.isArray((pact as { interactions?: unknown } | null)?.interactions)) {
    throw new InputError(file, `${file} is not a pact: it has no "interactions" list`);
  }
  return pact;
}
