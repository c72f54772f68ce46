import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms';

describe('SMS segments of at most 70 characters', () => {
  it('keeps a short text as one unnumbered message', () => {
    expect(smsSegments('伊宁市重污染天气黄色预警已解除。')).toEqual(['伊宁市重污染天气黄色预警已解除。']);
  });

  it('numbers the segments of a long text, each within 70 characters with its number, nothing lost', () => {
    const text = '一二三四五六七八九十，'.repeat(15);
    const segments = smsSegments(text);
    expect(segments.length).toBe(3);
    for (const [index, segment] of segments.entries()) {
      expect(Array.from(segment).length).toBeLessThanOrEqual(70);
      expect(segment.startsWith(`(${index + 1}/3)`)).toBe(true);
    }
    expect(segments.map((segment) => segment.replace(/^\(\d+\/\d+\)/, '')).join('')).toBe(text);
  });

  it('breaks after punctuation near the end of a segment', () => {
    const segments = smsSegments(`${'甲'.repeat(60)}，${'乙'.repeat(30)}`);
    expect(segments[0]!.endsWith('，')).toBe(true);
  });
});
