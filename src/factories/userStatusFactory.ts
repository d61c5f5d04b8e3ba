import { USER_STATUS_ODATA_TYPE } from '../contracts/complianceStatuses';
import type { DeviceComplianceUserStatus } from '../contracts/types.generated';
import { assertValid } from '../validator/assertValid';
import { StatusFaker } from './StatusFaker';
import { DEFAULT_FACTORY_SEED, StatusFactory } from './StatusFactory';

const faker = new StatusFaker();

/**
 * Realistic `deviceComplianceUserStatus` entities as a server returns them (`@odata.type`, an id of
 * three GUIDs, names, devices, status, report time), reproducible from a seed and always valid.
 * @example
 * const status = userStatusFactory.seed(42).nonCompliant().withDevices(3).build();
 * const list = userStatusFactory.buildList(20, {}, { seed: 7 });
 */
export const userStatusFactory = new StatusFactory<DeviceComplianceUserStatus>(
  ({ sequence, transientParams }) => {
    const { id, ...fields } = faker.entity(transientParams.seed ?? DEFAULT_FACTORY_SEED, sequence);
    return { '@odata.type': USER_STATUS_ODATA_TYPE, id, ...fields };
  },
).afterBuild((status) => assertValid('entity', status));
