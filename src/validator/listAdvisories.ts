import type { ValidationIssue } from '../contracts/ValidationIssue';

/**
 * The toolkit's advice on a create body that the contract itself allows: stricter than the
 * documented contract, so a server that ignores it still conforms (the fuzzer grades it as a
 * warning). Today one rule: `nonEmptyId`, an `id` that is the empty string (Graph assigns the key,
 * so a server may ignore a sent id; refusing an empty one catches a client bug early).
 */
export function listAdvisories(body: unknown): ValidationIssue[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const id = (body as { id?: unknown }).id;
  if (id !== '') return [];
  return [
    {
      path: '/id',
      rule: 'nonEmptyId',
      message:
        '/id is the empty string: the service assigns the key, so leave id out or send a non-empty one (advice, not the contract)',
      expected: 'a non-empty string, or no id',
      actual: '""',
    },
  ];
}
