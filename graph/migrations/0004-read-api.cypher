// Indexes behind the read API's search (server/src/search).
// A one-character Chinese query cannot use the `cjk` full-text index (it holds bigrams), so it
// falls back to `name STARTS WITH` (the range index enterprise_name) and `name CONTAINS`, which
// this trigram text index answers without scanning every enterprise.
CREATE TEXT INDEX enterprise_name_text IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
// Pinyin initials (`xn` for 咸宁…) stored by importers on each enterprise, searched by prefix.
CREATE INDEX enterprise_pinyin IF NOT EXISTS FOR (n:Enterprise) ON (n.pinyinInitials);
