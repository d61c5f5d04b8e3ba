import { compareInstants } from './compareInstants';

/** A property whose answered value differs from the sent one. */
export interface EchoDifference {
  readonly property: string;
  readonly sent: unknown;
  readonly received: unknown;
}

/** What `compareEcho` found: a changed value, or date-times kept to fewer digits, or neither. */
export interface EchoComparison {
  /** The first property the answer does not carry unchanged (dates compared as instants). */
  readonly mismatch?: EchoDifference;
  /** A date-time answered as the same instant to fewer fractional digits than were sent. */
  readonly precisionLoss?: EchoDifference & { readonly digits: number };
}

/**
 * Compares a sent body with an answer. The sent `id` is skipped (the server assigns its own);
 * dates compare as instants to the precision the server keeps; strings compare code unit by code
 * unit (no Unicode normalisation).
 */
export function compareEcho(sent: object, received: unknown): EchoComparison {
  const answer = (received ?? {}) as Record<string, unknown>;
  let precisionLoss: EchoComparison['precisionLoss'];
  for (const [property, value] of Object.entries(sent)) {
    if (property === 'id') continue;
    const got = Object.prototype.hasOwnProperty.call(answer, property)
      ? answer[property]
      : undefined;
    if (
      property === 'lastReportedDateTime' &&
      typeof value === 'string' &&
      typeof got === 'string'
    ) {
      const comparison = compareInstants(value, got);
      if (comparison.kind === 'same') continue;
      if (comparison.kind === 'precision') {
        precisionLoss ??= { property, sent: value, received: got, digits: comparison.digits };
        continue;
      }
    } else if (Object.is(value, got)) {
      continue;
    }
    return { mismatch: { property, sent: value, received: got } };
  }
  return precisionLoss ? { precisionLoss } : {};
}
