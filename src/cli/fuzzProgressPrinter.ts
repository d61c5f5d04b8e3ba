import type { FuzzProgress } from '../fuzz/fuzz';
import type { CliIo } from './CliIo';

/**
 * Progress for a fuzzing run: on a terminal, one line rewritten in place (requests, rate, findings
 * per check); elsewhere (CI logs), one quiet line when a scenario starts.
 */
export function fuzzProgressPrinter(io: CliIo): {
  update: (progress: FuzzProgress) => void;
  done: () => void;
} {
  let lastScenario = '';
  let drawn = false;
  return {
    update(progress) {
      if (!io.isTTY) {
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
