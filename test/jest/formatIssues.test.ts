import { MAX_LISTED_ISSUES, countPlaces, formatIssues } from '../../src/jest/formatIssues';
import type { MatcherUtilsLike } from '../../src/jest/UserStatusMatcherContext';
import { listIssues } from '../../src/validator/listIssues';
import type { ValidationIssue } from '../../src/contracts/ValidationIssue';
import { ENTITY } from './httpHarness';

/** Utilities without colours, as a runner that has none would pass them. */
const plainUtils: MatcherUtilsLike = {
  matcherHint: (name) => name,
  printReceived: (value) => JSON.stringify(value),
  printExpected: (value) => JSON.stringify(value),
};

/** Utilities that mark colours, to see what is coloured. */
const markingUtils: MatcherUtilsLike = {
  ...plainUtils,
  EXPECTED_COLOR: (text) => `<e>${text}</e>`,
  RECEIVED_COLOR: (text) => `<r>${text}</r>`,
};

describe('formatIssues', () => {
  it('numbers each issue with its pointer, rule and sentence, then expected and received', () => {
    const issues = listIssues('entity', { ...ENTITY, devicesCount: 2147483648 });
    const text = formatIssues(issues, plainUtils);
    expect(text).toContain(
      '  1. /devicesCount maximum: /devicesCount must be <= 2147483647 (Int32), found 2147483648\n' +
        '     Expected: <= 2147483647\n' +
        '     Received: 2147483648',
    );
  });

  it('shows the unexpected property by name, and the allowed values instead of expected', () => {
    const issues = listIssues('request', {
      userDisplayName: null,
      devicesCount: 0,
      status: 'Error',
      lastReportedDateTime: '2020-06-14T20:52:52Z',
      userPrincipalName: null,
      deviceName: 'laptop',
    });
    const text = formatIssues(issues, markingUtils);
    expect(text).toContain('Unexpected property: <r>"deviceName"</r>');
    expect(text).toMatch(
      /Allowed values: <e>"unknown", .*"error", .*<\/e>\n\s+Received: <r>"Error"<\/r>/,
    );
    expect(text).not.toMatch(/deviceName[^\n]*\n[^\n]*Expected:/);
  });

  it('says "Allowed value" for a const', () => {
    const issues = listIssues('entity', { '@odata.type': '#microsoft.graph.user' });
    expect(formatIssues(issues, plainUtils)).toContain(
      'Allowed value: "#microsoft.graph.deviceComplianceUserStatus"',
    );
  });

  it('names the root (root)', () => {
    expect(formatIssues(listIssues('error', []), plainUtils)).toMatch(/^ {2}1\. \(root\) type: /);
  });

  it(`lists at most ${MAX_LISTED_ISSUES} issues and counts the rest`, () => {
    const issue: ValidationIssue = {
      path: '/x',
      rule: 'type',
      message: 'm',
      expected: 'e',
      actual: 'a',
    };
    const text = formatIssues(
      Array.from({ length: MAX_LISTED_ISSUES + 7 }, () => issue),
      plainUtils,
    );
    expect(text).toContain(`  ${MAX_LISTED_ISSUES}. /x type: m`);
    expect(text).not.toContain(`${MAX_LISTED_ISSUES + 1}. /x`);
    expect(text).toMatch(/ {2}\.\.\. and 7 more \(listIssues returns them all\)$/);
  });

  it('indents as asked, so a list can sit under a bullet', () => {
    const issues = listIssues('error', {});
    expect(formatIssues(issues, plainUtils, '      ')).toMatch(
      /^ {6}1\. \/error required:.*\n {9}Expected: present/,
    );
  });
});

describe('countPlaces', () => {
  it('says 1 place and n places', () => {
    expect(countPlaces(1)).toBe('1 place');
    expect(countPlaces(3)).toBe('3 places');
  });
});
