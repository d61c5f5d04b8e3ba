import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_FILES, readContractFile } from '../../src/contracts/registry';

/** Where the derived types live; never edit that file by hand (`npm run generate:types`). */
export const GENERATED_TYPES_FILE = join(
  __dirname,
  '..',
  '..',
  'src',
  'contracts',
  'types.generated.ts',
);

const ANNOTATIONS =
  '  /** OData instance annotations (any key containing "@"). */\n  [annotation: `${string}@${string}`]: unknown;\n';

const inlined = new WeakMap<object, unknown>();

/**
 * Resolves every `$ref` (to a file of `contracts/` and a JSON pointer) by inlining its target. One
 * schema node always yields the same object, so json-schema-to-typescript names each type once.
 */
function inline(node: unknown, baseFile: string): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, baseFile));
  if (node === null || typeof node !== 'object') return node;
  const known = inlined.get(node);
  if (known !== undefined) return known;
  const result = inlineObject(node as Record<string, unknown>, baseFile);
  inlined.set(node, result);
  return result;
}

function inlineObject(node: Record<string, unknown>, baseFile: string): unknown {
  const {
    $ref,
    $schema: _schema,
    $id: _id,
    $defs: _defs,
    patternProperties: _pp,
    ...rest
  } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof $ref === 'string') {
    const [file = '', pointer = ''] = $ref.split('#');
    const targetFile = file || baseFile;
    let target = readContractFile(targetFile);
    for (const part of pointer.split('/').filter(Boolean)) {
      target = (target as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    const resolved = inline(target, targetFile);
    if (Object.keys(rest).length === 0) return resolved;
    Object.assign(out, resolved);
  }
  for (const [key, value] of Object.entries(rest)) out[key] = inline(value, baseFile);
  return out;
}

/** Derives the TypeScript types of every contract from `contracts/` (json-schema-to-typescript). */
export async function generateTypes(): Promise<string> {
  const wrapper = {
    title: 'Contracts',
    type: 'object',
    additionalProperties: false,
    properties: {
      entity: { $ref: `${CONTRACT_FILES.entity}` },
      request: { $ref: `${CONTRACT_FILES.request}#/$defs/documented` },
      requestGraphMetadata: { $ref: `${CONTRACT_FILES.request}#/$defs/graph-metadata` },
      error: { $ref: `${CONTRACT_FILES.error}` },
    },
  };
  const schema = inline(wrapper, CONTRACT_FILES.entity) as JSONSchema;
  const body = await compile(schema, 'Contracts', {
    bannerComment: '',
    additionalProperties: false,
    format: true,
    style: { singleQuote: true, printWidth: 100, trailingComma: 'all' },
  });
  // json-schema-to-typescript cannot express "keys containing @"; the entity allows them as OData
  // annotations, which a template-literal index signature states exactly.
  const withAnnotations = body.replace(
    /(export interface DeviceComplianceUserStatus \{\n[\s\S]*?)(\n\}\n)/,
    (_match, head: string, tail: string) => `${head}\n${ANNOTATIONS.trimEnd()}${tail}`,
  );
  const withoutWrapper = withAnnotations.replace(
    /export interface Contracts \{[\s\S]*?\n\}\n\n?/,
    '',
  );
  return (
    '// Generated from contracts/*.schema.json by `npm run generate:types`. Do not edit by hand:\n' +
    '// test/contracts/types.test.ts fails when this file drifts from the schemas.\n\n' +
    withoutWrapper
  );
}

if (require.main === module) {
  generateTypes().then(
    (source) => {
      writeFileSync(GENERATED_TYPES_FILE, source);
      console.log(`wrote ${GENERATED_TYPES_FILE}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
