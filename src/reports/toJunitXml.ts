/** One test case of a JUnit report. */
export interface JunitCase {
  readonly name: string;
  readonly classname: string;
  /** Present when the case failed: a one-line message and the full details. */
  readonly failure?: { readonly message: string; readonly type: string; readonly details: string };
  /** Present when the case did not run: why. */
  readonly skipped?: string;
  /** Text shown with a passing case (`system-out`), e.g. a warning. */
  readonly output?: string;
}

/** One test suite of a JUnit report. */
export interface JunitSuite {
  readonly name: string;
  readonly seconds: number;
  readonly timestamp: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly cases: readonly JunitCase[];
}

/** Writes test suites as JUnit XML, the format CI systems read (GitHub, GitLab, Jenkins, Azure). */
export function toJunitXml(suites: readonly JunitSuite[], name = 'user-status-contracts'): string {
  const count = (suite: JunitSuite, what: 'failure' | 'skipped'): number =>
    suite.cases.filter((testCase) => testCase[what] !== undefined).length;
  const total = (what: 'failure' | 'skipped' | 'all'): number =>
    suites.reduce(
      (sum, suite) => sum + (what === 'all' ? suite.cases.length : count(suite, what)),
      0,
    );
  const seconds = suites.reduce((sum, suite) => sum + suite.seconds, 0).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(name)}" tests="${total('all')}" failures="${total('failure')}" skipped="${total('skipped')}" time="${seconds}">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escape(suite.name)}" tests="${suite.cases.length}" failures="${count(suite, 'failure')}" skipped="${count(suite, 'skipped')}" errors="0" time="${suite.seconds.toFixed(3)}" timestamp="${escape(suite.timestamp)}">`,
      '    <properties>',
      ...Object.entries(suite.properties).map(
        ([key, value]) => `      <property name="${escape(key)}" value="${escape(value)}"/>`,
      ),
      '    </properties>',
    );
    for (const testCase of suite.cases) {
      const open = `    <testcase classname="${escape(testCase.classname)}" name="${escape(testCase.name)}" time="0">`;
      if (testCase.failure) {
        const { message, type, details } = testCase.failure;
        lines.push(
          open,
          `      <failure message="${escape(message)}" type="${escape(type)}">${escape(details)}</failure>`,
          '    </testcase>',
        );
      } else if (testCase.skipped !== undefined) {
        lines.push(
          open,
          `      <skipped message="${escape(testCase.skipped)}"/>`,
          '    </testcase>',
        );
      } else if (testCase.output !== undefined) {
        lines.push(
          open,
          `      <system-out>${escape(testCase.output)}</system-out>`,
          '    </testcase>',
        );
      } else {
        lines.push(`${open}</testcase>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** Escapes text for XML attributes and content, replacing characters XML 1.0 cannot carry. */
function escape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- naming the control characters XML allows is the point
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
