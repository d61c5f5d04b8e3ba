import fc from 'fast-check';
import { describeValue } from '../../../validator/describeValue';
import { jsonObject } from './jsonValues';
import type { Change, Mutation } from './Mutation';

/** An own `__proto__` property, as `JSON.parse` creates it (an assignment would set the prototype). */
function withProtoKey(value: unknown): Change {
  return {
    apply: (base) => {
      const body = { ...base };
      Object.defineProperty(body, '__proto__', {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return body;
    },
    path: '/__proto__',
    rule: 'additionalProperties',
    description: `the body has a "__proto__" property (${describeValue(value)}), a prototype-pollution attempt`,
  };
}

function protoKeyChanges(): fc.Arbitrary<Change> {
  return fc.oneof(jsonObject, fc.constant(null), fc.integer()).map(withProtoKey);
}

/** An own `__proto__` key. */
export const protoKey: Mutation = {
  arbitrary: protoKeyChanges,
  examples: [withProtoKey({ devicesCount: 1 }), withProtoKey({ isAdmin: true })],
};
