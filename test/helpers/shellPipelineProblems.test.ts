import { shellPipelines } from './shellCommands';
import { cliArgsOf, shellPipelineProblems } from './shellPipelineProblems';

const problemsOf = (snippet: string) => shellPipelines(snippet).flatMap(shellPipelineProblems);

describe('shellPipelineProblems', () => {
  it('accepts CLI commands the real program parses, and allowed commands', () => {
    expect(
      problemsOf(
        [
          'npm ci && npm start   # the full check',
          'npx user-status-contracts generate --kind request --count 3 | npx user-status-contracts validate -',
          'npx user-status-contracts serve --port 4010 --quiet &',
          'PORT=8080 npm run start:test &',
          'npx user-status-contracts fuzz --base-url "$BASE_URL" --token "$TOKEN" --policy-id P \\',
          '  --checks ignored_auth --report junit=fuzz.xml',
          'npx user-status-contracts verify --help',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('refuses a bare bin, which is not on PATH', () => {
    expect(problemsOf('user-status-contracts validate body.json')).toEqual([
      'line 1: write "npx user-status-contracts", which pastes as is',
    ]);
  });

  it('refuses an unknown verb, an unknown flag, a bad choice, a stray argument', () => {
    const problems = problemsOf(
      [
        'npx user-status-contracts valdate body.json',
        'npx user-status-contracts generate --kind request --colour',
        'npx user-status-contracts generate --kind everything',
        'npx user-status-contracts fuzz ... --runs 500',
      ].join('\n'),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^line 1: valdate body.json: .*unknown command 'valdate'/);
    expect(problems[1]).toMatch(/^line 2: .*unknown option '--colour'/);
    expect(problems[2]).toMatch(/^line 3: .*everything.*invalid/);
    expect(problems[3]).toMatch(/^line 4: .*too many arguments/);
  });

  it('refuses a command off the allow-list', () => {
    expect(problemsOf('rm -rf dist')).toEqual(['line 1: "rm -rf dist" is not on the allow-list']);
  });
});

describe('cliArgsOf', () => {
  it('gives the arguments after npx user-status-contracts, past variable assignments', () => {
    expect(cliArgsOf(['A=b', 'npx', 'user-status-contracts', 'serve'])).toEqual(['serve']);
    expect(cliArgsOf(['npx', 'jest'])).toBeUndefined();
  });
});
