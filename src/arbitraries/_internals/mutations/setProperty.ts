import { appendToPointer } from '../../../validator/jsonPointer';
import type { Change } from './Mutation';

/** The change that sets one property of the body to `value`, breaking `rule` at it. */
export function setProperty(
  property: string,
  value: unknown,
  rule: string,
  description: string,
): Change {
  return {
    apply: (base) => ({ ...base, [property]: value }),
    path: appendToPointer('', property),
    rule,
    description,
  };
}
