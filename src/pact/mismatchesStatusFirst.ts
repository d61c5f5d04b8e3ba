import type { VerificationMismatch } from './VerificationReport';

/**
 * The mismatches of an interaction with the status first (expected and actual status), then the
 * rest in the verifier's order: a wrong status usually explains the body mismatches after it.
 */
export function mismatchesStatusFirst(
  mismatches: readonly VerificationMismatch[],
): VerificationMismatch[] {
  return [
    ...mismatches.filter((mismatch) => mismatch.kind === 'status'),
    ...mismatches.filter((mismatch) => mismatch.kind !== 'status'),
  ];
}
