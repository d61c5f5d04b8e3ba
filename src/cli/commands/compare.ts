import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { contractsDirectory } from '../../contracts/contractsDirectory';
import { InputError, UsageError } from '../../errors';
import type { CliIo } from '../CliIo';
import type { CommandContext } from '../CommandContext';
import { ExitCode } from '../ExitCode';

/** Options of `compare`, checked and typed. */
export interface CompareOptions {
  /** Pact files, or folders of pact files (their `.json` files), to compare. */
  readonly pacts: readonly string[];
  /**
   * The prefix of the pacts' request paths before the document's paths, e.g. `/v1.0`.
   * @defaultValue per interaction, a base path of the document's `servers`, else none
   */
  readonly basePath?: string;
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

Request paths are matched under the base paths of the document's servers: with this package's
document, /v1.0/deviceManagement/... and /beta/deviceManagement/... (Microsoft Graph) as well as
/deviceManagement/... (the reference provider). Each interaction takes the longest base path its
path starts with. --base-path names the one prefix every path must start with instead.

A folder given to --pact stands for the .json files in it; each file is compared on its own, and
a line per file says whether all its interactions are allowed.

Examples:
  $ npx user-status-contracts compare --pact pacts/user-status-client-graph-user-statuses.json
  $ npx user-status-contracts compare --pact pacts/
  $ npx user-status-contracts compare --pact pacts/my-app-graph-user-statuses.json --openapi contracts/openapi.json
  $ npx user-status-contracts compare --pact pacts/gateway.json --base-path /graph/v1.0

Exit codes: 0 every interaction of every pact allowed, 1 any interaction forbidden, 2 usage error or
unreadable file.`;

/** The `compare` verb: pacts against the OpenAPI document. */
export function compareCommand({ io, setExitCode }: CommandContext): Command {
  return new Command('compare')
    .description('check that each pact interaction is allowed by the OpenAPI document')
    .requiredOption(
      '--pact <fileOrFolder...>',
      'pact files, or folders of .json pact files, to compare (required; repeatable, e.g. --pact a.json --pact pacts/)',
    )
    .option(
      '--base-path <path>',
      "the prefix of every request path of the pacts, e.g. /v1.0 (default: per interaction, a base path of the document's servers it starts with, such as /v1.0 or /beta, else none)",
    )
    .option(
      '--openapi <file>',
      "the OpenAPI 3.1 document as JSON; the schema files it references are read too (default: this package's contracts/openapi.json)",
    )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: { pact: string[]; openapi?: string; basePath?: string }) => {
      setExitCode(
        await compare(
          {
            pacts: flags.pact,
            ...(flags.openapi === undefined ? {} : { openapi: flags.openapi }),
            ...(flags.basePath === undefined ? {} : { basePath: flags.basePath }),
          },
          io,
        ),
      );
    });
}

/** Runs `compare` and resolves to its exit code. */
export async function compare(options: CompareOptions, io: CliIo): Promise<ExitCode> {
  const { basePath } = options;
  if (basePath !== undefined && !basePath.startsWith('/')) {
    throw new UsageError(
      `--base-path must start with "/", e.g. /v1.0 (or / for none), not ${JSON.stringify(basePath)}`,
    );
  }
  const openapiPath = options.openapi ?? join(contractsDirectory, 'openapi.json');
  const openapiLabel = options.openapi ?? 'contracts/openapi.json';
  // Loaded here, not at the top: the comparator is only needed by this verb.
  const { bundleOpenApiDocument } = await import('../../pact/bundleOpenApiDocument');
  const { comparePactWithOpenApi } = await import('../../pact/comparePactWithOpenApi');
  const { expandPactFolders } = await import('../../pact/expandPactFolders');
  const openapi = await bundleOpenApiDocument(openapiPath);
  const files = await expandPactFolders(options.pacts);
  // Every pact is read before any is compared: an unreadable one is refused before any output.
  const pacts = await Promise.all(files.map(async (file) => [file, await readPact(file)] as const));
  let compared = 0;
  let forbidden = 0;
  let failedFiles = 0;
  const unknownPaths = new Set<string>();
  let basePaths: readonly string[] = [];
  for (const [file, pact] of pacts) {
    const comparison = await comparePactWithOpenApi(
      pact,
      openapi,
      basePath === undefined ? {} : { basePath },
    );
    basePaths = comparison.basePaths;
    let fileForbidden = 0;
    for (const interaction of comparison.interactions) {
      compared++;
      if (!interaction.allowed) fileForbidden++;
      const verdict = interaction.allowed ? 'ALLOWED' : 'FORBIDDEN';
      io.stdout(`${verdict.padEnd(9)} ${file}: ${interaction.description}\n`);
      for (const finding of interaction.findings) {
        io.stdout(
          `          ${finding.level} ${finding.code} at ${finding.pactLocation || '(the pact)'}: ${finding.message}\n`,
        );
        if (finding.code === UNKNOWN_PATH) unknownPaths.add(pathOf(finding.message));
      }
    }
    forbidden += fileForbidden;
    if (fileForbidden > 0) failedFiles++;
    const count = comparison.interactions.length;
    io.stdout(
      fileForbidden === 0
        ? `PASS      ${file}: ${count} of ${count} interaction(s) allowed\n`
        : `FAIL      ${file}: ${fileForbidden} of ${count} interaction(s) forbidden\n`,
    );
  }
  io.stderr(
    `${compared} interaction(s) compared with ${openapiLabel}: ${compared - forbidden} allowed, ${forbidden} forbidden` +
      (pacts.length > 1
        ? ` (${pacts.length} pact files: ${pacts.length - failedFiles} passed, ${failedFiles} failed)`
        : '') +
      '\n',
  );
  if (unknownPaths.size > 0) {
    const prefixes = unknownPrefixes(unknownPaths, [
      ...Object.keys(openapi['paths'] ?? {}),
      ...basePaths,
    ]);
    io.stderr(`hint: ${unknownPathHint(basePath, basePaths, prefixes)}\n`);
  }
  return forbidden > 0 ? ExitCode.Findings : ExitCode.Ok;
}

const UNKNOWN_PATH = 'request.path-or-method.unknown';

/** The request path in the comparator's "Path or method not defined in spec file: POST /x" sentence. */
function pathOf(message: string): string {
  return /(\S+)$/.exec(message)?.[1] ?? '';
}

/** The first segments of paths that no documented path or base path starts with, e.g. `/v2`. */
function unknownPrefixes(paths: ReadonlySet<string>, known: readonly string[]): string[] {
  const first = (path: string): string => `/${path.replace(/^\/+/, '').split('/')[0] ?? ''}`;
  const firsts = new Set(known.filter((path) => path !== '').map(first));
  return [...new Set([...paths].map(first))].filter((prefix) => !firsts.has(prefix));
}

/** What to do about a path the document does not have: often a prefix it does not know. */
function unknownPathHint(
  basePath: string | undefined,
  basePaths: readonly string[],
  prefixes: readonly string[],
): string {
  if (basePath !== undefined) {
    return `with --base-path ${basePath}, every request path must be ${basePath === '/' ? 'a path of the document, as it lists it' : `${basePath} followed by a path of the document`}; check the prefix of the pact's paths`;
  }
  const named = basePaths.map((path) => (path === '' ? 'none' : path)).join(', ');
  const matched = `request paths are matched under the base paths of the document's servers (${named})`;
  if (prefixes.length === 0) return `a path the document does not list: ${matched}`;
  return `the pact's paths start with ${prefixes.join(', ')}, which is not a base path of the document: ${matched}; pass the pact's prefix with --base-path (e.g. --base-path ${prefixes[0] ?? '/v1.0'}) if the provider serves the document there, or add a server with that path to the document`;
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
