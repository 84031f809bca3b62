/**
 * Pinyin initials (拼音首字母) of Chinese names, so `xn` finds 咸宁 and `xnyqc` 新能源汽车.
 *
 * No pinyin library is installed, so this uses the pinyin collation that Node's ICU carries:
 * a character's initial is the last of these boundary characters that sorts before it. That is
 * exact for the common reading of every character ICU knows; heteronyms (多音字) that matter in
 * place and industry names get their other readings from {@link ALTERNATIVES}. Good enough for
 * the few thousand names of chains, links and regions; enterprises need `pinyinInitials` stored
 * by the importer (see the report / graph README).
 */
const BOUNDARIES: readonly [string, string][] = [
  ['a', '阿'],
  ['b', '八'],
  ['c', '嚓'],
  ['d', '哒'],
  ['e', '妸'],
  ['f', '发'],
  ['g', '旮'],
  ['h', '哈'],
  ['j', '讥'],
  ['k', '咔'],
  ['l', '垃'],
  ['m', '妈'],
  ['n', '拏'],
  ['o', '噢'],
  ['p', '妑'],
  ['q', '七'],
  ['r', '呥'],
  ['s', '仨'],
  ['t', '他'],
  ['w', '屲'],
  ['x', '夕'],
  ['y', '丫'],
  ['z', '帀'],
];

/** Other readings of heteronyms common in place and industry names: 长沙 cs, 重庆 cq, 厦门 xm… */
const ALTERNATIVES: Readonly<Record<string, string>> = {
  长: 'cz',
  重: 'zc',
  厦: 'xs',
  行: 'xh',
  乐: 'ly',
  藏: 'zc',
  单: 'ds',
  曾: 'zc',
  朝: 'cz',
  调: 'dt',
  传: 'cz',
  解: 'jx',
  会: 'hk',
  都: 'd',
  济: 'j',
  茌: 'c',
  蔚: 'wy',
  六: 'l',
};

const HAN = /\p{Script=Han}/u;
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
const cache = new Map<string, string>();

/** Every initial a character may have: `长` → `cz`, `宁` → `n`, `a` → `a`, `（` → ``. */
export function initialsOf(ch: string): string {
  if (/^[a-z0-9]$/i.test(ch)) return ch.toLowerCase();
  if (!HAN.test(ch)) return '';
  const alt = ALTERNATIVES[ch];
  if (alt) return alt;
  let hit = cache.get(ch);
  if (hit === undefined) {
    hit = '';
    for (const [letter, boundary] of BOUNDARIES) {
      if (collator.compare(ch, boundary) >= 0) hit = letter;
      else break;
    }
    cache.set(ch, hit);
  }
  return hit;
}

/** At most this many spellings per name, to keep heteronym combinations in check. */
const MAX_VARIANTS = 8;

/**
 * The initials of a name, one string per plausible reading: `咸宁市` → [`xns`],
 * `长沙` → [`cs`, `zs`]. Characters without a pinyin reading are skipped; Latin letters and
 * digits are kept.
 */
export function pinyinInitials(name: string): string[] {
  let variants = [''];
  for (const ch of name.normalize('NFKC')) {
    const options = initialsOf(ch);
    if (!options) continue;
    const next: string[] = [];
    for (const v of variants) for (const o of options) if (next.length < MAX_VARIANTS) next.push(v + o);
    variants = next;
  }
  return variants.filter(Boolean);
}

/** True when `text` looks like pinyin initials a user typed: 1–12 Latin letters. */
export function isPinyinQuery(text: string): boolean {
  return /^[a-z]{1,12}$/i.test(text.trim());
}
