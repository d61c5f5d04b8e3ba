import type { ClientFinding } from '../../src/faults/ClientFinding';
import { formatClientFindings } from '../../src/faults/formatClientFindings';

const FINDINGS: ClientFinding[] = [
  {
    rule: 'retries-bounded',
    message: 'retried 9 times\n#1 +0.0 ms POST\n#2 +1.0 ms POST',
    requests: [],
  },
  { rule: 'clear-give-up', message: 'gave up silently', requests: [] },
];

describe('formatClientFindings', () => {
  it('lists each finding on its own item, its later lines indented under it', () => {
    expect(formatClientFindings(FINDINGS, '  ')).toBe(
      [
        '  - retries-bounded: retried 9 times',
        '    #1 +0.0 ms POST',
        '    #2 +1.0 ms POST',
        '  - clear-give-up: gave up silently',
      ].join('\n'),
    );
  });

  it('puts nothing before the items without an indent, and gives nothing for no findings', () => {
    expect(formatClientFindings(FINDINGS.slice(1), '')).toBe('- clear-give-up: gave up silently');
    expect(formatClientFindings([], '  ')).toBe('');
  });
});
