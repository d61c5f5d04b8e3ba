import { Factory, type BuildOptions, type DeepPartial } from 'fishery';
import type {
  ComplianceStatus,
  CreateUserStatusRequest,
  DeviceComplianceUserStatus,
} from '../contracts/types.generated';
import { UsageError } from '../errors';
import { isDateTimeOffset } from '../validator/isDateTimeOffset';
import type { FactoryTrait } from './factoryTraits';
import { formatGraphDateTime } from './formatGraphDateTime';

/** The seed a factory uses until `seed()` or a `{ seed }` option says otherwise. */
export const DEFAULT_FACTORY_SEED = 1;

/** Parameters a user status factory reads but does not put in the object. */
export interface StatusFactoryTransientParams {
  /** The seed objects are derived from, with their sequence number. @defaultValue `1` */
  readonly seed: number;
}

/** Options of `build` and `buildList`: fishery's, plus a seed. */
export interface StatusFactoryBuildOptions<T> extends BuildOptions<
  T,
  StatusFactoryTransientParams
> {
  /**
   * Build as a freshly seeded factory would: `build(p, { seed: 7 })` equals
   * `factory.seed(7).build(p)`, on every machine and every run.
   * @defaultValue the factory's seed and sequence
   */
  readonly seed?: number;
}

/**
 * A fishery factory of user statuses (the entity, or a create body) with a trait per status value,
 * `withDevices`, `anonymous`, `reportedAt` and `seed`. Immutable: every trait returns a new factory.
 * Objects are realistic, reproducible from (seed, sequence number), and checked against the
 * contract: an override that breaks it throws a `ContractViolationError`.
 * @example
 * userStatusFactory.seed(7).nonCompliant().withDevices(3).build();
 */
export class StatusFactory<
  T extends DeviceComplianceUserStatus | CreateUserStatusRequest,
> extends Factory<T, StatusFactoryTransientParams> {
  // Shared by the factories derived from this one (as fishery shares its sequence), and replaced
  // by `seed()`, so a seeded factory always starts at object 1.
  private counter = { next: 1 };

  /**
   * A factory whose objects derive from `seed` and their sequence number, starting again at 1: the
   * same seed gives the same objects whatever was built before.
   * @throws UsageError unless the seed is a safe integer.
   */
  seed(seed: number): this {
    if (!Number.isSafeInteger(seed)) {
      throw new UsageError(`a factory seed must be a safe integer, got ${String(seed)}`);
    }
    const seeded = this.transient({ seed });
    seeded.counter = { next: 1 };
    return seeded;
  }

  /** Objects with this status. */
  withStatus(status: ComplianceStatus): this {
    return this.params({ status } as DeepPartial<T>);
  }

  /** Objects with status `unknown`. */
  unknown(): this {
    return this.withStatus('unknown');
  }

  /** Objects with status `notApplicable`. */
  notApplicable(): this {
    return this.withStatus('notApplicable');
  }

  /** Objects with status `compliant`. */
  compliant(): this {
    return this.withStatus('compliant');
  }

  /** Objects with status `remediated`. */
  remediated(): this {
    return this.withStatus('remediated');
  }

  /** Objects with status `nonCompliant`. */
  nonCompliant(): this {
    return this.withStatus('nonCompliant');
  }

  /** Objects with status `error`. */
  error(): this {
    return this.withStatus('error');
  }

  /** Objects with status `conflict`. */
  conflict(): this {
    return this.withStatus('conflict');
  }

  /** Objects with status `notAssigned`. */
  notAssigned(): this {
    return this.withStatus('notAssigned');
  }

  /**
   * Objects with this `devicesCount`.
   * @throws UsageError unless `count` is an Int32.
   */
  withDevices(count: number): this {
    if (!Number.isInteger(count) || (count | 0) !== count) {
      throw new UsageError(`devicesCount must be an Int32 integer, got ${String(count)}`);
    }
    return this.params({ devicesCount: count } as DeepPartial<T>);
  }

  /** Objects whose user has no name: `userDisplayName` and `userPrincipalName` are null. */
  anonymous(): this {
    return this.params({ userDisplayName: null, userPrincipalName: null } as DeepPartial<T>);
  }

  /**
   * Objects last reported at this time. A `Date` is written as Graph writes it (7 fractional
   * digits, `Z`); a string must already be a valid DateTimeOffset and is kept as written.
   * @throws UsageError for an invalid date.
   */
  reportedAt(date: Date | string): this {
    let lastReportedDateTime: string;
    if (typeof date === 'string') {
      if (!isDateTimeOffset(date)) {
        throw new UsageError(
          `"${date}" is not a DateTimeOffset; write it like 2020-06-14T20:52:52.8841394Z or pass a Date`,
        );
      }
      lastReportedDateTime = date;
    } else {
      lastReportedDateTime = formatGraphDateTime(date);
    }
    return this.params({ lastReportedDateTime } as DeepPartial<T>);
  }

  /** Applies an argument-free trait by name (`'nonCompliant'`, `'anonymous'`, ...). */
  trait(name: FactoryTrait): this {
    return name === 'anonymous' ? this.anonymous() : this.withStatus(name);
  }

  /** Builds one object; `{ seed }` builds it as `seed(s).build(params)` would. */
  override build(params?: DeepPartial<T>, options: StatusFactoryBuildOptions<T> = {}): T {
    const { seed, ...fisheryOptions } = options;
    if (seed !== undefined) return this.seed(seed).build(params, fisheryOptions);
    return super.build(params, fisheryOptions);
  }

  /** Builds `count` objects with distinct ids; `{ seed }` builds them as `seed(s).buildList` would. */
  override buildList(
    count: number,
    params?: DeepPartial<T>,
    options: StatusFactoryBuildOptions<T> = {},
  ): T[] {
    const { seed, ...fisheryOptions } = options;
    if (seed !== undefined) return this.seed(seed).buildList(count, params, fisheryOptions);
    return super.buildList(count, params, fisheryOptions);
  }

  /** Starts the sequence again at 1, for this factory and those derived from it. */
  override rewindSequence(): void {
    this.counter.next = 1;
  }

  protected override sequence(): number {
    return this.counter.next++;
  }
}
