import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One raw row with the line it started on, or the reason it could not be read. */
export type RawRow = { line: number; value: Record<string, unknown> } | { line: number; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Lines of a file as raw bytes decoded strictly: invalid UTF-8 is reported, not replaced. */
async function* utf8Lines(file: string): AsyncGenerator<{ line: number; text?: string; error?: string }> {
  // latin1 keeps every byte as one char so the strict decode below sees the original bytes.
  const rl = createInterface({ input: createReadStream(file, { encoding: 'latin1' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    try {
      yield { line, text: decoder.decode(Buffer.from(raw, 'latin1')) };
    } catch {
      yield { line, error: 'invalid UTF-8 (save the file as UTF-8)' };
    }
  }
}

/** JSON Lines: one object per line; blank lines are skipped. */
export async function* readJsonLines(file: string): AsyncGenerator<RawRow> {
  for await (const { line, text, error } of utf8Lines(file)) {
    if (error) {
      yield { line, error };
      continue;
    }
    const t = text!.replace(/^\uFEFF/, '').trim();
    if (!t) continue;
    try {
      const value: unknown = JSON.parse(t);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        yield { line, error: 'not a JSON object' };
      else yield { line, value: value as Record<string, unknown> };
    } catch (e) {
      yield { line, error: `not valid JSON: ${(e as Error).message}` };
    }
  }
}

/** CSV with a header row (UTF-8, optional BOM); fields named as in the JSON Lines form. */
export async function* readCsv(file: string): AsyncGenerator<RawRow> {
  // Validate the encoding first, line by line, so a bad byte is reported with its line.
  const badLines = new Map<number, string>();
  for await (const { line, error } of utf8Lines(file)) if (error) badLines.set(line, error);
  const parser = createReadStream(file).pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const line = rec.info.lines;
      const bad = badLines.get(line);
      if (bad) yield { line, error: bad };
      else yield { line, value: rec.record };
    }
  } catch (e) {
    const err = e as { lines?: number; message: string };
    yield { line: err.lines ?? 0, error: `malformed CSV: ${err.message}` };
  }
}

export function formatOf(file: string): 'csv' | 'jsonl' {
  return /\.csv$/i.test(file) ? 'csv' : 'jsonl';
}
