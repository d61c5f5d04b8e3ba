// Checks an Express implementation of the endpoint the way a provider team would in CI: the
// consumers' pact must verify, and the fuzzer must find nothing. The last test breaks the app on
// purpose, to show that the fuzzer notices.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { fuzz, type FuzzFinding } from 'user-status-contracts';
import { DEFAULT_PACT_FILE, verifyProvider } from 'user-status-contracts/pact';
import { createApp } from './app';

const TOKEN = 'express-example-token';
const POLICY_ID = '3f0e4c2a-6b1d-4e8f-9a7c-2d5b8e1f4a60';

/** A running app on a free loopback port. */
interface Running {
  readonly url: string;
  close(): Promise<void>;
}

async function start(app: Express): Promise<Running> {
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One line per finding, with the curl that reproduces it: what a failing test should print. */
function describeFindings(findings: readonly FuzzFinding[]): string[] {
  return findings.map((finding) => `${finding.check}: ${finding.message}\n  ${finding.curl}`);
}

describe('the Express provider', () => {
  let running: Running;

  beforeAll(async () => {
    running = await start(
      createApp({ tokens: [TOKEN], policyIds: [POLICY_ID], providerStates: true }),
    );
  });
  afterAll(() => running.close());

  it('verifies the pact, setting each provider state up itself', async () => {
    const report = await verifyProvider({
      baseUrl: running.url,
      token: TOKEN,
      stateSetupUrl: `${running.url}/_pact/provider-states`,
      pacts: [DEFAULT_PACT_FILE],
    });
    expect(report.stateFailures).toEqual([]);
    expect(report.interactions.filter((interaction) => !interaction.passed)).toEqual([]);
    expect(report.interactions.length).toBeGreaterThan(0);
    expect(report.passed).toBe(true);
  });

  it('gives the fuzzer nothing to report', async () => {
    const report = await fuzz({
      baseUrl: running.url,
      token: TOKEN,
      policyId: POLICY_ID,
      seed: 20260101,
      // The canonical edge cases, then 30 generated cases per scenario: a few seconds.
      runs: 30,
      maxTimeSeconds: 20,
    });
    // No failure; the one warning is the toolkit's advice to refuse an empty id, which this app
    // (like the contract) lets through and ignores.
    expect(describeFindings(report.findings.filter((f) => f.level === 'failure'))).toEqual([]);
    expect(report.findings.map((f) => `${f.level} ${f.check} ${f.rule}`)).toEqual([
      'warning negative_data_rejection advisory-body-refused',
    ]);
    expect(report.incomplete).toBe(false);
    expect(report.cases).toBeGreaterThan(0);
  });

  it('is caught by the fuzzer when a gateway in front of it stamps a token on every request', async () => {
    // The broken deployment: every request reaches the app authenticated, token or not.
    const gateway = express();
    gateway.use((req, _res, next) => {
      req.headers.authorization = `Bearer ${TOKEN}`;
      next();
    });
    gateway.use(createApp({ tokens: [TOKEN], policyIds: [POLICY_ID] }));
    const broken = await start(gateway);
    try {
      const report = await fuzz({
        baseUrl: broken.url,
        token: TOKEN,
        policyId: POLICY_ID,
        seed: 20260101,
        runs: 10,
        checks: ['ignored_auth'],
      });
      expect(new Set(report.findings.map((finding) => finding.check))).toEqual(
        new Set(['ignored_auth']),
      );
      expect(report.findings.every((finding) => finding.level === 'failure')).toBe(true);
      expect(report.findings[0]?.message).toMatch(/instead of 401/);
      expect(report.findings[0]?.curl).toMatch(/^curl /);
    } finally {
      await broken.close();
    }
  });
});
