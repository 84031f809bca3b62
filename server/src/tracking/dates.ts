// Calendar arithmetic on `YYYY-MM-DD` days (ISO dates compare as strings). No time zones: every
// date in the tracking model is a calendar day in China.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const utc = (day: string) => {
  const [y, m, d] = parts(day);
  return Date.UTC(y, m - 1, d);
};

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInYear = (y: number) => (isLeapYear(y) ? 366 : 365);
export const yearOf = (day: string) => parts(day)[0];

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 1 for January 1st, 365 (366 in a leap year) for December 31st. */
export function dayOfYear(day: string): number {
  const [y] = parts(day);
  return Math.round((utc(day) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** `day` plus `n` days. */
export function addDays(day: string, n: number): string {
  return isoDay(new Date(utc(day) + n * 86_400_000));
}

/**
 * `day` plus `n` calendar months, the day of month kept where it exists and clamped to the
 * month's last day where it does not (2026-08-31 + 6 months = 2027-02-28).
 */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

export const yearStart = (y: number) => `${pad(y, 4)}-01-01`;
export const yearEnd = (y: number) => `${pad(y, 4)}-12-31`;

/** First and last day of a month given as `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string; year: number; month: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    from: `${pad(y, 4)}-${pad(m)}-01`,
    to: `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`,
    year: y,
    month: m,
  };
}

/**
 * 序时: the share of year `y` elapsed at the end of day `asOf`, 0–1. January 1st counts as one
 * day elapsed (1/365), December 31st as the whole year; before the year 0, after it 1.
 */
export function elapsedShare(y: number, asOf: string): number {
  if (asOf < yearStart(y)) return 0;
  if (asOf > yearEnd(y)) return 1;
  return dayOfYear(asOf) / daysInYear(y);
}

export const minDay = (a: string, b: string) => (a < b ? a : b);
