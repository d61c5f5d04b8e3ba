import type { Faker } from '@faker-js/faker';

const MAX_UINT32 = 0xffffffff;

/**
 * A user status id as Graph assigns it: three GUIDs joined by `_`, never a single GUID that code
 * might wrongly rely on.
 */
export function fakeStatusId(faker: Faker): string {
  return `${fakeGuid(faker)}_${fakeGuid(faker)}_${fakeGuid(faker)}`;
}

/**
 * A lowercase version-4 GUID from four 32-bit draws: the same distribution as
 * `faker.string.uuid()`, which draws each of its 31 hex digits separately and costs about 8x more.
 */
function fakeGuid(faker: Faker): string {
  const a = faker.number.int(MAX_UINT32);
  const b = faker.number.int(MAX_UINT32);
  const c = faker.number.int(MAX_UINT32);
  const d = faker.number.int(MAX_UINT32);
  const variant = (8 | (c >>> 30)).toString(16);
  return (
    `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-` +
    `${variant}${hex((c >>> 16) & 0xfff, 3)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`
  );
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}
