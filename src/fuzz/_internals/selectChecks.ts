import { OptionError, UsageError } from '../../errors';
import type { FuzzCheck } from '../FuzzCheck';
import type { CheckName } from '../CheckName';
import { ALL_CHECKS } from '../checks/index';

/** Which checks a run uses: the named ones, or every default one, less the excluded. */
export function selectChecks(options: {
  readonly checks?: readonly CheckName[];
  readonly excludeChecks?: readonly CheckName[];
  readonly maxResponseTimeMs?: number;
}): FuzzCheck[] {
  const known = new Set<string>(ALL_CHECKS.map((check) => check.name));
  for (const name of [...(options.checks ?? []), ...(options.excludeChecks ?? [])]) {
    if (!known.has(name)) {
      throw new UsageError(
        `unknown check ${JSON.stringify(name)}; the checks are ${[...known].join(', ')}`,
      );
    }
  }
  const wanted = options.checks;
  const selected = ALL_CHECKS.filter((check) =>
    wanted !== undefined && wanted.length > 0
      ? wanted.includes(check.name)
      : check.optIn !== true || options.maxResponseTimeMs !== undefined,
  ).filter((check) => !(options.excludeChecks ?? []).includes(check.name));
  if (selected.length === 0)
    throw new OptionError(
      'checks',
      (name) => `no check is left to run; see ${name('checks')} and ${name('excludeChecks')}`,
    );
  if (
    selected.some((check) => check.name === 'max_response_time') &&
    options.maxResponseTimeMs === undefined
  ) {
    throw new OptionError(
      'maxResponseTimeMs',
      (name) => `max_response_time needs a limit: pass ${name('maxResponseTimeMs', 'MS')}`,
    );
  }
  return selected;
}
