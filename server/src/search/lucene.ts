/**
 * Turning what a user typed into a query for the `name_search` full-text index, whose `cjk`
 * analyzer indexes Chinese as overlapping character bigrams (咸宁市 → 咸宁, 宁市) and Latin text
 * as lower-cased words.
 */

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z0-9]+$/;
/** Characters with a meaning in Lucene's query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export const MAX_TERMS = 5;
export const MAX_TERM_LENGTH = 30;

/** Full-width forms folded, lower-cased, split on spaces; at most {@link MAX_TERMS} terms. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.slice(0, MAX_TERM_LENGTH))
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
}

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, '\\$&');
}

/** True for a single Chinese character, which the bigram index cannot match as a term. */
export function isSingleHan(term: string): boolean {
  return [...term].length === 1 && HAN.test(term);
}

/**
 * One term as a Lucene clause:
 * - a single Chinese character: the bigrams that start or end with it (`宁* OR *宁`);
 * - a Latin word: the word or any word it starts (`byd OR byd*`);
 * - anything else: a phrase, so its bigrams must be adjacent and in order ("宁德时代" matches
 *   宁德时代新能源… but not 时代宁德).
 */
export function termClause(term: string): string {
  if (isSingleHan(term)) {
    const t = escapeLucene(term);
    return `(${t}* OR *${t})`;
  }
  if (LATIN_WORD.test(term)) return `(${term} OR ${term}*)`;
  return `"${term.replace(/["\\]/g, '\\$&')}"`;
}

/** Every term must match (AND); null when nothing searchable was typed. */
export function luceneQuery(text: string): string | null {
  const terms = searchTerms(text).filter((t) => t.replace(SPECIAL, '').length > 0);
  return terms.length ? terms.map(termClause).join(' AND ') : null;
}
