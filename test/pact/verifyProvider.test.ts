import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyProvider } from '../../src/pact/verifyProvider';

describe('verifyProvider', () => {
  it('gives the reachability check as long as a request may take (timeoutMs), not a fixed 5 s', async () => {
    // Slow to answer its first request only; every create is answered at once, wrongly.
    let first = true;
    const slow: Server = createServer((_req, res) => {
      const delay = first ? 5_500 : 0;
      first = false;
      setTimeout(() => res.writeHead(404).end(), delay);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const report = await verifyProvider({
        baseUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
        policyId: 'p',
        timeoutMs: 8_000,
      });
      expect(report.interactions).toHaveLength(5);
      expect(report.passed).toBe(false);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  }, 15_000);
});
