import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMigrations, splitStatements } from './migrate.js';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    const text =
      '// heading\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n\nCREATE INDEX b IF NOT EXISTS\n FOR (n:B) ON (n.x);\n';
    expect(splitStatements(text)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b IF NOT EXISTS\n FOR (n:B) ON (n.x)',
    ]);
  });

  it('keeps a semicolon inside a line, e.g. in a string', () => {
    expect(splitStatements("RETURN 'a;b' AS x;")).toEqual(["RETURN 'a;b' AS x"]);
  });
});

describe('readMigrations', () => {
  it('reads the project migrations in order, each with a checksum', async () => {
    const ms = await readMigrations();
    expect(ms.map((m) => m.id).slice(0, 2)).toEqual(['0001-constraints', '0002-fulltext']);
    expect(ms.every((m) => /^[0-9a-f]{64}$/.test(m.checksum) && m.statements.length > 0)).toBe(true);
  });

  it('rejects a badly named file instead of skipping it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '0001-ok.cypher'), 'RETURN 1;');
    writeFileSync(join(dir, '2-Bad Name.cypher'), 'RETURN 1;');
    await expect(readMigrations(dir)).rejects.toThrow(/2-Bad Name\.cypher must be named NNNN-lowercase-name/);
  });

  it('rejects two migrations with the same number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '0001-a.cypher'), 'RETURN 1;');
    writeFileSync(join(dir, '0001-b.cypher'), 'RETURN 1;');
    await expect(readMigrations(dir)).rejects.toThrow(/share the number 0001/);
  });
});
