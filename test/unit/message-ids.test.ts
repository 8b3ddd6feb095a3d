import { compareMessageIds, isAfter } from '../../bot/core/message-ids.js';

describe('message ids in transcript order', () => {
  it('orders ids of different lengths as numbers, past the range of a double, without parsing them', () => {
    expect(['10', '9', '100', '11', '2'].sort(compareMessageIds)).toEqual(['2', '9', '10', '11', '100']);
    expect(compareMessageIds('90071992547409930', '90071992547409931')).toBeLessThan(0);
    expect(compareMessageIds('42', '42')).toBe(0);
  });

  it('reads a cursor with leading zeros as the number it writes, and null or "0" as before the first message', () => {
    expect(compareMessageIds('007', '7')).toBe(0);
    expect(isAfter('8', '007')).toBe(true);
    expect(isAfter('7', '007')).toBe(false);
    expect(isAfter('1', null)).toBe(true);
    expect(isAfter('1', '0')).toBe(true);
    expect(isAfter('1', '000')).toBe(true);
  });
});
