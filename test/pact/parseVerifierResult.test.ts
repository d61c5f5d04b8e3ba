import { formatVerificationReport } from '../../src/pact/formatVerificationReport';
import { parseVerifierResult } from '../../src/pact/parseVerifierResult';

const OUTPUT = [
  '\nVerifying a pact between \u001b[1mc\u001b[0m and \u001b[1mp\u001b[0m',
  '',
  '  create (1ms loading, 20ms verification)',
  '     Given a policy exists',
  '     And a user exists',
  '    returns a response which',
  '  delete (1ms loading, 20ms verification)',
  '    returns a response which',
];

describe('parseVerifierResult', () => {
  it('lists each interaction with its states, and each mismatch with path, expected and actual', () => {
    const report = parseVerifierResult(
      JSON.stringify({
        result: false,
        output: OUTPUT,
        interactionResults: [
          { description: 'create', result: 'Error' },
          { description: 'delete', result: 'OK' },
        ],
        errors: [
          {
            interaction: 'Verifying a pact between c and p Given a policy exists - create',
            mismatch: {
              type: 'mismatches',
              mismatches: [
                {
                  type: 'BodyMismatch',
                  path: '$.n',
                  expected: '3',
                  actual: '"3"',
                  mismatch: 'not an integer',
                },
                {
                  type: 'BodyMismatch',
                  path: '$',
                  expected: '',
                  actual: '',
                  mismatch: 'Actual map is missing the following keys: a, @b',
                },
                {
                  type: 'HeaderMismatch',
                  key: 'Content-Type',
                  expected: 'application/json',
                  actual: 'text/plain',
                  mismatch: 'bad header',
                },
                {
                  type: 'StatusMismatch',
                  expected: 201,
                  actual: 200,
                  mismatch: 'expected 201 but was 200',
                },
              ],
            },
          },
        ],
      }),
    );
    expect(report.passed).toBe(false);
    expect(report.interactions.map((i) => [i.description, i.passed, i.providerStates])).toEqual([
      ['create', false, ['a policy exists', 'a user exists']],
      ['delete', true, []],
    ]);
    expect(
      report.interactions[0]?.mismatches.map((m) => [m.kind, m.path, m.expected, m.actual]),
    ).toEqual([
      ['body', '$.n', '3', '"3"'],
      ['body', '$.a', 'present', 'missing'],
      ['body', "$['@b']", 'present', 'missing'],
      ['header', 'header Content-Type', 'application/json', 'text/plain'],
      ['status', 'status', '201', '200'],
    ]);
    expect(report.output[1]).toBe('Verifying a pact between c and p');
    const text = formatVerificationReport(report);
    expect(text).toContain('FAIL    create (given a policy exists and a user exists)');
    expect(text).toContain('          $.n: expected 3, actual "3" (not an integer)');
    expect(text).toContain('PASS    delete');
  });

  it('reports an error that belongs to no interaction (a pact that could not load) as a failure', () => {
    const report = parseVerifierResult(
      JSON.stringify({
        result: false,
        interactionResults: [],
        errors: [
          { interaction: 'Failed to load pact', mismatch: { type: 'error', message: 'boom' } },
        ],
      }),
    );
    expect(report.passed).toBe(false);
    expect(report.interactions).toEqual([
      {
        description: 'Failed to load pact',
        providerStates: [],
        passed: false,
        pending: false,
        mismatches: [{ kind: 'error', path: '', expected: '', actual: '', message: 'boom' }],
      },
    ]);
  });

  it('fails a verification whose provider states could not be set up, even if the core passed it', () => {
    const report = parseVerifierResult(
      JSON.stringify({ result: true, interactionResults: [{ description: 'x', result: 'OK' }] }),
      [{ state: 's', action: 'setup', message: 'refused' }],
    );
    expect(report.passed).toBe(false);
    expect(formatVerificationReport(report)).toContain(
      'STATE   "s" could not be set up (setup): refused',
    );
  });

  it('replaces the mismatches of an interaction whose request got no usable answer with the cause', () => {
    const json = JSON.stringify({
      result: false,
      interactionResults: [
        { description: 'a', result: 'OK' },
        { description: 'b', result: 'Error' },
      ],
      errors: [
        {
          interaction: 'Verifying a pact between c and p - b',
          mismatch: {
            type: 'mismatches',
            mismatches: [{ type: 'StatusMismatch', expected: 201, actual: 502, mismatch: 'x' }],
          },
        },
      ],
    });
    const report = parseVerifierResult(json, [], [undefined, 'timed out: no complete answer']);
    expect(report.interactions.map((i) => [i.description, i.passed, i.mismatches])).toEqual([
      ['a', true, []],
      [
        'b',
        false,
        [
          {
            kind: 'error',
            path: '',
            expected: '',
            actual: '',
            message: 'timed out: no complete answer',
          },
        ],
      ],
    ]);
    expect(report.passed).toBe(false);
    // When the requests cannot be matched to the interactions, the causes are listed on their own.
    const unmatched = parseVerifierResult(json, [], ['the provider closed the connection']);
    expect(unmatched.interactions.at(-1)).toMatchObject({
      description: 'request 1 to the provider',
      passed: false,
      mismatches: [{ kind: 'error', message: 'the provider closed the connection' }],
    });
  });
});
