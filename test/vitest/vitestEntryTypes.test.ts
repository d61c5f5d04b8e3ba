import { join } from 'node:path';
import ts from 'typescript';

// `import 'user-status-contracts/vitest'` alone types the matchers on Vitest's `expect`. Checked in
// a program of its own: this repository's type check also loads the Jest entry, whose global
// `jest.Matchers` augmentation Vitest's assertions inherit, and which would hide a missing one.

const ROOT = join(__dirname, '..', '..');
// Never written to disk: the compiler host below serves it.
const CONSUMER = join(ROOT, 'test', 'vitest', 'consumer.vitest-types.ts');
const ENTRY_IMPORT = "import { userStatusMatchers } from 'user-status-contracts/vitest';";

const CONSUMER_TEXT = `
import { expect, it, vi } from 'vitest';
import { createUserStatusRequestFactory, userStatusFactory } from 'user-status-contracts';
${ENTRY_IMPORT}

expect.extend(userStatusMatchers);

it('types every matcher, its asymmetric forms and its arguments', async () => {
  expect(userStatusFactory.build()).toMatchUserStatusContract();
  expect(createUserStatusRequestFactory.build()).toBeValidCreateUserStatusRequest();
  expect({ status: 'compliant' }).toBeValidCreateUserStatusRequest({ profile: 'graph-metadata' });
  await expect(new Response('{}', { status: 401 })).toBeGraphError(401);
  const send = vi.fn();
  expect(send).toHaveBeenCalledWith(expect.toBeValidCreateUserStatusRequest());
  expect([{ id: '' }]).toEqual([expect.not.toMatchUserStatusContract()]);
  // @ts-expect-error the matcher takes no argument
  expect({}).toMatchUserStatusContract(1);
  // @ts-expect-error the profiles are named
  expect({}).toBeValidCreateUserStatusRequest({ profile: 'lenient' });
  // @ts-expect-error a status needs a response: the asymmetric form takes none
  expect([]).toEqual([expect.toBeGraphError(401)]);
});
`;

/** The diagnostics of a program holding the consumer file (with `text`) and what it imports. */
function typeCheck(text: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    types: ['node'],
    baseUrl: ROOT,
    paths: {
      'user-status-contracts': ['src/index.ts'],
      'user-status-contracts/vitest': ['src/vitest/index.ts'],
    },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === CONSUMER
      ? ts.createSourceFile(fileName, text, languageVersion, true)
      : getSourceFile(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === CONSUMER || fileExists(fileName);
  const program = ts.createProgram([CONSUMER], options, host);
  const loaded = program.getSourceFiles().map((file) => file.fileName);
  if (loaded.some((file) => file.endsWith('/src/jest/index.ts'))) {
    throw new Error(
      'the program loaded the Jest entry, whose augmentation would hide a missing one',
    );
  }
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the vitest entry', () => {
  it("types the matchers on Vitest's expect, with nothing else imported", () => {
    expect(typeCheck(CONSUMER_TEXT)).toEqual([]);
  }, 60_000);

  it('is what types them: without it, Vitest knows no such matcher', () => {
    const withoutEntry = CONSUMER_TEXT.replace(ENTRY_IMPORT, '').replace(
      'expect.extend(userStatusMatchers);',
      '',
    );
    const diagnostics = typeCheck(withoutEntry);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Property 'toMatchUserStatusContract' does not exist/),
        expect.stringMatching(/Property 'toBeGraphError' does not exist/),
      ]),
    );
  }, 60_000);
});
