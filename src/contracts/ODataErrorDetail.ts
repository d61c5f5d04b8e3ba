import type { MainError } from './types.generated';

/**
 * One entry of a Graph error's `details`, shaped like the error itself (the error contract's
 * `code`, `message` and `target`), `target` naming what it is about.
 */
export type ODataErrorDetail = Pick<MainError, 'code' | 'message'> & {
  target: NonNullable<MainError['target']>;
};
