import fc from 'fast-check';
import { contractStringArbitrary } from './contractStringArbitrary';

/**
 * An entity id: any non-empty string, biased toward what Graph really sends (three GUIDs joined by
 * `_`, sometimes upper-case) so that code assuming a single lowercase GUID is caught.
 */
export function statusIdArbitrary(): fc.Arbitrary<string> {
  const guid = fc.uuid();
  const graphId = fc.tuple(guid, guid, guid).map((guids) => guids.join('_'));
  return fc.oneof(
    { weight: 4, arbitrary: graphId },
    { weight: 1, arbitrary: graphId.map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: guid },
    { weight: 3, arbitrary: contractStringArbitrary({ minLength: 1 }) },
  );
}
