import type { RequestViolation } from '../../arbitraries/InvalidCreateUserStatusRequest';
import type { CreateUserStatusRequest } from '../../contracts/types.generated';

/**
 * Why an invalid case's body is invalid: the invalid-request arbitrary's `RequestViolation` (the
 * JSON pointer and rule `listIssues` must report), or, marked `advisory`, a body that conforms to
 * the contract and breaks only the toolkit's advice (`listAdvisories`): a warning.
 */
export type FuzzViolation = Omit<RequestViolation, 'mutation'> & { readonly advisory?: true };

/**
 * One generated test case: what to send and what kind of answer the contract demands. A case may
 * take several requests (a create, then a read-back, a delete and a read after it).
 */
export type FuzzCase =
  /** A valid create, read back by id when it succeeds. */
  | { readonly kind: 'create'; readonly body: CreateUserStatusRequest }
  /** A valid create, then a delete, then a read of the deleted status. */
  | { readonly kind: 'lifecycle'; readonly body: CreateUserStatusRequest }
  /** A body that breaks the contract (or the toolkit's advice) for one labelled reason. */
  | { readonly kind: 'invalid'; readonly body: unknown; readonly violation: FuzzViolation }
  /** A raw text that is not JSON, or is hostile JSON. */
  | { readonly kind: 'malformed'; readonly text: string; readonly label: string }
  /** A valid create with a missing, malformed or wrong bearer token. */
  | {
      readonly kind: 'auth';
      readonly body: CreateUserStatusRequest;
      readonly variant: 'missing' | 'malformed' | 'wrong';
      /** The Authorization header sent, if any. */
      readonly authorization?: string;
      /** Sent as `userDisplayName`, to find the status in a listing if the server stored it anyway. */
      readonly marker: string;
      /**
       * Whether to list the collection afterwards to prove nothing was stored. Listings grow with
       * the server's store, so only some cases (and every canonical one) pay for one.
       */
      readonly verifyListing: boolean;
    }
  /** A valid create under a policy id that does not exist. */
  | {
      readonly kind: 'unknownParent';
      readonly body: CreateUserStatusRequest;
      readonly policyId: string;
    }
  /** A valid JSON body sent with a Content-Type that is not JSON (or none). */
  | {
      readonly kind: 'mediaType';
      readonly body: CreateUserStatusRequest;
      readonly contentType?: string;
    }
  /** A method the resource does not document, on the collection or on an item. */
  | { readonly kind: 'method'; readonly method: string; readonly target: 'collection' | 'item' };

/** The kinds of case, one scenario each. */
export type FuzzCaseKind = FuzzCase['kind'];
