import type fc from 'fast-check';
import {
  MALFORMED_DATE_TIME_EDGE_CASES,
  malformedDateTimeArbitrary,
} from '../malformedDateTimeArbitrary';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

function malformedDateChanges(): fc.Arbitrary<Change> {
  return malformedDateTimeArbitrary().map(({ value, problem }) =>
    setProperty(
      'lastReportedDateTime',
      value,
      'format',
      `lastReportedDateTime ${JSON.stringify(value)} ${problem}`,
    ),
  );
}

/** A lastReportedDateTime that is not a contract date-time. */
export const malformedDate: Mutation = {
  arbitrary: malformedDateChanges,
  examples: MALFORMED_DATE_TIME_EDGE_CASES.map(({ value, problem }) =>
    setProperty(
      'lastReportedDateTime',
      value,
      'format',
      `lastReportedDateTime ${JSON.stringify(value)} ${problem}`,
    ),
  ),
};
