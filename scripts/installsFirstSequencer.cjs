// Jest's own order (files that failed last time, then the slowest, by the timings Jest keeps from
// earlier runs), with one change for files Jest has no timings for, as in a fresh clone: Jest then
// starts the largest files first, but the package tests are small files that install packages for
// half a minute. Started late in the run, they would hold it up at the end while the other worker
// sits idle; started first, they run beside everything else.

const Sequencer = require('@jest/test-sequencer').default;

const PACKAGE_TESTS = /[\\/]test[\\/]package[\\/]/;

/** Jest's test sequencer, starting the package tests first when it has no timings for them. */
class InstallsFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const first = (test) => test.duration == null && PACKAGE_TESTS.test(test.path);
    return [...sorted.filter(first), ...sorted.filter((test) => !first(test))];
  }
}

module.exports = InstallsFirstSequencer;
