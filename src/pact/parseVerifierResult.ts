import type {
  InteractionVerification,
  StateSetupFailure,
  VerificationMismatch,
  VerificationReport,
} from './VerificationReport';

interface RawMismatch {
  readonly type?: unknown;
  readonly path?: unknown;
  readonly key?: unknown;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly mismatch?: unknown;
}

interface RawError {
  readonly interaction?: unknown;
  readonly mismatch?: {
    readonly type?: unknown;
    readonly message?: unknown;
    readonly mismatches?: readonly RawMismatch[];
  };
}

interface RawResult {
  readonly result?: unknown;
  readonly interactionResults?: ReadonlyArray<{
    readonly description?: unknown;
    readonly result?: unknown;
    readonly pending?: unknown;
  }>;
  readonly errors?: readonly RawError[];
  readonly pendingErrors?: readonly RawError[];
  readonly notices?: ReadonlyArray<{ readonly text?: unknown } | string>;
  readonly output?: readonly unknown[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * Turns the Pact verifier's JSON result (`pactffi_verifier_json`) into a report: one entry per
 * interaction with pass or fail, and for failures each mismatch's place, expected and actual.
 * `requestProblems` holds, per request sent to the provider in order, why it got no usable answer
 * (see `startProviderGuard`): such an interaction fails with that cause as its one mismatch, since
 * what the verifier compared was not the provider's answer.
 * @throws SyntaxError when `json` is not JSON.
 */
export function parseVerifierResult(
  json: string,
  stateFailures: readonly StateSetupFailure[] = [],
  requestProblems: readonly (string | undefined)[] = [],
): VerificationReport {
  const raw = JSON.parse(json) as RawResult;
  const output = (raw.output ?? []).flatMap((line) => String(line).replace(ANSI, '').split('\n'));
  const errors = [...(raw.errors ?? []), ...(raw.pendingErrors ?? [])];
  const claimed = new Set<RawError>();
  const results = raw.interactionResults ?? [];
  // Interactions run one after the other, one request each: the n-th request is the n-th
  // interaction's. When the counts differ, the problems are listed on their own below.
  const placed = requestProblems.length === results.length;
  let searchFrom = 0;
  const interactions: InteractionVerification[] = results.map((result, index) => {
    const description = String(result.description ?? '');
    const states = statesOf(output, description, searchFrom);
    searchFrom = states.nextLine;
    // An error names its interaction "Verifying a pact between C and P [Given S] - description".
    const error = errors.find(
      (candidate) =>
        !claimed.has(candidate) &&
        String(candidate.interaction ?? '').endsWith(` - ${description}`),
    );
    if (error !== undefined) claimed.add(error);
    const pending = result.pending === true || String(result.result).toLowerCase() === 'pending';
    const problem = placed ? requestProblems[index] : undefined;
    if (problem !== undefined) {
      return {
        description,
        providerStates: states.names,
        passed: false,
        pending,
        mismatches: [other('error', '', problem)],
      };
    }
    const passed = String(result.result) === 'OK' && error === undefined;
    return {
      description,
      providerStates: states.names,
      passed,
      pending,
      mismatches: error === undefined ? [] : mismatchesOf(error),
    };
  });
  const unclaimed = errors.filter((error) => !claimed.has(error));
  for (const error of unclaimed) {
    // Errors with no interaction result (a pact that failed to load, a broker that refused).
    interactions.push({
      description: String(error.interaction ?? 'the verification'),
      providerStates: [],
      passed: false,
      pending: false,
      mismatches: mismatchesOf(error),
    });
  }
  if (!placed) {
    requestProblems.forEach((problem, index) => {
      if (problem === undefined) return;
      interactions.push({
        description: `request ${index + 1} to the provider`,
        providerStates: [],
        passed: false,
        pending: false,
        mismatches: [other('error', '', problem)],
      });
    });
  }
  const notices = (raw.notices ?? []).map((notice) =>
    typeof notice === 'string' ? notice : String(notice.text ?? ''),
  );
  const passed =
    raw.result === true &&
    stateFailures.length === 0 &&
    interactions.every((interaction) => interaction.passed || interaction.pending);
  return { passed, interactions, stateFailures, notices, output };
}

function mismatchesOf(error: RawError): VerificationMismatch[] {
  const mismatch = error.mismatch;
  if (mismatch === undefined) return [other('error', '', 'the verifier reported a failure')];
  if (!Array.isArray(mismatch.mismatches)) {
    return [other('error', '', String(mismatch.message ?? mismatch.type ?? 'unknown error'))];
  }
  return mismatch.mismatches.flatMap((item: RawMismatch): VerificationMismatch[] => {
    const type = String(item.type ?? '');
    const kind =
      type === 'StatusMismatch'
        ? 'status'
        : type === 'HeaderMismatch'
          ? 'header'
          : type === 'BodyMismatch' || type === 'BodyTypeMismatch'
            ? 'body'
            : 'other';
    const path =
      kind === 'status'
        ? 'status'
        : kind === 'header'
          ? `header ${String(item.key ?? '')}`
          : typeof item.path === 'string'
            ? item.path
            : '';
    const message = String(item.mismatch ?? type);
    const missing = MISSING_KEYS.exec(message);
    if (kind === 'body' && missing !== null) {
      // One mismatch per missing property, each with its own path, like every other body mismatch.
      return (missing[1] ?? '').split(', ').map((key) => ({
        kind,
        path: childPath(path, key),
        expected: 'present',
        actual: 'missing',
        message: `Actual map is missing the key ${key}`,
      }));
    }
    return [{ kind, path, expected: render(item.expected), actual: render(item.actual), message }];
  });
}

const MISSING_KEYS = /^Actual map is missing the following keys: (.+)$/;

function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key}']`;
}

function other(kind: 'error', path: string, message: string): VerificationMismatch {
  return { kind, path, expected: '', actual: '', message };
}

function render(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The provider states of an interaction, read from the verifier's report: the description line
 * (`  <description> (...)`) is followed by one `Given <state>` line, then `And <state>` lines.
 */
function statesOf(
  output: readonly string[],
  description: string,
  from: number,
): { names: string[]; nextLine: number } {
  const header = `  ${description} (`;
  const at = output.findIndex((line, index) => index >= from && line.startsWith(header));
  if (at === -1) return { names: [], nextLine: from };
  const names: string[] = [];
  let line = at + 1;
  for (; line < output.length; line++) {
    const match = /^\s+(?:Given|And) (.*)$/.exec(output[line] ?? '');
    if (match === null) break;
    names.push(match[1] ?? '');
  }
  return { names, nextLine: line };
}
