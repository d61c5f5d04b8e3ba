import type { Config } from 'jest';
import { availableParallelism } from 'node:os';

// msw 2.13+ loads ESM-only packages from its CommonJS build; compile them like our sources.
const MSW_ESM_DEPENDENCIES = ['rettime', 'until-async', '@open-draft/deferred-promise'];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking happens once in `npm run lint` (tsc --noEmit); here we only transpile.
    '^.+\\.ts$': 'ts-jest',
    [`/node_modules/(${MSW_ESM_DEPENDENCIES.join('|')})/.+\\.m?js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${MSW_ESM_DEPENDENCIES.join('|')})/)`],
  // The examples import the package by its public name, as a user's code does; here that name
  // points at the sources (the data folders first, as the package's `exports` map has them).
  moduleNameMapper: {
    '^user-status-contracts$': '<rootDir>/src',
    '^user-status-contracts/(contracts|fixtures|pacts)/(.*)$': '<rootDir>/$1/$2',
    '^user-status-contracts/(.*)$': '<rootDir>/src/$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30_000,
  // Jest's default is one worker fewer than the cores: one worker on a 2-core machine, running the
  // files one by one while many of them wait on sockets, child processes and timers. One worker
  // more than the cores keeps the cores busy through those waits.
  maxWorkers: availableParallelism() + 1,
  // Without timings from an earlier run (a fresh clone), the slow package tests start first.
  testSequencer: '<rootDir>/scripts/installsFirstSequencer.cjs',
};

export default config;
