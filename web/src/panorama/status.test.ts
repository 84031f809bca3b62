import { describe, expect, it } from 'vitest';
import { displayStatus, isGap, STATUS_META, STATUS_ORDER, statusText } from './status';

describe('link status', () => {
  it('shows a broken missing link as 断链 and an absent diagnosis as 未诊断', () => {
    expect(displayStatus({ status: 'MISSING', broken: true })).toBe('BROKEN');
    expect(displayStatus({ status: 'MISSING', broken: false })).toBe('MISSING');
    expect(displayStatus({ status: 'STRONG', broken: false })).toBe('STRONG');
    expect(displayStatus({ status: 'WEAK', broken: false })).toBe('WEAK');
    expect(displayStatus(null)).toBe('UNKNOWN');
    expect(displayStatus({ status: 'SOMETHING_NEW', broken: false })).toBe('UNKNOWN');
  });

  it('never tells statuses apart by colour alone: each has its own icon and label', () => {
    const icons = new Set(STATUS_ORDER.map((s) => STATUS_META[s].icon));
    const labels = new Set(STATUS_ORDER.map((s) => STATUS_META[s].label));
    expect(icons.size).toBe(STATUS_ORDER.length);
    expect(labels.size).toBe(STATUS_ORDER.length);
  });

  it('names key links in words', () => {
    expect(statusText('BROKEN', true)).toBe('断链 · 关键环节');
    expect(statusText('WEAK', false)).toBe('弱链');
  });

  it('counts missing and broken links as gaps', () => {
    expect(STATUS_ORDER.filter(isGap)).toEqual(['MISSING', 'BROKEN']);
  });
});
