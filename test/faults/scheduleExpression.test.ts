import { faultScheduleFromList } from '../../src/faults/faultScheduleFromList';
import { faultScheduleFromSpec } from '../../src/faults/faultScheduleFromSpec';
import { noFaults } from '../../src/faults/noFaults';
import { scheduleExpression } from '../../src/faults/scheduleExpression';

describe('scheduleExpression', () => {
  it('writes the call that builds each kind of schedule again', () => {
    const list = faultScheduleFromList([{ at: 2, kind: '429', retryAfter: 1.5 }]);
    expect(scheduleExpression(list.source)).toBe(
      'faultScheduleFromList([{"at":2,"kind":"429","retryAfter":1.5}])',
    );
    expect(scheduleExpression(faultScheduleFromSpec('503:0.1', 7).source)).toBe(
      'faultScheduleFromSpec("503:0.1", 7)',
    );
    expect(scheduleExpression(noFaults.source)).toBe('noFaults');
  });
});
