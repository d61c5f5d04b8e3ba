// The fast-check snippet of docs/fixtures-and-generators.md, verbatim but for the import paths, so
// it cannot rot; the last test shows the same examples with plain fc.assert.
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/jest';
import { asPropertyExamples } from '../../src/arbitraries/asPropertyExamples';
import {
  createUserStatusRequestArbitrary,
  createUserStatusRequestExamples,
} from '../../src/arbitraries/createUserStatusRequestArbitrary';
import { invalidCreateUserStatusRequestArbitrary } from '../../src/arbitraries/invalidCreateUserStatusRequestArbitrary';
import { listIssues } from '../../src/validator/listIssues';
import { docBlocksOf, withoutImports } from '../helpers/docBlocks';

// The code under test: yours.
const parseBody = (text: string): unknown => JSON.parse(text);

test.prop([createUserStatusRequestArbitrary()], {
  examples: asPropertyExamples(createUserStatusRequestExamples()),
})('every valid body survives my parser intact', (body) => {
  expect(parseBody(JSON.stringify(body))).toEqual(body);
});

test.prop([invalidCreateUserStatusRequestArbitrary()])(
  'every invalid body is refused at the labelled property',
  ({ body, violation }) => {
    expect(listIssues('request', body).map((issue) => issue.path)).toContain(violation.path);
  },
);

test('fc.assert takes the same examples', () => {
  fc.assert(
    fc.property(createUserStatusRequestArbitrary({ status: 'compliant' }), (body) => {
      expect(body.status).toBe('compliant');
    }),
    { examples: asPropertyExamples(createUserStatusRequestExamples({ status: 'compliant' })) },
  );
});

test('is the code docs/fixtures-and-generators.md shows', () => {
  const block = docBlocksOf('docs/fixtures-and-generators.md', 'ts')[1];
  expect(block).toBeDefined();
  expect(readFileSync(__filename, 'utf8')).toContain(withoutImports(block?.code ?? ''));
});
