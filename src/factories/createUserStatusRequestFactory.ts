import { USER_STATUS_ODATA_TYPE } from '../contracts/complianceStatuses';
import type { CreateUserStatusRequest } from '../contracts/types.generated';
import { assertValid } from '../validator/assertValid';
import { StatusFaker } from './StatusFaker';
import { DEFAULT_FACTORY_SEED, StatusFactory } from './StatusFactory';

const faker = new StatusFaker();

/**
 * Realistic create bodies as a client sends them (`@odata.type` and the five documented
 * properties, no id), reproducible from a seed and always valid under the `documented` profile.
 * @example
 * const body = createUserStatusRequestFactory.seed(42).compliant().build();
 */
export const createUserStatusRequestFactory = new StatusFactory<CreateUserStatusRequest>(
  ({ sequence, transientParams }) => ({
    '@odata.type': USER_STATUS_ODATA_TYPE,
    ...faker.fields(transientParams.seed ?? DEFAULT_FACTORY_SEED, sequence),
  }),
).afterBuild((body) => assertValid('request', body));
