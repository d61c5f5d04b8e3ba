/**
 * Strings that are valid wherever the contract says "string" and that servers still get wrong:
 * empty and blank, non-BMP (surrogate pairs), right-to-left and bidi overrides, zero-width and
 * invisible characters, combining marks, control characters, and text that breaks naive escaping.
 * Lone surrogates are left out: JSON carries them only as escapes and most servers reject them,
 * so they belong to the malformed-body generator.
 */
export const EDGE_STRINGS: readonly string[] = Object.freeze([
  '',
  ' ',
  '\t\n',
  'Zoe\u0308 N\u0303u\u0301n\u0303ez',
  '\u212Bngstr\u00f6m',
  '\u{1D4D0}\u{1D4ED}\u{1D4EE}\u{1D4F5}\u{1D4EE} \u{1D4E5}\u{1D4EA}\u{1D4F7}\u{1D4EC}\u{1D4EE}',
  '\u{1F600}\u{1F44D}\u{1F3FD}',
  '\u{1F469}\u200D\u{1F4BB}',
  '\u{2070E}\u{20731}',
  '\u0645\u062D\u0645\u062F \u0627\u0644\u0639\u0644\u064A',
  '\u05E9\u05E8\u05D4 \u05DB\u05D4\u05DF',
  'Adele \u202Eecnav\u202C',
  '\u200F\u200E',
  'a\u200Bb',
  '\u200D',
  '\uFEFF',
  '\u2060',
  '\u0000',
  'line\nbreak',
  '\u0007\u001B[31m',
  '"quoted"',
  'back\\slash',
  "O'Brien",
  '</script><script>alert(1)</script>',
  "Robert'); DROP TABLE Students;--",
  '${jndi:ldap://x}',
  '%s%n%x',
  'null',
  'undefined',
]);
