import { pinyin } from 'pinyin-pro';

// Pinyin initials (拼音首字母) of enterprise names, stored as `Enterprise.pinyinInitials` so the
// search finds 苏州恒锐新能源科技有限公司 by `szhr…` (server/src/search). A million names must
// cost seconds, not minutes: characters come from a per-character cache (their common reading),
// and only names holding a heteronym whose reading in names depends on the word around it
// (长沙/成长, 重庆/重工, 银行/行业…) are read as a whole by pinyin-pro's word segmentation.

/** Heteronyms whose initial in place and company names depends on the neighbouring characters. */
const CONTEXTUAL = new Set('长重厦行乐藏单曾朝调传解会都省还降干');

const cache = new Map<string, string | null>();

/** The initial of a character, '' for one without a reading, null for a contextual heteronym. */
function initialOf(ch: string): string | null {
  let hit = cache.get(ch);
  if (hit !== undefined) return hit;
  if (/^[a-z0-9]$/i.test(ch)) hit = ch.toLowerCase();
  else if (!/\p{Script=Han}/u.test(ch)) hit = '';
  else if (CONTEXTUAL.has(ch)) hit = null;
  else hit = pinyin(ch, { pattern: 'first', toneType: 'none' }).toLowerCase();
  cache.set(ch, hit);
  return hit;
}

/**
 * Lower-case initials of a name: Han characters by their pinyin, Latin letters and digits kept,
 * anything else skipped. `咸宁市` → `xns`, `长沙银行` → `csyh`, `TCL科技` → `tclkj`.
 */
export function pinyinInitials(name: string): string {
  const text = name.normalize('NFKC');
  let out = '';
  for (const ch of text) {
    const i = initialOf(ch);
    if (i === null) return wholeName(text);
    out += i;
  }
  return out;
}

function wholeName(text: string): string {
  const firsts = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  let out = '';
  for (const part of firsts) {
    for (const ch of part.toLowerCase()) if (/[a-z0-9]/.test(ch)) out += ch;
  }
  return out;
}
