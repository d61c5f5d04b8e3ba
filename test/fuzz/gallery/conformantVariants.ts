import type { CheckName } from '../../../src/fuzz/CheckName';
import type { Defect } from './defectiveProvider';
import { isCreate, parse } from './defects';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces every lone surrogate in the strings of a JSON value with U+FFFD. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)]));
  }
  return value;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date-time as Graph stores it: UTC with 7 fractional digits (cut, not rounded), unless UTC
 * would leave years 0001-9999, where the offset is kept.
 */
function asGraphStoresIt(text: string): string {
  const match = DATE_TIME.exec(text);
  if (!match) return text;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = match;
  const seven = fraction.padEnd(7, '0').slice(0, 7);
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    date.setTime(date.getTime() - sign * minutes * 60_000);
  }
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return `${y}-${mo}-${d}T${h}:${mi}:${s}.${seven}${zone}`;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${seven}Z`
  );
}

/** A provider that does what the contract allows but the toolkit advises against, or keeps less. */
export interface ConformantVariant {
  readonly name: string;
  readonly defect: Defect;
  /** The warnings it must get, as `check rule`; it must get no failure. */
  readonly warnings: readonly `${CheckName} ${string}`[];
}

/** Providers that conform to the documented contract in unusual ways: each must pass, with warnings. */
export const CONFORMANT_VARIANTS: readonly ConformantVariant[] = [
  {
    name: 'ignores any supplied string id, even an empty one',
    warnings: ['negative_data_rejection advisory-body-refused'],
    defect: {
      request: (request) => {
        const body = isCreate(request) ? parse(request.body) : undefined;
        if (typeof body?.['id'] !== 'string') return request;
        const { id: _ignored, ...rest } = body;
        return { ...request, body: JSON.stringify(rest) };
      },
    },
  },
  {
    name: 'accepts lone surrogates (stored as U+FFFD)',
    warnings: ['malformed_json_rejection unpredictable-json-refused'],
    defect: {
      request: (request) => {
        if (!isCreate(request) || !/\\u[dD][89a-fA-F]/.test(request.body)) return request;
        const body = parse(request.body);
        return body ? { ...request, body: JSON.stringify(wellFormed(body)) } : request;
      },
    },
  },
  {
    name: 'stores date-times as UTC with 7 fractional digits, as Graph does',
    warnings: ['create_echo date-precision', 'ensure_resource_availability date-precision'],
    defect: {
      response: (response) => {
        if (response.status !== 200 && response.status !== 201) return response;
        const body = parse(response.body);
        if (!body) return response;
        const convert = (entity: unknown): unknown => {
          const item = entity as Record<string, unknown>;
          return typeof item['lastReportedDateTime'] === 'string'
            ? { ...item, lastReportedDateTime: asGraphStoresIt(item['lastReportedDateTime']) }
            : item;
        };
        const converted = Array.isArray(body['value'])
          ? { ...body, value: body['value'].map(convert) }
          : convert(body);
        return { ...response, body: JSON.stringify(converted) };
      },
    },
  },
];
