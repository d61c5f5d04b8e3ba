import type { RequestProfile } from '../contracts/registry';

/** Options shared by `check`, `listIssues` and `assertValid`. */
export interface ValidationOptions<P extends RequestProfile = RequestProfile> {
  /**
   * The request profile, for the `request` contract (ignored for the others).
   * @defaultValue `'documented'`
   */
  readonly profile?: P;
}
