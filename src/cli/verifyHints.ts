import { readFile } from 'node:fs/promises';
import type { VerificationReport } from '../pact/VerificationReport';
import type { VerifyProviderOptions } from '../pact/VerifyProviderOptions';
import { doubledPathPrefix } from './doubledPathPrefix';

/**
 * The usual causes of a failed `verify`, named when the statuses point at them (a token the
 * provider refuses, a missing policy, a base URL that repeats the pacts' path prefix).
 * `pactFiles` are the local pact files, read for their request paths.
 */
export async function verifyHints(
  report: VerificationReport,
  options: VerifyProviderOptions,
  pactFiles: readonly string[],
): Promise<string[]> {
  const doubled = report.passed
    ? undefined
    : doubledPathPrefix(options.baseUrl, await requestPaths(pactFiles));
  return hints(report, options, doubled);
}

/** The request paths of the interactions in pact files (none for a file that cannot be read). */
async function requestPaths(files: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    try {
      const pact = JSON.parse(await readFile(file, 'utf8')) as {
        interactions?: Array<{ request?: { path?: unknown } }>;
      };
      for (const interaction of pact.interactions ?? []) {
        if (typeof interaction.request?.path === 'string') paths.push(interaction.request.path);
      }
    } catch {
      // Only a hint depends on it; the verification itself has already read the file.
    }
  }
  return paths;
}

/** The usual causes of a wholesale failure, named when the statuses point at them. */
function hints(
  report: VerificationReport,
  options: VerifyProviderOptions,
  doubledPrefix: string | undefined,
): string[] {
  const unexpected = (status: string): boolean =>
    report.interactions.some((interaction) =>
      interaction.mismatches.some(
        (mismatch) => mismatch.kind === 'status' && mismatch.actual === status,
      ),
    );
  const found: string[] = [];
  if (unexpected('401')) {
    found.push(
      options.token === undefined
        ? 'the provider answered 401 where the pact expects otherwise: pass a token it accepts with --token'
        : 'the provider answered 401 where the pact expects otherwise: does it accept the --token given?',
    );
  }
  if (report.stateFailures.length > 0 && options.stateSetupUrl !== undefined) {
    found.push(
      `${report.stateFailures.length} provider state change(s) failed at --state-setup-url ${options.stateSetupUrl}: it must answer 2xx to a POST of { "state", "params", "action" } (see the STATE lines above)`,
    );
  }
  if (doubledPrefix !== undefined) {
    found.push(
      `the pact's paths already start with ${doubledPrefix} and --base-url ends with ${doubledPrefix}: requests go to ${doubledPrefix}${doubledPrefix}/…; drop ${doubledPrefix} from --base-url`,
    );
  } else if (unexpected('404') && options.stateSetupUrl === undefined) {
    found.push(
      `the provider answered 404 where the pact expects otherwise: does the policy ${JSON.stringify(options.policyId)} (--policy-id) exist there?`,
    );
  }
  return found;
}
