import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { InputError, UsageError } from '../errors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Reads an OpenAPI document (JSON) and every JSON Schema file it references, and returns one
 * self-contained document: each referenced file becomes a `components.schemas` entry, references
 * to it point there, and `$schema`/`$id` are dropped (tools that compile OpenAPI schemas take the
 * document's own dialect and would register each `$id` apart).
 * @throws InputError when a file cannot be read or is not JSON; UsageError for YAML documents.
 * @example
 * const openapi = await bundleOpenApiDocument('contracts/openapi.json');
 */
export async function bundleOpenApiDocument(path: string): Promise<Record<string, unknown>> {
  if (/\.ya?ml$/i.test(path)) {
    throw new UsageError(`${path}: only JSON OpenAPI documents are supported; convert it to JSON`);
  }
  const rootPath = resolve(path);
  const names = new Map<string, string>();
  const pending: string[] = [];
  const nameOf = (file: string): string => {
    let name = names.get(file);
    if (name === undefined) {
      const base = basename(file)
        .replace(/(\.schema)?\.json$/i, '')
        .replace(/[^A-Za-z0-9._-]/g, '_');
      name = base;
      for (let n = 2; [...names.values()].includes(name); n++) name = `${base}_${n}`;
      names.set(file, name);
      pending.push(file);
    }
    return name;
  };
  const rewrite = (node: Json, file: string, isRoot: boolean): Json => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, file, isRoot));
    if (typeof node !== 'object' || node === null) return node;
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) {
      if (!isRoot && (key === '$schema' || key === '$id')) continue;
      if (key === '$ref' && typeof value === 'string') {
        out[key] = rewriteRef(value, file, isRoot, rootPath, nameOf);
        continue;
      }
      out[key] = rewrite(value, file, isRoot);
    }
    return out;
  };
  const root = rewrite(await readJson(rootPath, path), rootPath, true);
  if (typeof root !== 'object' || root === null || Array.isArray(root) || !('openapi' in root)) {
    throw new InputError(path, `${path} is not an OpenAPI document: it has no "openapi" field`);
  }
  const schemas: { [key: string]: Json } = {};
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    schemas[nameOf(file)] = rewrite(await readJson(file, file), file, false);
  }
  const components = (root['components'] ?? {}) as { [key: string]: Json };
  const existing = (components['schemas'] ?? {}) as { [key: string]: Json };
  return { ...root, components: { ...components, schemas: { ...existing, ...schemas } } };
}

function rewriteRef(
  ref: string,
  file: string,
  isRoot: boolean,
  rootPath: string,
  nameOf: (file: string) => string,
): string {
  const hash = ref.indexOf('#');
  const target = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return ref;
  const targetFile = target === '' ? file : resolve(dirname(file), target);
  if (targetFile === rootPath) return `#${pointer}`;
  if (target === '' && isRoot) return ref;
  return `#/components/schemas/${nameOf(targetFile)}${pointer}`;
}

async function readJson(file: string, label: string): Promise<Json> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      label,
      `cannot read ${label}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`,
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new InputError(label, `${label} is not JSON`);
  }
}
