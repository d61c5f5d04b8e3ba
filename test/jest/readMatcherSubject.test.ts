import { Readable } from 'node:stream';
import { ReadableStream } from 'node:stream/web';
import { readMatcherSubject, type MatcherSubject } from '../../src/jest/readMatcherSubject';
import { ENTITY } from './httpHarness';

const JSON_HEADERS = { 'content-type': 'application/json' };

function synchronous(subject: MatcherSubject | Promise<MatcherSubject>): MatcherSubject {
  if (subject instanceof Promise) throw new Error('expected a synchronous subject');
  return subject;
}

describe('readMatcherSubject', () => {
  describe('plain values', () => {
    it.each([
      ['an entity (its status is a string)', ENTITY],
      ['null', null],
      ['a JSON text, which is a string value, not a body', '{"id":"x"}'],
      ['an array', [ENTITY]],
      ['a numeric status without headers', { status: 404, body: {} }],
      ['a numeric status and headers but no body', { status: 200, headers: {} }],
      ['a fractional status', { status: 200.5, headers: {}, data: {} }],
    ])('takes %s for the JSON value itself', (_label, value) => {
      expect(readMatcherSubject(value)).toEqual({
        source: 'value',
        status: undefined,
        contentType: undefined,
        body: { kind: 'json', value },
      });
    });

    it('cannot read a Promise and says to await it', () => {
      expect(synchronous(readMatcherSubject(Promise.resolve(ENTITY))).body).toEqual({
        kind: 'unreadable',
        reason: expect.stringContaining('it is a Promise: await the response') as string,
      });
    });
  });

  describe('axios-style responses', () => {
    it('reads { status, headers, data } with parsed data', () => {
      expect(readMatcherSubject({ status: 201, headers: JSON_HEADERS, data: ENTITY })).toEqual({
        source: 'axios response',
        status: 201,
        contentType: 'application/json',
        body: { kind: 'json', value: ENTITY },
      });
    });

    it('parses string data, and reports text that is not JSON', () => {
      const parsed = synchronous(
        readMatcherSubject({ status: 200, headers: {}, data: JSON.stringify(ENTITY) }),
      );
      expect(parsed.body).toEqual({ kind: 'json', value: ENTITY });
      const html = synchronous(
        readMatcherSubject({ status: 200, headers: { 'Content-Type': 'text/html' }, data: '<p>' }),
      );
      expect(html.contentType).toBe('text/html');
      expect(html.body).toEqual({
        kind: 'not-json',
        text: '<p>',
        reason: expect.stringContaining('not valid JSON') as string,
      });
    });

    it('decodes bytes, and takes an empty string for an empty body', () => {
      const bytes = Buffer.from(JSON.stringify(ENTITY));
      expect(
        synchronous(readMatcherSubject({ status: 200, headers: {}, data: bytes })).body,
      ).toEqual({ kind: 'json', value: ENTITY });
      const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
      expect(
        synchronous(readMatcherSubject({ status: 200, headers: {}, data: arrayBuffer })).body,
      ).toEqual({ kind: 'json', value: ENTITY });
      expect(synchronous(readMatcherSubject({ status: 204, headers: {}, data: '' })).body).toEqual({
        kind: 'empty',
      });
    });

    it('keeps null data as the JSON null', () => {
      expect(
        synchronous(readMatcherSubject({ status: 200, headers: {}, data: null })).body,
      ).toEqual({ kind: 'json', value: null });
    });

    it('cannot read a stream', () => {
      const stream = Readable.from(['{}']);
      expect(
        synchronous(readMatcherSubject({ status: 200, headers: {}, data: stream })).body,
      ).toEqual({ kind: 'unreadable', reason: expect.stringContaining('stream') as string });
    });
  });

  describe('supertest-style responses', () => {
    it('prefers the raw text over the {} superagent leaves for types it does not parse', () => {
      const subject = synchronous(
        readMatcherSubject({
          status: 200,
          headers: { 'content-type': 'text/plain' },
          body: {},
          text: 'oops',
        }),
      );
      expect(subject.source).toBe('supertest response');
      expect(subject.body).toMatchObject({ kind: 'not-json', text: 'oops' });
    });

    it('falls back on body without text, and takes empty text for an empty body', () => {
      expect(
        synchronous(readMatcherSubject({ status: 200, headers: {}, body: ENTITY })).body,
      ).toEqual({ kind: 'json', value: ENTITY });
      expect(
        synchronous(readMatcherSubject({ status: 204, headers: {}, body: {}, text: '' })).body,
      ).toEqual({ kind: 'empty' });
    });
  });

  describe('fetch Responses and Requests', () => {
    it('reads a Response asynchronously, from a clone', async () => {
      const response = new Response(JSON.stringify(ENTITY), { status: 201, headers: JSON_HEADERS });
      const pending = readMatcherSubject(response);
      expect(pending).toBeInstanceOf(Promise);
      expect(await pending).toEqual({
        source: 'fetch Response',
        status: 201,
        contentType: 'application/json',
        body: { kind: 'json', value: ENTITY },
      });
      expect(response.bodyUsed).toBe(false);
      expect(await response.json()).toEqual(ENTITY);
    });

    it('reads a Request, which has no status', async () => {
      const request = new Request('http://localhost/', { method: 'POST', body: '{"a":1}' });
      expect(await readMatcherSubject(request)).toMatchObject({
        source: 'fetch Request',
        status: undefined,
        body: { kind: 'json', value: { a: 1 } },
      });
    });

    it('cannot read a body already read', async () => {
      const response = new Response('{}');
      await response.text();
      expect((await readMatcherSubject(response)).body).toEqual({
        kind: 'unreadable',
        reason: expect.stringContaining('already been read') as string,
      });
    });

    it('resolves, never rejects, when the body stream fails', async () => {
      const failing = new ReadableStream({
        pull(controller) {
          controller.error(new Error('connection reset'));
        },
      });
      const subject = await readMatcherSubject(new Response(failing, { status: 200 }));
      expect(subject.body).toEqual({
        kind: 'unreadable',
        reason: expect.stringContaining('could not be read') as string,
      });
    });

    it('takes a null body for an empty one', async () => {
      expect((await readMatcherSubject(new Response(null, { status: 204 }))).body).toEqual({
        kind: 'empty',
      });
    });
  });
});
