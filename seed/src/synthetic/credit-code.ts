// 统一社会信用代码 (GB 32100-2015): 18 characters =
//   1 registration authority (9 = market regulation) + 1 entity type (1 = enterprise)
//   + 6 administrative division (GB/T 2260) + 9 organisation code (GB 11714, 8 + check)
//   + 1 check character (mod 31).
// Synthetic codes are well formed, with both check characters right, and marked by an
// organisation code that starts with `XY`, which no issued code uses: `91421221XY…`.

/** The 31 characters a credit code may use (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** The organisation-code prefix of every synthetic credit code. */
export const SYNTHETIC_ORG_PREFIX = 'XY';

const BODY_SPACE = 31 ** 6;
/** A multiplier coprime with 31⁶: spreads consecutive numbers over the code space. */
const SPREAD = 387_420_489; // 3^18

function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i]!;
  }
  const v = 11 - (sum % 11);
  return v === 10 ? 'X' : v === 11 ? '0' : String(v);
}

function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * The synthetic credit code of enterprise number `n` (0 ≤ n < 31⁶ ≈ 887 million) registered in
 * `division` (a 6-digit GB/T 2260 code). Distinct `n` give distinct codes whatever the division.
 */
export function syntheticCreditCode(division: string, n: number): string {
  if (!/^\d{6}$/.test(division)) throw new RangeError(`division must be 6 digits (got ${division})`);
  if (!Number.isInteger(n) || n < 0 || n >= BODY_SPACE) throw new RangeError(`n out of range: ${n}`);
  let x = Number((BigInt(n) * BigInt(SPREAD)) % BigInt(BODY_SPACE));
  let digits = '';
  for (let i = 0; i < 6; i++) {
    digits = CREDIT_CODE_CHARSET[x % 31]! + digits;
    x = Math.floor(x / 31);
  }
  const body = SYNTHETIC_ORG_PREFIX + digits;
  const first17 = `91${division}${body}${orgCheck(body)}`;
  return first17 + usccCheck(first17);
}

/** Whether a code is well formed: charset, length and both check characters. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const org = code.slice(8, 17);
  if (orgCheck(org.slice(0, 8)) !== org[8]) return false;
  return usccCheck(code.slice(0, 17)) === code[17];
}
