// Chinese full-text search over names. The `cjk` analyzer indexes CJK text as overlapping
// character bigrams, so two-character queries match inside longer names.
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:Enterprise|Chain|Link|Region)
ON EACH [n.name, n.fullName]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
