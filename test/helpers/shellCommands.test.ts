import { shellPipelines, yamlRunSteps } from './shellCommands';

describe('shellPipelines', () => {
  it('splits pipelines and commands, removes quotes, joins continued lines, keeps the comment', () => {
    const [first, second] = shellPipelines(
      `npx a --x 'one two' "$TOKEN" \\\n  --y "\${POLICY_ID}x" | npx b -   # exit 1\nnpx c &`,
      { TOKEN: 't', POLICY_ID: 'p' },
    );
    expect(first).toEqual({
      commands: [
        ['npx', 'a', '--x', 'one two', 't', '--y', 'px'],
        ['npx', 'b', '-'],
      ],
      globs: [[], []],
      comment: 'exit 1',
      line: 1,
      background: false,
    });
    expect(second).toMatchObject({ commands: [['npx', 'c']], line: 3, background: true });
  });

  it('leaves unknown variables as written, takes exported ones, and marks unquoted globs', () => {
    const pipelines = shellPipelines('export A=1 B=2\necho $A $C "x*" y/*.json');
    expect(pipelines[1]?.commands[0]).toEqual(['echo', '1', '$C', 'x*', 'y/*.json']);
    expect(pipelines[1]?.globs[0]).toEqual([4]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => shellPipelines(`echo 'open`)).toThrow(/unterminated single quote/);
    expect(() => shellPipelines(`echo "open`)).toThrow(/unterminated double quote/);
  });
});

describe('yamlRunSteps', () => {
  it('reads plain, folded and literal run: values', () => {
    const yaml = [
      'steps:',
      '  - run: npm ci # comment',
      '  - name: Verify',
      '    run: >',
      '      npx user-status-contracts verify',
      '      --base-url "$BASE_URL"',
      '  - run: |',
      '      one',
      '      two',
      '  - uses: actions/checkout@v4',
    ].join('\n');
    expect(yamlRunSteps(yaml)).toEqual([
      { line: 2, script: 'npm ci # comment' },
      { line: 4, script: 'npx user-status-contracts verify --base-url "$BASE_URL"' },
      { line: 7, script: 'one\ntwo' },
    ]);
  });
});
