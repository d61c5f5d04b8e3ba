import type { ValidationIssue } from './contracts/ValidationIssue';

/**
 * A message that names options: `name('baseUrl')` names an option field (`argument` is a
 * placeholder for its value, such as `MS`). The library names the fields (`baseUrl`); the CLI
 * renders the same message with its flags (`--base-url`).
 */
export type OptionMessage = (name: OptionNamer) => string;

/** Names an option: by its field (`timeoutMs`) for the library, by its flag for the CLI. */
export type OptionNamer = (option: string, argument?: string) => string;

/** Names each option by its field, as library callers write it. */
export const fieldName = (option: string): string => option;

/** Base class of every error this toolkit throws on purpose: each has a stable `code`. */
export class UserStatusContractsError extends Error {
  /** A stable, machine-readable code (for example `E_CONTRACT_VIOLATION`). */
  readonly code: string;
  /** The option field at fault (e.g. `concurrency`), when the error is about one. */
  readonly option: string | undefined;
  readonly #message: OptionMessage;

  constructor(
    code: string,
    message: string | OptionMessage,
    options?: { cause?: unknown; option?: string },
  ) {
    super(
      typeof message === 'string' ? message : message(fieldName),
      options !== undefined && 'cause' in options ? { cause: options.cause } : undefined,
    );
    this.name = new.target.name;
    this.code = code;
    this.option = options?.option;
    this.#message = typeof message === 'string' ? () => this.message : message;
  }

  /** The message with each option named as `name` says, e.g. by its command-line flag. */
  messageNaming(name: OptionNamer): string {
    return this.#message(name);
  }
}

/** A value broke the contract; `issues` says where and how. */
export class ContractViolationError extends UserStatusContractsError {
  /** Every issue found, in document order. */
  readonly issues: readonly ValidationIssue[];
  /** The contract the value was checked against. */
  readonly contract: string;

  constructor(contract: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const summary = first
      ? `${first.path || '(root)'} ${first.rule}: ${first.message}`
      : 'no issue recorded';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('E_CONTRACT_VIOLATION', `value breaks the ${contract} contract: ${summary}${more}`);
    this.contract = contract;
    this.issues = issues;
  }
}

/** The caller used the toolkit wrongly: an unknown option, a bad flag value, a missing argument. */
export class UsageError extends UserStatusContractsError {
  /**
   * @param code - A more specific stable code than `E_USAGE`, for subclasses.
   * @param option - The option field at fault, when there is one.
   */
  constructor(message: string | OptionMessage, code = 'E_USAGE', option?: string) {
    super(code, message, option === undefined ? undefined : { option });
  }
}

/**
 * An option has a wrong value, or does not go with the others; `option` names its field. Still
 * code `E_USAGE`: the message names the fields, and the CLI renders it with its flags.
 */
export class OptionError extends UsageError {
  declare readonly option: string;

  constructor(option: string, message: OptionMessage) {
    super(message, 'E_USAGE', option);
  }
}

/**
 * A fault spec (`429:0.2,503:0.05`) or an explicit fault list is malformed; `part` is the entry at
 * fault. A usage error, so the CLI exits 2 with its message.
 */
export class FaultSpecError extends UsageError {
  /** The whole spec as given (or the list, as JSON). */
  readonly spec: string;
  /** The entry or option that is wrong, as written. */
  readonly part: string;

  constructor(spec: string, part: string, reason: string) {
    super(`bad fault spec ${JSON.stringify(spec)}: ${reason}`, 'E_FAULT_SPEC');
    this.spec = spec;
    this.part = part;
  }
}

/** An input file or stream could not be read. */
export class InputError extends UserStatusContractsError {
  /** The file (or `-` for standard input) that could not be read. */
  readonly source: string;

  constructor(
    source: string,
    message: string | OptionMessage,
    options?: { cause?: unknown; option?: string },
  ) {
    super('E_INPUT', message, options);
    this.source = source;
  }
}

/** An output file or stream could not be written, or not completely. */
export class OutputError extends UserStatusContractsError {
  /** The file (or `-` for standard output) that could not be written. */
  readonly target: string;

  constructor(target: string, message: string, options?: { cause?: unknown }) {
    super('E_OUTPUT', message, options);
    this.target = target;
  }
}

/** A server could not be reached, or stopped answering. */
export class ConnectionError extends UserStatusContractsError {
  /** The URL that could not be reached. */
  readonly url: string;

  constructor(
    url: string,
    message: string | OptionMessage,
    options?: { cause?: unknown; option?: string },
  ) {
    super('E_CONNECTION', message, options);
    this.url = url;
  }
}

/** Microsoft Graph (or a provider standing in for it) answered a request with an error status. */
export class GraphRequestError extends UserStatusContractsError {
  /** The HTTP status code, e.g. 404. */
  readonly status: number;
  /** Graph's `error.code` (e.g. `ResourceNotFound`), or `undefined` without Graph's envelope. */
  readonly graphCode: string | undefined;
  /** Graph's `error.message`, or the start of the body without Graph's envelope. */
  readonly graphMessage: string;
  /** The `request-id` (from `innerError`, else the response header), to quote to support. */
  readonly requestId: string | undefined;
  /** The response body: the parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;

  constructor(details: {
    status: number;
    graphCode: string | undefined;
    graphMessage: string;
    requestId: string | undefined;
    body: unknown;
  }) {
    const code = details.graphCode === undefined ? '' : ` ${details.graphCode}`;
    const request = details.requestId === undefined ? '' : ` (request-id ${details.requestId})`;
    super(
      'E_GRAPH_REQUEST',
      `the provider answered ${details.status}${code}: ${details.graphMessage}${request}`,
    );
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
    this.body = details.body;
  }
}

/** An optional peer dependency that a verb or entry needs is not installed; the message says how to add it. */
export class MissingPeerError extends UserStatusContractsError {
  /** The package that is missing, e.g. `@pact-foundation/pact`. */
  readonly peer: string;
  /** What needs it: a CLI verb (`verify`) or an entry (`user-status-contracts/pact`). */
  readonly neededBy: string;
  /** The command that adds it, e.g. `npm install --save-dev @pact-foundation/pact@^16.5.0`. */
  readonly installCommand: string;

  constructor(peer: string, neededBy: string, range: string, options?: { cause?: unknown }) {
    const installCommand = `npm install --save-dev ${peer}@${range}`;
    super(
      'E_MISSING_PEER',
      `${neededBy} needs ${peer}, which is not installed: ${installCommand}`,
      options,
    );
    this.peer = peer;
    this.neededBy = neededBy;
    this.installCommand = installCommand;
  }
}
