import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadFixtureManifest, type FixtureEntry } from '../helpers/fixtureManifest';
import { BUILT_BIN } from '../helpers/builtBin';
import { runBinClosingStdout } from '../helpers/runBinClosingStdout';
import { runCli } from '../helpers/runCli';

const VALID_LINE = JSON.stringify({
  userDisplayName: 'Adele Vance',
  devicesCount: 3,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
});

const manifest = loadFixtureManifest();

/** The `.json` files directly in a fixtures folder, as a shell glob `fixtures/<folder>/*.json` lists them. */
function glob(folder: string): string[] {
  return readdirSync(join('fixtures', folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => `fixtures/${folder}/${entry.name}`)
    .sort();
}

/** The `file:line path rule` prefix of each issue line the manifest predicts for some fixtures. */
function expectedLines(entries: readonly FixtureEntry[]): string[] {
  return entries
    .flatMap((entry) =>
      entry.violations.map((v) => `fixtures/${entry.file}:1 ${v.path || '(root)'} ${v.rule}`),
    )
    .sort();
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** `file:line path rule` of an issue line (the message follows). */
function prefix(line: string): string {
  return line.split(' ').slice(0, 3).join(' ');
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'validate-cli-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function scratchFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('user-status-contracts validate', () => {
  it('exits 1 on fixtures/invalid/*.json with one pinpointed line per labelled violation', async () => {
    const files = glob('invalid');
    const { code, stdout, stderr } = await runCli(['validate', ...files]);
    expect(code).toBe(1);
    const printed = lines(stdout);
    const labelled = manifest.filter((e) => files.includes(`fixtures/${e.file}`));
    expect(labelled).toHaveLength(files.length);
    expect(printed.map(prefix).sort()).toEqual(expectedLines(labelled));
    for (const line of printed)
      expect(line).toMatch(/^fixtures\/invalid\/[a-z0-9-]+\.json:1 \S+ \S+ \S.*$/);
    expect(stderr).toContain(
      `${files.length} document(s) checked against the request (documented profile) contract: 0 valid, ${files.length} invalid`,
    );
  });

  it('reads piped standard input when no file is given', async () => {
    const valid = await runCli(['validate'], {
      stdin: readFileSync('fixtures/valid/status-compliant.json', 'utf8'),
    });
    expect(valid).toMatchObject({ code: 0, stdout: '' });
    const invalid = await runCli(['validate', '--contract', 'entity'], { stdin: '{}\n' });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('<stdin>:1 /id required property "id" is missing\n');
    const empty = await runCli(['validate']);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe(
      '<stdin>:1 (root) json no JSON document found: the input is empty (no file was given, so standard input was read; name a file to check)\n',
    );
  });

  it('names the rule once: the message does not repeat it', async () => {
    const { stdout } = await runCli(['validate', '--contract', 'entity', '-'], {
      stdin: '{"id":"x"}\n',
    });
    const lines = stdout.split('\n');
    expect(lines).toContain(
      '<stdin>:1 /userDisplayName required property "userDisplayName" is missing',
    );
    for (const line of lines) expect(line).not.toMatch(/ required required /);
  });

  it('gives "actual" in --json as the JSON value found: numbers, booleans, null, clipped strings', async () => {
    const long = 'x'.repeat(100);
    const { stdout } = await runCli(['validate', '--json', '--contract', 'entity', '-'], {
      stdin: `${JSON.stringify({ devicesCount: 3.5, status: true, userPrincipalName: 7, userDisplayName: long, lastReportedDateTime: null })}\n`,
    });
    const { issues } = JSON.parse(stdout) as {
      issues: Array<{ path: string; rule: string; actual?: unknown }>;
    };
    const actual = (path: string, rule: string): unknown => {
      const found = issues.find((issue) => issue.path === path && issue.rule === rule);
      if (found === undefined) throw new Error(`no ${rule} issue at ${path}`);
      return found.actual;
    };
    expect(actual('/devicesCount', 'type')).toBe(3.5);
    expect(actual('/status', 'type')).toBe(true);
    expect(actual('/userPrincipalName', 'type')).toBe(7);
    expect(actual('/lastReportedDateTime', 'type')).toBeNull();
    const missing = issues.find((issue) => issue.path === '/id' && issue.rule === 'required');
    expect(missing).toBeDefined();
    expect(missing).not.toHaveProperty('actual');
    // A long string is clipped, as in the text output.
    const clipped = await runCli(['validate', '--json', '-'], {
      stdin: `${JSON.stringify({ status: long })}\n`,
    });
    const enumIssue = (
      JSON.parse(clipped.stdout) as { issues: Array<{ rule: string; actual?: unknown }> }
    ).issues.find((issue) => issue.rule === 'enum');
    expect(enumIssue?.actual).toBe(`${'x'.repeat(60)}... (100 characters)`);
  });

  it('prints the message of an issue after its path and rule', async () => {
    const { stdout } = await runCli(['validate', 'fixtures/invalid/devices-count-float.json']);
    expect(stdout).toBe(
      'fixtures/invalid/devices-count-float.json:1 /devicesCount type /devicesCount must be an integer, found number 3.5\n',
    );
  });

  it('exits 0 on fixtures/valid/*.json and prints no issue', async () => {
    const files = glob('valid');
    const { code, stdout, stderr } = await runCli(['validate', ...files]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toContain(`${files.length} valid, 0 invalid`);
  });

  it('exits 0 on the valid entities with --contract entity, and 1 on the invalid ones', async () => {
    expect((await runCli(['validate', '--contract', 'entity', ...glob('valid/entity')])).code).toBe(
      0,
    );
    const files = glob('invalid/entity');
    const { code, stdout } = await runCli(['validate', '--contract', 'entity', ...files]);
    expect(code).toBe(1);
    expect(lines(stdout).map(prefix).sort()).toEqual(
      expectedLines(manifest.filter((e) => files.includes(`fixtures/${e.file}`))),
    );
  });

  it('accepts partial bodies with --profile graph-metadata, which the default profile refuses', async () => {
    const files = glob('valid/graph-metadata');
    expect((await runCli(['validate', '--profile', 'graph-metadata', ...files])).code).toBe(0);
    expect((await runCli(['validate', ...files])).code).toBe(1);
  });

  it('reads NDJSON from standard input and names the line and column of a line that is not JSON', async () => {
    const stdin = `${VALID_LINE}\n{"status": compliant}\n\n${VALID_LINE.replace('"compliant"', '"Compliant"')}\n`;
    const { code, stdout, stderr } = await runCli(['validate', '-'], { stdin });
    expect(code).toBe(1);
    expect(lines(stdout)).toEqual([
      '<stdin>:2 (root) json not JSON at line 2, column 12: expected a value, found "c"',
      expect.stringMatching(/^<stdin>:4 \/status enum /),
    ]);
    expect(stderr).toContain('3 document(s) checked');
  });

  it('exits 0 on NDJSON whose every line is valid', async () => {
    const { code, stderr } = await runCli(['validate', '-'], {
      stdin: `${VALID_LINE}\r\n${VALID_LINE}\r\n`,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('2 document(s) checked');
  });

  it('gives the line and column of a syntax error in a pretty-printed file', async () => {
    const file = scratchFile(
      'broken.json',
      '{\n  "userDisplayName": "Adele",\n  "devicesCount": 3\n  "status": "compliant"\n}\n',
    );
    const { code, stdout } = await runCli(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}:4 (root) json not JSON at line 4, column 3: expected ',' or '}' after a property value, found "\\""\n`,
    );
  });

  it('gives a position, on one line, even where JSON.parse itself gives none', async () => {
    const file = scratchFile(
      'bare-word.json',
      '{\n  "devicesCount": 3,\n  "status": compliant\n}\n',
    );
    const { stdout } = await runCli(['validate', file]);
    expect(lines(stdout)).toEqual([
      `${file}:3 (root) json not JSON at line 3, column 13: expected a value, found "c"`,
    ]);
  });

  it('reads a file with a byte order mark and Windows line ends', async () => {
    const file = scratchFile(
      'bom.json',
      `\ufeff${JSON.stringify(JSON.parse(VALID_LINE), null, 2).replace(/\n/g, '\r\n')}\r\n`,
    );
    expect((await runCli(['validate', file])).code).toBe(0);
  });

  it('reports an empty input as invalid rather than as all valid', async () => {
    const file = scratchFile('empty.json', '');
    const { code, stdout } = await runCli(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(`${file}:1 (root) json no JSON document found: the input is empty\n`);
  });

  it('prints one parseable JSON result per document with --json', async () => {
    const { code, stdout } = await runCli([
      'validate',
      '--json',
      'fixtures/valid/status-compliant.json',
      'fixtures/invalid/status-capitalised.json',
    ]);
    expect(code).toBe(1);
    const results = lines(stdout).map((line) => JSON.parse(line) as unknown);
    expect(results).toEqual([
      { source: 'fixtures/valid/status-compliant.json', line: 1, valid: true, issues: [] },
      {
        source: 'fixtures/invalid/status-capitalised.json',
        line: 1,
        valid: false,
        issues: [
          expect.objectContaining({
            path: '/status',
            rule: 'enum',
            actual: 'Compliant',
            allowedValues: expect.arrayContaining(['compliant']) as unknown,
          }),
        ],
      },
    ]);
  });

  describe('NDJSON whose first line is not JSON', () => {
    const BAD_FIRST_LINE = '{"status": compliant}';
    const FIRST_LINE_ISSUE =
      '(root) json not JSON at line 1, column 12: expected a value, found "c"';
    const INVALID_LINE = VALID_LINE.replace('"compliant"', '"Compliant"');

    /** A few MB of NDJSON: a broken first line, then 20,000 bodies of which every 1,000th breaks the contract. */
    function brokenFirstLine(): { text: string; invalidLines: number[] } {
      const body: string[] = [];
      const invalidLines: number[] = [];
      for (let line = 2; line <= 20_001; line++) {
        const invalid = line % 1_000 === 500;
        if (invalid) invalidLines.push(line);
        body.push(invalid ? INVALID_LINE : VALID_LINE);
      }
      return {
        text: `${BAD_FIRST_LINE}\n${body.join('\n')}\n`,
        invalidLines,
      };
    }

    /** What validate prints for `brokenFirstLine()` read from `source`. */
    function expectEveryLineChecked(
      source: string,
      invalidLines: readonly number[],
      result: { code: number; stdout: string; stderr: string },
    ): void {
      expect(result.code).toBe(1);
      const printed = lines(result.stdout);
      expect(printed[0]).toBe(`${source}:1 ${FIRST_LINE_ISSUE}`);
      expect(printed.slice(1).map(prefix)).toEqual(
        invalidLines.map((line) => `${source}:${line} /status enum`),
      );
      expect(result.stderr).toContain(
        `20001 document(s) checked against the request (documented profile) contract: ${20_000 - invalidLines.length} valid, ${invalidLines.length + 1} invalid`,
      );
    }

    it('checks every other line from standard input, and reports the first by its line number', async () => {
      const { text, invalidLines } = brokenFirstLine();
      expect(text.length).toBeGreaterThan(3_000_000);
      expectEveryLineChecked(
        '<stdin>',
        invalidLines,
        await runCli(['validate', '-'], { stdin: text }),
      );
    });

    it('checks every other line of a .ndjson file, and of a .json file that holds NDJSON', async () => {
      const { text, invalidLines } = brokenFirstLine();
      for (const name of ['broken-first.ndjson', 'broken-first.json']) {
        const file = scratchFile(name, text);
        expectEveryLineChecked(file, invalidLines, await runCli(['validate', file]));
      }
    });

    it('reads on when the first two lines are broken', async () => {
      const stdin = `not json\n${BAD_FIRST_LINE}\n${VALID_LINE}\n${INVALID_LINE}\n`;
      const { code, stdout, stderr } = await runCli(['validate', '-'], { stdin });
      expect(code).toBe(1);
      expect(lines(stdout).map(prefix)).toEqual([
        '<stdin>:1 (root) json',
        '<stdin>:2 (root) json',
        '<stdin>:4 /status enum',
      ]);
      expect(stderr).toContain('4 document(s) checked');
    });

    it('reads every line of a .jsonl file as a document, however many lines are broken', async () => {
      const file = scratchFile(
        'all-broken-then-valid.jsonl',
        `${'not json\n'.repeat(300)}${VALID_LINE}\n`,
      );
      const { code, stdout, stderr } = await runCli(['validate', file]);
      expect(code).toBe(1);
      expect(lines(stdout)).toHaveLength(300);
      expect(lines(stdout)[299]?.startsWith(`${file}:300 (root) json not JSON at line 300,`)).toBe(
        true,
      );
      expect(stderr).toContain(
        '301 document(s) checked against the request (documented profile) contract: 1 valid, 300 invalid',
      );
    });

    it('reads one document with --format json, even where the first line is JSON on its own', async () => {
      const file = scratchFile('two-lines.txt', `${VALID_LINE}\n${VALID_LINE}\n`);
      const { code, stdout } = await runCli(['validate', '--format', 'json', file]);
      expect(code).toBe(1);
      expect(stdout).toBe(
        `${file}:2 (root) json not JSON at line 2, column 1: expected the end of the input after a value, found "{"\n`,
      );
    });

    it('reads every line as a document with --format ndjson, on standard input too', async () => {
      const stdin = `${'not json\n'.repeat(300)}${VALID_LINE}\n`;
      const { code, stderr } = await runCli(['validate', '--format', 'ndjson', '-'], { stdin });
      expect(code).toBe(1);
      expect(stderr).toContain('301 document(s) checked');
    });

    it('still reads a broken pretty-printed document as one document', async () => {
      const item = JSON.stringify({ status: 'compliant' });
      const stdin = `[\n  ${item},\n  ${item}\n  ${item}\n]\n`;
      const { code, stdout } = await runCli(['validate', '-'], { stdin });
      expect(code).toBe(1);
      expect(stdout).toBe(
        `<stdin>:4 (root) json not JSON at line 4, column 3: expected ',' or ']' after an array element, found "{"\n`,
      );
    });
  });

  describe('usage errors exit 2', () => {
    it('on an unknown flag, naming it', async () => {
      const { code, stderr } = await runCli([
        'validate',
        '--strict',
        'fixtures/valid/status-error.json',
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain("unknown option '--strict'");
    });

    it('on an unknown contract, listing the allowed ones', async () => {
      const { code, stderr } = await runCli(['validate', '--contract', 'response', 'x.json']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/Allowed choices are entity, request, error/);
    });

    it('on a file that does not exist, saying so', async () => {
      const { code, stderr } = await runCli(['validate', 'fixtures/valid/no-such-file.json']);
      expect(code).toBe(2);
      expect(stderr).toContain('cannot read fixtures/valid/no-such-file.json: no such file');
    });

    it('on a directory, suggesting its files', async () => {
      const { code, stderr } = await runCli(['validate', 'fixtures/valid']);
      expect(code).toBe(2);
      expect(stderr).toContain(
        'it is a directory; pass the files in it (e.g. fixtures/valid/*.json)',
      );
    });

    it('when an unreadable file sits beside invalid ones, still checking the readable ones', async () => {
      const { code, stdout } = await runCli([
        'validate',
        'fixtures/invalid/devices-count-float.json',
        'nope.json',
      ]);
      expect(code).toBe(2);
      expect(stdout).toContain('/devicesCount type');
    });

    it('on an unknown --format, listing the allowed ones', async () => {
      const { code, stderr } = await runCli(['validate', '--format', 'yaml', '-']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/Allowed choices are json, ndjson, auto/);
    });

    it('on standard input given twice', async () => {
      const { code, stderr } = await runCli(['validate', '-', '-']);
      expect(code).toBe(2);
      expect(stderr).toContain('standard input ("-") can be given only once');
    });

    it('without a file, when standard input is a terminal, saying to pass a file or "-"', async () => {
      const { code, stdout, stderr } = await runCli(['validate'], {
        stdinIsTTY: true,
        stdin: '{}\n',
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        'error: name the files to check, or "-" to read standard input (e.g. npx user-status-contracts validate body.json, or ... | npx user-status-contracts validate -)',
      );
    });

    it('without any argument at all, printing the help', async () => {
      const { code, stdout } = await runCli([]);
      expect(code).toBe(2);
      expect(stdout).toContain('validate');
    });
  });

  it('teaches its options, examples and exit codes in --help', async () => {
    const { code, stdout } = await runCli(['validate', '--help']);
    expect(code).toBe(0);
    for (const text of [
      '--contract',
      '--profile',
      '--json',
      '--format',
      'NDJSON',
      'Examples:',
      'Exit codes:',
    ]) {
      expect(stdout).toContain(text);
    }
  });
});

describe('the built user-status-contracts bin', () => {
  const bin = BUILT_BIN;
  const run = async (args: string[]): Promise<{ code: number; stdout: string }> => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args]);
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
    }
  };

  it('sets the real process exit code: 0 valid, 1 invalid, 2 usage', async () => {
    expect(existsSync(bin)).toBe(true); // `npm test` builds dist/ before running jest
    const [valid, invalid, usage] = await Promise.all([
      run(['validate', 'fixtures/valid/status-compliant.json']),
      run(['validate', 'fixtures/invalid/seed-example-body.json']),
      run(['validate', '--nope', 'fixtures/valid/status-compliant.json']),
    ]);
    expect(valid.code).toBe(0);
    expect(invalid.code).toBe(1);
    expect(lines(invalid.stdout)).toHaveLength(3);
    expect(usage.code).toBe(2);
  });

  it('reads piped standard input when given no file', async () => {
    const piped = async (
      args: string[],
      input: string,
    ): Promise<{ code: number | null; stdout: string }> => {
      const child = spawn(process.execPath, [bin, 'validate', ...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stdin.end(input);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { code, stdout };
    };
    const invalid = await piped(['--contract', 'entity'], '{"id":"x"}\n{}\n');
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('<stdin>:2 /id required property "id" is missing\n');
    const valid = await piped([], readFileSync('fixtures/valid/status-compliant.json', 'utf8'));
    expect(valid).toEqual({ code: 0, stdout: '' });
  });

  it('validates 36 MB of NDJSON whose first line is broken in bounded memory', async () => {
    // A file, not a pipe from this process, so that the child alone holds the input. VmHWM in
    // /proc/self/status is the peak of the child's own program image (getrusage's maxRSS would
    // carry over the Jest worker's); elsewhere maxRSS is the best measure there is.
    const body = `${VALID_LINE}\n`.repeat(200_000);
    const file = scratchFile('broken-first-line.txt', `{"status": compliant}\n${body}`);
    expect(body.length).toBeGreaterThan(35_000_000);
    const script =
      "process.on('exit', () => { let peak = process.resourceUsage().maxRSS; try { peak = Number(/VmHWM:\\s*(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} process.stderr.write('peak=' + peak + '\\n'); });" +
      `require(${JSON.stringify(join(process.cwd(), bin))});`;
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
      (resolve) => {
        const child = execFile(
          process.execPath,
          ['-e', script, 'bin', 'validate', file],
          { maxBuffer: 1024 * 1024 },
          (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
        );
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('200001 document(s) checked');
    const peakKilobytes = Number(/peak=(\d+)/.exec(stderr)?.[1]);
    // Holding the input as one document peaks near 165 MB; streaming it, near 70 MB.
    expect(peakKilobytes).toBeLessThan(110 * 1024);
  }, 30_000);

  it('still exits 1 for invalid input when the reader closes the pipe early (validate | head)', async () => {
    const invalidLines = '{"status":"Compliant"}\n'.repeat(20_000);
    const { code, signal, stderr } = await runBinClosingStdout(['validate', '-'], invalidLines);
    expect({ code, signal }).toEqual({ code: 1, signal: null });
    expect(stderr).toContain('0 valid, 20000 invalid');
  });

  it('exits 0 for valid input when standard error is closed before the summary (2>&1 | head -c 0)', async () => {
    const valid = await runBinClosingStdout(
      ['validate', 'fixtures/valid/status-compliant.json'],
      '',
      { closeStderr: true },
    );
    expect({ code: valid.code, signal: valid.signal }).toEqual({ code: 0, signal: null });
    const invalid = await runBinClosingStdout(
      ['validate', 'fixtures/invalid/seed-example-body.json'],
      '',
      { closeStderr: true },
    );
    expect(invalid.code).toBe(1);
  });
});
