import { FaultSpecError } from '../errors';
import { FAULT_KINDS, type Fault, type FaultKind } from './Fault';

/** One entry of a fault spec: how often (0 to 1) a request gets this fault. */
export interface FaultRate {
  /** The fault injected when this entry is drawn. */
  readonly fault: Fault;
  /** The share of requests that get it, from 0 to 1. */
  readonly rate: number;
}

/** The syntax of a fault spec, as error messages and `--help` show it. */
export const FAULT_SPEC_SYNTAX =
  'KIND:RATE[:OPTION=VALUE]... joined by commas, e.g. 429:0.2:retry-after=1.5,503:0.05,reset-after-store:0.02,latency:0.1:ms=200; ' +
  `KIND is one of ${FAULT_KINDS.join(', ')}; RATE is from 0 to 1 and the rates add up to at most 1; ` +
  'options: retry-after=SECONDS|none (429, 503, 504; 429 defaults to 1, 503 and 504 to none), ms=MILLISECONDS (latency, default 100)';

/** `Retry-After` of a 429 when the spec names none: Graph always sends one with a 429. */
export const DEFAULT_429_RETRY_AFTER = 1;
/** The latency added when the spec names none, in milliseconds. */
export const DEFAULT_LATENCY_MS = 100;
/** The largest `retry-after` a spec may ask for, in seconds (a day). */
export const MAX_RETRY_AFTER_SECONDS = 86_400;
/** The largest latency a spec may ask for, in milliseconds (ten minutes). */
export const MAX_LATENCY_MS = 600_000;

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^\d+$/;

/**
 * Parses a fault spec such as `429:0.2:retry-after=1.5,503:0.05,reset-after-store:0.02`.
 * @throws FaultSpecError naming the bad entry or option, and showing the syntax.
 */
export function parseFaultSpec(spec: string): FaultRate[] {
  const fail = (part: string, reason: string): never => {
    throw new FaultSpecError(spec, part, `${reason}. Syntax: ${FAULT_SPEC_SYNTAX}`);
  };
  if (spec.trim() === '') fail(spec, 'it is empty');
  const rates: FaultRate[] = [];
  const seen = new Set<FaultKind>();
  let total = 0;
  for (const rawEntry of spec.split(',')) {
    const entry = rawEntry.trim();
    if (entry === '')
      fail(rawEntry, 'it has an empty entry (two commas in a row, or a trailing comma)');
    const [kindText = '', rateText, ...options] = entry.split(':').map((part) => part.trim());
    const kind = FAULT_KINDS.find((known) => known === kindText);
    if (kind === undefined) {
      fail(entry, `${JSON.stringify(kindText)} is not a fault kind`);
      continue;
    }
    if (seen.has(kind)) fail(entry, `${kind} appears twice`);
    seen.add(kind);
    if (rateText === undefined || !DECIMAL.test(rateText) || Number(rateText) > 1) {
      fail(
        entry,
        `the rate of ${kind} must be a number from 0 to 1, not ${JSON.stringify(rateText ?? '')}`,
      );
    }
    const rate = Number(rateText);
    total += rate;
    rates.push({ fault: faultWithOptions(kind, options, (reason) => fail(entry, reason)), rate });
  }
  // A little slack, so that 0.1,0.2,0.7 (0.30000000000000004 + 0.7) adds up.
  if (total > 1 + 1e-9) fail(spec, `the rates add up to ${total}, more than 1`);
  return rates;
}

function faultWithOptions(
  kind: FaultKind,
  options: readonly string[],
  fail: (reason: string) => never,
): Fault {
  const values = new Map<string, string>();
  for (const option of options) {
    const at = option.indexOf('=');
    const name = at === -1 ? option : option.slice(0, at).trim();
    if (at === -1) fail(`the option ${JSON.stringify(option)} has no value (write NAME=VALUE)`);
    if (values.has(name)) fail(`the option ${name} appears twice`);
    values.set(name, option.slice(at + 1).trim());
  }
  const allowed = kind === 'latency' ? ['ms'] : kind.startsWith('reset') ? [] : ['retry-after'];
  for (const name of values.keys()) {
    if (!allowed.includes(name)) {
      fail(
        `${kind} takes ${allowed.length === 0 ? 'no option' : `only ${allowed.join(', ')}`}, not ${JSON.stringify(name)}`,
      );
    }
  }
  if (kind === 'latency') {
    const text = values.get('ms');
    if (text === undefined) return { kind, ms: DEFAULT_LATENCY_MS };
    if (!INTEGER.test(text) || Number(text) > MAX_LATENCY_MS) {
      fail(`ms must be an integer from 0 to ${MAX_LATENCY_MS}, not ${JSON.stringify(text)}`);
    }
    return { kind, ms: Number(text) };
  }
  if (kind === 'reset-before-store' || kind === 'reset-after-store') return { kind };
  const text = values.get('retry-after');
  if (text === 'none') return { kind };
  if (text === undefined)
    return kind === '429' ? { kind, retryAfter: DEFAULT_429_RETRY_AFTER } : { kind };
  if (!DECIMAL.test(text) || Number(text) > MAX_RETRY_AFTER_SECONDS) {
    fail(
      `retry-after must be seconds from 0 to ${MAX_RETRY_AFTER_SECONDS} (e.g. 1 or 2.128) or none, not ${JSON.stringify(text)}`,
    );
  }
  return { kind, retryAfter: Number(text) };
}
