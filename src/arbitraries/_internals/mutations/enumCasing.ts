import fc from 'fast-check';
import { COMPLIANCE_STATUSES } from '../../../contracts/complianceStatuses';
import type { Change, Mutation } from './Mutation';
import { setProperty } from './setProperty';

const WRONG_CASINGS: readonly string[] = COMPLIANCE_STATUSES.flatMap((status) => [
  status.toUpperCase(),
  status.toLowerCase(),
  `${status.charAt(0).toUpperCase()}${status.slice(1)}`,
  [...status].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
]).filter((casing, index, all) => all.indexOf(casing) === index && !isStatus(casing));

function isStatus(value: string): boolean {
  return (COMPLIANCE_STATUSES as readonly string[]).includes(value);
}

function enumCasingChanges(): fc.Arbitrary<Change> {
  return fc
    .constantFrom(...WRONG_CASINGS)
    .map((value) =>
      setProperty(
        'status',
        value,
        'enum',
        `status ${JSON.stringify(value)} differs from a valid value only in case; the enum is case-sensitive`,
      ),
    );
}

/** A status that differs from a valid one only in case. */
export const enumCasing: Mutation = {
  arbitrary: enumCasingChanges,
  examples: [
    setProperty('status', 'Compliant', 'enum', 'status "Compliant" has a capital C'),
    setProperty('status', 'noncompliant', 'enum', 'status "noncompliant" is all lower case'),
    setProperty('status', 'NOTASSIGNED', 'enum', 'status "NOTASSIGNED" is all upper case'),
  ],
};
