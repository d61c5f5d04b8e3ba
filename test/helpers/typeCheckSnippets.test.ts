import { typeCheckSnippets } from './typeCheckSnippets';

it('type-checks snippets against the sources: clean ones pass, broken ones name the line', () => {
  const results = typeCheckSnippets([
    {
      name: 'clean',
      context: '',
      code: "import { check } from 'user-status-contracts';\nawait Promise.resolve(check('request', {}));",
    },
    {
      name: 'with context',
      context: 'declare const body: unknown;',
      code: "import { listIssues } from 'user-status-contracts';\nlistIssues('entity', body);",
    },
    {
      name: 'broken',
      context: '',
      code: "import { check } from 'user-status-contracts';\n\ncheck('no-such-contract', {});",
    },
  ]);
  expect(results.get('clean')).toEqual([]);
  expect(results.get('with context')).toEqual([]);
  expect(results.get('broken')).toEqual([
    expect.stringMatching(/^line 3: Argument of type '"no-such-contract"'/),
  ]);
}, 120_000);
