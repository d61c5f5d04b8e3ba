import type fc from 'fast-check';
import {
  MALFORMED_DATE_TIME_EDGE_CASES,
  malformedDateTimeArbitrary,
  type MalformedDateTime,
} from '../malformedDateTimeArbitrary';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

/** Sets the malformed date, saying what is wrong with it. */
function withMalformedDate({ value, problem }: MalformedDateTime): Change {
  return setProperty(
    'lastReportedDateTime',
    value,
    'format',
    `lastReportedDateTime ${JSON.stringify(value)} ${problem}`,
  );
}

function malformedDateChanges(): fc.Arbitrary<Change> {
  return malformedDateTimeArbitrary().map(withMalformedDate);
}

/** A lastReportedDateTime that is not a contract date-time. */
export const malformedDate: Mutation = {
  arbitrary: malformedDateChanges,
  examples: MALFORMED_DATE_TIME_EDGE_CASES.map(withMalformedDate),
};
