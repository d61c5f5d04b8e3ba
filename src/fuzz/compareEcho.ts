import { sameInstant } from './sameInstant';

/**
 * The first property of a sent body that an answer does not carry unchanged, or `undefined` when
 * every one is there. The sent `id` is skipped (the server assigns its own); dates compare as
 * instants; strings compare code unit by code unit (no Unicode normalisation).
 */
export function compareEcho(
  sent: object,
  received: unknown,
): { property: string; sent: unknown; received: unknown } | undefined {
  const answer = (received ?? {}) as Record<string, unknown>;
  for (const [property, value] of Object.entries(sent)) {
    if (property === 'id') continue;
    const got = Object.prototype.hasOwnProperty.call(answer, property)
      ? answer[property]
      : undefined;
    const equal =
      property === 'lastReportedDateTime' && typeof value === 'string' && typeof got === 'string'
        ? sameInstant(value, got)
        : Object.is(value, got);
    if (!equal) return { property, sent: value, received: got };
  }
  return undefined;
}
