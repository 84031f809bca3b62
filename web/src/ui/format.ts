/** 亿元 with up to two decimals, e.g. `12.5 亿元`; a dash when unknown. */
export function yi(amount: number | null | undefined): string {
  if (amount == null || !Number.isFinite(amount)) return '—';
  return `${formatNumber(amount)} 亿元`;
}

export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

export function percent(x: number | null | undefined, digits = 0): string {
  if (x == null || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

/** A 0–1 score as two decimals. */
export const score = (x: number): string => x.toFixed(2);
