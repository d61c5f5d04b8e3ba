import type { Faker } from '@faker-js/faker';

const MAX_LENGTH = 27;

/**
 * A tenant's initial domain name (the `contoso` of `contoso.onmicrosoft.com`): letters and digits
 * only, derived from a company name.
 */
export function fakeTenantName(faker: Faker): string {
  const name = faker.company
    .name()
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
    .slice(0, MAX_LENGTH);
  return name === '' ? 'contoso' : name;
}
