import { UsageError } from '../errors';

/** Parses a flag's value as an integer within bounds, or throws a `UsageError` naming the flag. */
export function parseInteger(
  value: string,
  flag: string,
  bounds: { min?: number; max?: number } = {},
): number {
  const number = Number(value);
  const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  if (
    !/^-?\d+$/.test(value.trim()) ||
    !Number.isSafeInteger(number) ||
    number < min ||
    number > max
  ) {
    const range = bounds.max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
    throw new UsageError(`${flag} must be an integer ${range}, not ${JSON.stringify(value)}`);
  }
  return number;
}

/** Parses a rate such as `50` or `50/s` (requests per second). */
export function parseRate(value: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*s)?\s*$/.exec(value);
  const rate = match ? Number(match[1]) : NaN;
  if (!(rate > 0))
    throw new UsageError(`${flag} must be a rate such as 50 or 50/s, not ${JSON.stringify(value)}`);
  return rate;
}

/** Parses `i/n` (1-based shard index of n shards). */
export function parseShard(value: string, flag: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      `${flag} must be i/n with 1 <= i <= n (e.g. 2/4), not ${JSON.stringify(value)}`,
    );
  }
  return { index, count };
}

/** Parses a comma-separated list, trimming blanks (`a, b,c`). */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Parses `--report kind=PATH` values into a map, accepting only the given kinds. */
export function parseReports<K extends string>(
  values: readonly string[],
  kinds: readonly K[],
): Map<K, string> {
  const reports = new Map<K, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    const kind = value.slice(0, at) as K;
    const path = value.slice(at + 1);
    if (at < 1 || path === '' || !kinds.includes(kind)) {
      throw new UsageError(
        `--report takes ${kinds.map((k) => `${k}=PATH`).join(' or ')}, not ${JSON.stringify(value)}`,
      );
    }
    reports.set(kind, path);
  }
  return reports;
}
