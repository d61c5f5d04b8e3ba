import { request } from 'undici';
import { readLimitedBody } from './readLimitedBody';
import { MAX_ANSWER_BYTES } from './startProviderGuard';
import type { StateSetupFailure } from './VerificationReport';

/** The values a provider state supplies: what the pact's `fromProviderState` expressions take. */
export type ProviderStateValues = Record<string, unknown>;

/**
 * One provider state's handlers, in the shape Pact's verifier takes (`stateHandlers` of its
 * `VerifierOptions`): `setup` answers the state's values; `teardown` runs after the interaction.
 */
export interface ProviderStateHandler {
  /** Sets the state up and answers its values. */
  readonly setup: (params?: unknown) => Promise<ProviderStateValues>;
  /** Undoes the state, when the state needs it. */
  readonly teardown?: (params?: unknown) => Promise<ProviderStateValues>;
}

/** Provider-state handlers by state name, for the `stateHandlers` option of Pact's verifier. */
export type ProviderStateHandlers = Readonly<Record<string, ProviderStateHandler>>;

/** Options of `createStateHandlers`. */
export interface StateHandlersOptions {
  /**
   * A device compliance policy that exists on the provider: every state's `policyId` param is
   * replaced with it, so requests go to a policy the provider really has.
   * @defaultValue `undefined` (the pact's own `policyId` is kept)
   */
  readonly policyId?: string;
  /**
   * Where to POST each state change (`{ state, params, action }`) so the provider sets it up
   * itself; a JSON object in the answer supplies the values the request paths take.
   * @defaultValue `undefined` (nothing is posted; the params, mapped as above, are the values)
   */
  readonly stateSetupUrl?: string;
  /**
   * How long a state change may take, in milliseconds.
   * @defaultValue `10000`
   */
  readonly timeoutMs?: number;
  /** Called for every state that could not be set up (the verification then reports it). */
  readonly onFailure: (failure: StateSetupFailure) => void;
}

type Params = ProviderStateValues;

/**
 * Provider-state handlers that work for a provider we do not control. By default a state is not
 * set up at all: its `policyId` is mapped to one the user says exists, and returned as the value
 * `fromProviderState` paths take. With `stateSetupUrl` each state change is posted to the provider,
 * and its answer supplies the values. Every state name gets a handler, including states of pacts
 * this process never read (a Pact Broker's), hence the `Proxy`.
 */
export function createStateHandlers(options: StateHandlersOptions): ProviderStateHandlers {
  // Capped at setTimeout's largest delay, beyond which a timer would fire at once.
  const timeoutMs = Math.min(options.timeoutMs ?? 10_000, 2_147_483_647);
  const handlerFor = (state: string): ProviderStateHandler => {
    const values = (params: unknown): Params => {
      const given = typeof params === 'object' && params !== null ? (params as Params) : {};
      return options.policyId !== undefined && 'policyId' in given
        ? { ...given, policyId: options.policyId }
        : { ...given };
    };
    const { stateSetupUrl } = options;
    if (stateSetupUrl === undefined) {
      return { setup: (params) => Promise.resolve(values(params)) };
    }
    const post = async (action: 'setup' | 'teardown', params: unknown): Promise<Params> => {
      const sent = values(params);
      try {
        const response = await request(stateSetupUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ state, params: sent, action }),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const { bytes, truncated } = await readLimitedBody(response.body, MAX_ANSWER_BYTES);
        if (truncated) {
          throw new Error(
            `${stateSetupUrl} answered ${response.statusCode} with a body larger than 1 MiB, the most read`,
          );
        }
        const text = bytes.toString('utf8');
        if (response.statusCode < 200 || response.statusCode > 299) {
          throw new Error(
            `${stateSetupUrl} answered ${response.statusCode}: ${text.slice(0, 200)}`,
          );
        }
        const answer = parseObject(text);
        return { ...sent, ...answer };
      } catch (error) {
        options.onFailure({ state, action, message: describe(error, timeoutMs) });
        // Resolving (not rejecting) keeps Pact from printing its own trace; the failure is reported.
        return sent;
      }
    };
    return {
      setup: (params) => post('setup', params),
      teardown: (params) => post('teardown', params),
    };
  };
  const cache = new Map<string, ProviderStateHandler>();
  return new Proxy({} as ProviderStateHandlers, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      let handler = cache.get(name);
      if (handler === undefined) {
        handler = handlerFor(name);
        cache.set(name, handler);
      }
      return handler;
    },
  });
}

function parseObject(text: string): Params {
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Params)
      : {};
  } catch {
    return {};
  }
}

function describe(error: unknown, timeoutMs: number): string {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` is false.
  const { name, message, code } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return `the state change timed out: no complete answer within ${timeoutMs} ms`;
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return `the state setup URL closed the connection before answering (${code})`;
  }
  return typeof message === 'string' ? message : String(error);
}
