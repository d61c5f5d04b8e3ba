import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type * as MsGraph from '@microsoft/microsoft-graph-types';
import type {
  ComplianceStatus,
  CreateUserStatusRequest,
  CreateUserStatusRequestGraphMetadata,
  DeviceComplianceUserStatus,
} from '../../src/contracts/types.generated';

// json-schema-to-typescript loads prettier with a dynamic import(), which jest's module loader
// refuses (even on loading the generator's module); the generator runs in a child Node process
// instead, as `npm run generate:types` runs it.
const ROOT = join(__dirname, '..', '..');
const GENERATED_TYPES_FILE = join(ROOT, 'src', 'contracts', 'types.generated.ts');

async function deriveTypes(beforeGenerating = ''): Promise<string> {
  const script = `${beforeGenerating}
require('./test/contracts/generateTypes').generateTypes().then((source) => process.stdout.write(source));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-e', script],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** `true` only when A and B are the same type (not merely mutually assignable through `any`). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const entity: DeviceComplianceUserStatus = {
  '@odata.type': '#microsoft.graph.deviceComplianceUserStatus',
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#userStatuses/$entity',
  'lastReportedDateTime@odata.type': '#DateTimeOffset',
  id: 'c72adc2c-dc2c-c72a-2cdc-2ac72cdc2ac7',
  userDisplayName: null,
  devicesCount: 3,
  status: 'compliant',
  lastReportedDateTime: '2020-06-14T20:52:52.8841394Z',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
};
const {
  id: _id,
  '@odata.context': _context,
  'lastReportedDateTime@odata.type': _a,
  ...rest
} = entity;
const request: CreateUserStatusRequest = rest;

// Compile-time checks (`tsc --noEmit` covers test/): our types against Microsoft's own
// @microsoft/microsoft-graph-types. Where they differ, they differ on purpose:
//
// - Ours require what the contract requires: the entity's six properties (a server returns them
//   all, the names as null when unknown) and the request's five documented ones. Theirs make every
//   property optional, so their type is not assignable to ours (but ours is to theirs).
// - Their type is exactly our `graph-metadata` request profile (every property optional), and
//   each is assignable to the other.
// - Ours name the OData annotations a payload may carry: `@odata.type` (one exact value),
//   `@odata.context`, and any key containing "@". Theirs declare none.
// - Rules no TypeScript type can state stay with the schema and its validator: Int32 range, a
//   non-empty id, the DateTimeOffset format, no unknown properties at run time.
// - complianceStatus is the same eight-value union in both.

// Ours is assignable to theirs: anything we accept, code written against their SDK types can take.
const asGraphEntity: MsGraph.DeviceComplianceUserStatus = entity;
const asGraphRequest: MsGraph.DeviceComplianceUserStatus = request;

// Theirs is not assignable to ours: every property is optional in theirs.
// @ts-expect-error their id, names, devicesCount, status and date may be absent
const fromGraphEntity: DeviceComplianceUserStatus = asGraphEntity;
// @ts-expect-error their documented properties may be absent from a create body
const fromGraphRequest: CreateUserStatusRequest = asGraphRequest;

// Their type and our graph-metadata profile accept the same shapes.
const toGraphMetadata: CreateUserStatusRequestGraphMetadata = asGraphRequest;
const fromGraphMetadata: MsGraph.DeviceComplianceUserStatus = toGraphMetadata;

// The status unions are identical; our names may be null but must be present.
const sameStatuses: Equal<ComplianceStatus, MsGraph.ComplianceStatus> = true;
const sameNames: Equal<
  DeviceComplianceUserStatus['userDisplayName'],
  NonNullable<MsGraph.DeviceComplianceUserStatus['userDisplayName']> | null
> = true;
// @ts-expect-error status values are case-sensitive
const capitalised: ComplianceStatus = 'Compliant';
// @ts-expect-error our @odata.type is the one exact type name
const otherType: DeviceComplianceUserStatus['@odata.type'] = '#microsoft.graph.entity';

describe('src/contracts/types.generated.ts', () => {
  it('matches what `npm run generate:types` derives from contracts/ today', async () => {
    const committed = readFileSync(GENERATED_TYPES_FILE, 'utf8');
    // On failure: the schemas changed; run `npm run generate:types` and commit the result.
    expect(await deriveTypes()).toBe(committed);
  });

  it('would change if a schema changed, so the check above can fail', async () => {
    // The registry caches each parsed schema; changing the cached one changes what is derived.
    const derived = await deriveTypes(`
const registry = require('./src/contracts/registry');
registry.readContractFile(registry.CONTRACT_FILES.entity).$defs.complianceStatus.enum.push('unknownFutureValue');`);
    expect(derived).not.toBe(readFileSync(GENERATED_TYPES_FILE, 'utf8'));
    expect(derived).toContain("| 'unknownFutureValue'");
  });

  it('is compatible with Microsoft Graph types as the comments above state', () => {
    // The real checks are at compile time; these keep the values used.
    expect([sameStatuses, sameNames]).toEqual([true, true]);
    expect(fromGraphEntity).toBe(entity);
    expect(fromGraphRequest).toEqual(request);
    expect(fromGraphMetadata).toEqual(request);
    expect([capitalised, otherType]).toEqual(['Compliant', '#microsoft.graph.entity']);
  });
});
