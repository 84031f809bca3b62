/** Exchange suffixes as stored on enterprises: Shanghai, Shenzhen, Beijing. */
export type Exchange = 'SH' | 'SZ' | 'BJ';

/**
 * The exchange a bare six-digit A/B-share code trades on, from its leading digits: 60/68/90
 * Shanghai (920 is Beijing's new range), 00/20/30 Shenzhen, 4/8 Beijing (北交所).
 */
export function exchangeOf(digits: string): Exchange | null {
  if (digits.startsWith('920')) return 'BJ';
  switch (digits[0]) {
    case '6':
    case '9':
      return 'SH';
    case '0':
    case '2':
    case '3':
      return 'SZ';
    case '4':
    case '8':
      return 'BJ';
    default:
      return null;
  }
}

/**
 * Normalise the ways people write a stock code to the stored form `600373.SH`: `600373`,
 * `600373.SH`, `600373.sh`, `sh600373`, `SH.600373`, `600373.SS` (Yahoo's Shanghai suffix).
 * Null when the input is not a stock code.
 */
export function normalizeStockCode(input: string): string | null {
  const s = input.trim().toUpperCase().replace(/\s+/g, '');
  let m = /^(\d{6})(?:\.(SH|SS|SZ|BJ))?$/.exec(s);
  if (m) {
    const digits = m[1]!;
    const exchange = m[2] ? (m[2] === 'SS' ? 'SH' : (m[2] as Exchange)) : exchangeOf(digits);
    return exchange ? `${digits}.${exchange}` : null;
  }
  m = /^(SH|SZ|BJ)\.?(\d{6})$/.exec(s);
  if (m) return `${m[2]}.${m[1]}`;
  return null;
}
