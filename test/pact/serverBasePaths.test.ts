import { serverBasePaths } from '../../src/pact/serverBasePaths';

describe('serverBasePaths', () => {
  it("takes the path of each server's URL, without a trailing slash", () => {
    expect(
      serverBasePaths({
        servers: [
          { url: 'https://graph.microsoft.com/v1.0' },
          { url: 'https://graph.microsoft.com/beta/' },
          { url: 'http://127.0.0.1:4010' },
          { url: '/gateway/graph' },
        ],
      }),
    ).toEqual(['/v1.0', '/beta', '', '/gateway/graph']);
  });

  it('expands a server variable to its default and each of its enum values', () => {
    expect(
      serverBasePaths({
        servers: [
          {
            url: 'https://graph.microsoft.com/{version}',
            variables: { version: { default: 'v1.0', enum: ['v1.0', 'beta'] } },
          },
        ],
      }),
    ).toEqual(['/v1.0', '/beta']);
  });

  it('is the root for a document without servers, or whose servers have no URL', () => {
    expect(serverBasePaths({})).toEqual(['']);
    expect(serverBasePaths({ servers: [{ description: 'no url' }] })).toEqual(['']);
  });
});
