import fc from 'fast-check';

/** Small JSON objects (never with a `__proto__` key). */
export const jsonObject = fc.dictionary(
  fc.string({ maxLength: 8 }).filter((key) => key !== '__proto__'),
  fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean()),
  { maxKeys: 3, noNullPrototype: true },
);

/** Small JSON arrays of integers and strings. */
export const jsonArray = fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), {
  maxLength: 3,
});

/** JSON values of every type but string and null. */
export const notStringOrNull = fc.oneof(fc.integer(), fc.boolean(), jsonObject, jsonArray);
