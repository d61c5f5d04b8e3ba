import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { InvalidCreateUserStatusRequest } from '../../src/arbitraries/InvalidCreateUserStatusRequest';
import type { CliIo } from '../../src/cli/CliIo';
import { run } from '../../src/cli/run';
import { listIssues } from '../../src/validator/listIssues';
import { assertFailsAsLabelled } from '../helpers/generatorAssertions';
import { runCli } from '../helpers/runCli';
import { BUILT_BIN } from '../helpers/builtBin';
import { runBinClosingStdout } from '../helpers/runBinClosingStdout';

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'generate-cli-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('user-status-contracts generate', () => {
  it('streams 10 valid entities as NDJSON by default and notes the seed on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['generate']);
    expect(code).toBe(0);
    const entities = lines(stdout);
    expect(entities).toHaveLength(10);
    for (const entity of entities) expect(listIssues('entity', entity)).toEqual([]);
    expect(stderr).toBe('generated 10 entities (seed 1)\n');
  });

  it('writes byte-identical output for --seed 7 --count 1000 on every run', async () => {
    const first = await runCli(['generate', '--seed', '7', '--count', '1000']);
    const second = await runCli(['generate', '--seed', '7', '--count', '1000']);
    expect(first.stdout.length).toBeGreaterThan(100_000);
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes different output for a different seed', async () => {
    const seven = await runCli(['generate', '--seed', '7', '--count', '5']);
    const eight = await runCli(['generate', '--seed', '8', '--count', '5']);
    expect(eight.stdout).not.toBe(seven.stdout);
  });

  it.each(['entity', 'request', 'invalid'])(
    'gives the first N %s documents of a seed whatever --count is',
    async (kind) => {
      const short = await runCli(['generate', '--kind', kind, '--seed', '3', '--count', '10']);
      const long = await runCli(['generate', '--kind', kind, '--seed', '3', '--count', '1500']);
      expect(long.stdout.startsWith(short.stdout)).toBe(true);
    },
  );

  it('streams create bodies that all validate, with every trait applied in order', async () => {
    const { code, stdout } = await runCli([
      'generate',
      '--kind',
      'request',
      '--count',
      '2000',
      '--trait',
      'nonCompliant',
      '--trait',
      'anonymous',
    ]);
    expect(code).toBe(0);
    const bodies = lines(stdout);
    expect(bodies).toHaveLength(2000);
    for (const body of bodies) {
      expect(listIssues('request', body)).toEqual([]);
      expect(body).toMatchObject({
        status: 'nonCompliant',
        userDisplayName: null,
        userPrincipalName: null,
      });
      expect(body).not.toHaveProperty('id');
    }
  });

  it('streams invalid bodies that all fail validation, canonical cases first', async () => {
    const { code, stdout, stderr } = await runCli([
      'generate',
      '--kind',
      'invalid',
      '--count',
      '1000',
    ]);
    expect(code).toBe(0);
    const bodies = lines(stdout);
    expect(bodies).toHaveLength(1000);
    for (const body of bodies) expect(listIssues('request', body).length).toBeGreaterThan(0);
    expect(stderr).toContain('generated 1000 invalid bodies');
  });

  it('labels each invalid body with --labels, and each fails exactly as labelled', async () => {
    const { stdout } = await runCli([
      'generate',
      '--kind',
      'invalid',
      '--labels',
      '--count',
      '500',
    ]);
    const cases = lines(stdout) as InvalidCreateUserStatusRequest[];
    expect(cases).toHaveLength(500);
    cases.forEach(assertFailsAsLabelled);
  });

  it('indents documents with --pretty', async () => {
    const { stdout } = await runCli(['generate', '--count', '2', '--pretty']);
    expect(stdout.startsWith('{\n  "@odata.type"')).toBe(true);
    expect(stdout.split('\n}\n')).toHaveLength(3);
  });

  it('writes to a file with --out, the same bytes as on standard output', async () => {
    const out = join(scratch, 'statuses.ndjson');
    const toFile = await runCli(['generate', '--count', '300', '--out', out]);
    const toStdout = await runCli(['generate', '--count', '300']);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
  });

  it.each([
    [['--count', '0'], /--count must be an integer at least 1, not "0"/],
    [['--count', '-5'], /--count must be an integer at least 1/],
    [['--count', '1.5'], /--count must be an integer at least 1, not "1.5"/],
    [['--count', 'ten'], /--count must be an integer/],
    [['--seed', 'x'], /--seed must be an integer/],
    [
      ['--kind', 'entities'],
      /argument 'entities' is invalid. Allowed choices are entity, request, invalid/,
    ],
    [['--trait', 'Compliant'], /Allowed choices are unknown, notApplicable, compliant/],
    [['--kind', 'invalid', '--trait', 'compliant'], /--trait applies to --kind entity or request/],
    [['--labels'], /--labels applies to --kind invalid only/],
    [['--out', join('no-such-directory', 'x.ndjson')], /cannot write --out .*no such directory/],
    [['--out', tmpdir()], /cannot write --out .*: it is a directory; name a file/],
  ])('exits 2 with a clear message for generate %j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['generate', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('teaches its flags, examples and exit codes in --help', async () => {
    const { code, stdout } = await runCli(['generate', '--help']);
    expect(code).toBe(0);
    for (const text of [
      '--kind',
      '--count',
      '--seed',
      '--trait',
      '--pretty',
      '--out',
      'Examples:',
      'Exit codes:',
    ]) {
      expect(stdout).toContain(text);
    }
  });
});

/** A new, empty directory in the scratch folder. */
function emptyDirectory(name: string): string {
  const directory = join(scratch, name);
  mkdirSync(directory);
  return directory;
}

/**
 * Runs the built bin under a file size limit (`ulimit -f`, with SIGXFSZ ignored as a shell can),
 * so that writing a file past the limit fails with EFBIG, as a full disk fails with ENOSPC.
 */
function runBinWithFileSizeLimit(
  args: readonly string[],
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    '/bin/sh',
    ['-c', `trap '' XFSZ; ulimit -f 64; exec "$0" "$@"`, process.execPath, BUILT_BIN, ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const onLinux = existsSync('/dev/full') ? it : it.skip;

describe('generate --out when the output cannot be written', () => {
  onLinux.each(['1', '10', '42', '43', '300', '5000'])(
    'exits 2 naming the path and the cause on a full device (/dev/full, --count %s)',
    async (count) => {
      const { code, stdout, stderr } = await runCli([
        'generate',
        '--count',
        count,
        '--out',
        '/dev/full',
      ]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(
        'error: cannot write --out /dev/full: no space left on device; free some space or choose another path\n',
      );
    },
  );

  onLinux('exits 2 from the built bin too, without a stack trace', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [BUILT_BIN, 'generate', '--count', '10', '--out', '/dev/full'],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot write --out /dev/full: no space left on device');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  onLinux('writes to a device directly (/dev/null), and exits 0', async () => {
    const { code, stderr } = await runCli(['generate', '--count', '10', '--out', '/dev/null']);
    expect(code).toBe(0);
    expect(stderr).toBe('generated 10 entities (seed 1)\n');
  });

  onLinux('leaves no file at all when writing a file fails part way', async () => {
    const directory = emptyDirectory('file-too-large');
    const out = join(directory, 'o.ndjson');
    const { code, stderr } = await runBinWithFileSizeLimit([
      'generate',
      '--count',
      '1000',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: cannot write --out ${out}: file too large for this file system or for the file size limit (ulimit -f); choose another path or raise the limit (no file was left at ${out})\n`,
    );
    expect(readdirSync(directory)).toEqual([]);
  });

  onLinux('leaves an existing file as it was when writing over it fails', async () => {
    const directory = emptyDirectory('file-too-large-existing');
    const out = join(directory, 'o.ndjson');
    writeFileSync(out, 'the previous output\n');
    const { code, stderr } = await runBinWithFileSizeLimit([
      'generate',
      '--count',
      '1000',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(`(${out} was left as it was)`);
    expect(readdirSync(directory)).toEqual(['o.ndjson']);
    expect(readFileSync(out, 'utf8')).toBe('the previous output\n');
  });

  it('leaves no file when interrupted, and exits 2 saying so', async () => {
    const directory = emptyDirectory('interrupted');
    const out = join(directory, 'o.ndjson');
    let interrupt: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    setTimeout(() => interrupt(), 50);
    const { code, stderr } = await runCli(['generate', '--count', '1000000', '--out', out], {
      interrupted,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^stopped after \d+ of 1000000 entities \(seed 1\) before --out was complete \(no file was left at .*o\.ndjson\)\n$/,
    );
    expect(readdirSync(directory)).toEqual([]);
  });

  it('leaves only the --out file, keeping the mode of the file it replaces', async () => {
    const directory = emptyDirectory('replaced');
    const out = join(directory, 'o.ndjson');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    const { code } = await runCli(['generate', '--count', '5', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(directory)).toEqual(['o.ndjson']);
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(6);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

/** A CLI IO whose standard output is a slow consumer, recording how much ever waited in its buffer. */
function slowConsumerIo(interrupted: Promise<void> = new Promise(() => undefined)) {
  let received = 0;
  let maxBuffered = 0;
  const stdoutStream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      maxBuffered = Math.max(maxBuffered, stdoutStream.writableLength);
      setImmediate(callback);
    },
  });
  const stderr: string[] = [];
  const io: CliIo = {
    stdin: Readable.from([]),
    stdoutStream,
    stdout: () => undefined,
    stderr: (text) => void stderr.push(text),
    isTTY: false,
    env: {},
    interrupted,
  };
  return { io, stats: () => ({ received, maxBuffered, stderr: stderr.join('') }) };
}

describe('generate streaming', () => {
  it('waits for a slow consumer instead of buffering the whole output', async () => {
    const { io, stats } = slowConsumerIo();
    expect(await run(['generate', '--count', '20000'], io)).toBe(0);
    const { received, maxBuffered } = stats();
    expect(received).toBeGreaterThan(5_000_000);
    // One chunk in flight at most: memory stays flat however many documents are asked for.
    expect(maxBuffered).toBeLessThan(200 * 1024);
  });

  it('stops early, and says so, when interrupted', async () => {
    let interrupt: () => void = () => undefined;
    const { io, stats } = slowConsumerIo(new Promise<void>((resolve) => (interrupt = resolve)));
    const running = run(['generate', '--count', '1000000'], io);
    setTimeout(() => interrupt(), 50);
    expect(await running).toBe(0);
    expect(stats().stderr).toMatch(/^stopped after \d+ of 1000000 entities \(seed 1\)\n$/);
  });
});

describe('generate interrupted while writing to a consumer that never pushes back', () => {
  it('still stops early', async () => {
    let interrupt: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    setTimeout(() => interrupt(), 50);
    const { code, stderr } = await runCli(['generate', '--count', '1000000'], { interrupted });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^stopped after \d+ of 1000000 entities/);
  });
});

describe('the built bin in a pipeline', () => {
  const bin = BUILT_BIN;

  /** Runs `generate ... | validate ...` as two processes, like a shell pipeline. */
  function pipeline(
    generateArgs: readonly string[],
    validateArgs: readonly string[],
  ): Promise<{ generateCode: number | null; validateCode: number | null; validateStderr: string }> {
    const producer = spawn(process.execPath, [bin, 'generate', ...generateArgs], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const consumer = spawn(process.execPath, [bin, 'validate', ...validateArgs], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    producer.stdout.pipe(consumer.stdin);
    let validateStderr = '';
    consumer.stderr.on('data', (data: Buffer) => (validateStderr += data.toString('utf8')));
    const exit = (child: ReturnType<typeof spawn>) =>
      new Promise<number | null>((resolve) => child.on('close', resolve));
    return Promise.all([exit(producer), exit(consumer)]).then(([generateCode, validateCode]) => ({
      generateCode,
      validateCode,
      validateStderr,
    }));
  }

  it('is built', () => {
    expect(existsSync(bin)).toBe(true); // `npm test` builds dist/ before running jest
  });

  it('generate --kind request --count 10000 | validate - exits 0', async () => {
    const result = await pipeline(['--kind', 'request', '--count', '10000'], ['-']);
    expect(result).toMatchObject({ generateCode: 0, validateCode: 0 });
    expect(result.validateStderr).toContain('10000 valid, 0 invalid');
  });

  it('generate --kind invalid --count 1000 | validate - reports every line invalid', async () => {
    const result = await pipeline(['--kind', 'invalid', '--count', '1000'], ['-']);
    expect(result).toMatchObject({ generateCode: 0, validateCode: 1 });
    expect(result.validateStderr).toContain('0 valid, 1000 invalid');
  });

  it('stops at once, exit 0, when the reader closes the pipe (generate | head)', async () => {
    const { code, signal, stderr } = await runBinClosingStdout([
      'generate',
      '--count',
      '100000000',
    ]);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toBe('stopped: the reader closed standard output (seed 1)\n');
  });

  it('streams 100,000 entities with a peak RSS under 150 MB', async () => {
    // The peak is flat from about 1,000 documents on; the issue's 1,000,000 is measured in the
    // report and by hand, this keeps the test suite fast.
    //
    // On Linux, getrusage's maxRSS (process.resourceUsage().maxRSS) survives fork and exec: a
    // child spawned by a Jest worker that has grown to 190 MB reports 190 MB whatever it uses
    // itself. VmHWM in /proc/self/status is the peak of this program image alone, so it is read
    // where it exists; elsewhere maxRSS is the best measure there is.
    const script =
      "process.on('exit', () => { let peak = process.resourceUsage().maxRSS; try { peak = Number(/VmHWM:\\s*(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} process.stderr.write('maxRSS=' + peak + '\\n'); });" +
      `require(${JSON.stringify(join(process.cwd(), bin))});`;
    const child = spawn(
      process.execPath,
      ['-e', script, 'bin', 'generate', '--count', '100000', '--seed', '7'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (bytes += data.length));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(bytes).toBeGreaterThan(30_000_000);
    const maxRssKilobytes = Number(/maxRSS=(\d+)/.exec(stderr)?.[1]);
    expect(maxRssKilobytes).toBeLessThan(150 * 1024);
  }, 60_000);
});
