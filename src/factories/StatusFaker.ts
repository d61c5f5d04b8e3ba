import { fakeStatusFields, type StatusFields } from './fakeStatusFields';
import { fakeStatusId } from './fakeStatusId';
import { fakeTenantName } from './fakeTenantName';
import { SeededFaker } from './SeededFaker';

const TENANT_STREAM = 0;
const MAX_CACHED_TENANTS = 256;

/**
 * Produces the realistic parts of user status number `sequence` of seed `seed`, always the same for
 * the same pair. Every object of one seed belongs to one tenant, as a real list would.
 */
export class StatusFaker {
  private readonly seeded = new SeededFaker();
  private readonly tenants = new Map<number, string>();

  /** The five client-sent fields of object `sequence` (1, 2, ...) of `seed`. */
  fields(seed: number, sequence: number): StatusFields {
    const tenant = this.tenant(seed);
    return fakeStatusFields(this.seeded.reseed(seed, sequence), tenant);
  }

  /**
   * The id and the five fields of object `sequence` of `seed`. The fields come first from the same
   * stream, so entity N of a seed is what request N of that seed creates.
   */
  entity(seed: number, sequence: number): StatusFields & { id: string } {
    const tenant = this.tenant(seed);
    const faker = this.seeded.reseed(seed, sequence);
    const fields = fakeStatusFields(faker, tenant);
    return { id: fakeStatusId(faker), ...fields };
  }

  /** The tenant of a seed (the `contoso` of `contoso.onmicrosoft.com`). */
  tenant(seed: number): string {
    let tenant = this.tenants.get(seed);
    if (tenant === undefined) {
      // Factory sequences start at 1, so stream 0 is free for per-seed values.
      tenant = fakeTenantName(this.seeded.reseed(seed, TENANT_STREAM));
      if (this.tenants.size >= MAX_CACHED_TENANTS) this.tenants.clear();
      this.tenants.set(seed, tenant);
    }
    return tenant;
  }
}
