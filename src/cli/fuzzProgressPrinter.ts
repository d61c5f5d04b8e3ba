import type { FuzzProgress } from '../fuzz/fuzz';
import type { CliIo } from './CliIo';

/**
 * Progress for a fuzzing run: on a terminal, one line rewritten in place (requests, rate, findings
 * per check); elsewhere (CI logs), and on a terminal that asks for plain output (`TERM=dumb`, or
 * `NO_COLOR` set to anything but empty), one plain line when a scenario starts, with no control
 * codes.
 */
export function fuzzProgressPrinter(io: CliIo): {
  update: (progress: FuzzProgress) => void;
  done: () => void;
} {
  let lastScenario = '';
  let drawn = false;
  const live = io.isTTY && io.env['TERM'] !== 'dumb' && !io.env['NO_COLOR'];
  return {
    update(progress) {
      if (!live) {
        if (progress.scenario !== lastScenario) {
          lastScenario = progress.scenario;
          io.stderr(`fuzz: scenario ${progress.scenario} (${progress.requests} requests so far)\n`);
        }
        return;
      }
      const rate =
        progress.elapsedMs > 0 ? Math.round((progress.requests * 1000) / progress.elapsedMs) : 0;
      const findings = Object.entries(progress.findingsByCheck)
        .map(([name, count]) => `${name}:${count}`)
        .join(' ');
      const line = `fuzz ${progress.scenario}: ${progress.requests} requests, ${progress.cases} cases, ${rate}/s${findings ? `, findings ${findings}` : ''}`;
      io.stderr(`\r\u001b[2K${line.slice(0, 160)}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr('\r\u001b[2K');
    },
  };
}
