import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CHAIN_ID_PATTERN, ChainFileSchema, LinkDefSchema, STAGES, SuppliesDefSchema } from './schema.js';
import type { ChainFile, LinkDef, Stage, SuppliesDef } from './schema.js';

/** One thing wrong with the catalog: the file, where in it (`links[3].stage`), and what. */
export interface CatalogProblem {
  path: string;
  /** Location inside the file, e.g. `links[3].stage` or `supplies[0].to`; empty for the whole file. */
  pointer: string;
  message: string;
}

/** A chain's own fields, without its links and edges (those are flattened into the catalog). */
export type ChainDef = Pick<ChainFile, 'id' | 'name' | 'description'>;
/** A link with the id of the chain whose file defines it. */
export type CatalogLink = LinkDef & { chainId: string };
/** A SUPPLIES edge with the chains of both ends; `fromChainId !== toChainId` marks a cross-chain edge. */
export type CatalogSupplies = SuppliesDef & { fromChainId: string; toChainId: string };

/** The whole catalog, flattened for a loader. */
export interface Catalog {
  chains: ChainDef[];
  links: CatalogLink[];
  supplies: CatalogSupplies[];
}

/** A chain with fewer links is too thin to guide a task force. */
export const MIN_LINKS_PER_CHAIN = 15;

/** Thrown by {@link loadCatalog}; carries every problem, and its message lists them all. */
export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(`Industry-chain catalog has ${problems.length} problem(s):\n${formatProblems(problems)}`);
    this.name = 'CatalogError';
  }
}

/** One line per problem: `file pointer: message`. */
export function formatProblems(problems: readonly CatalogProblem[]): string {
  return problems.map((p) => `  ${p.path} ${p.pointer || '(root)'}: ${p.message}`).join('\n');
}

// `seed/src/catalog` and `seed/dist/catalog` both sit two levels under `seed/`.
const SEED_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `seed/catalog/chains`, where the chain files live. */
export const DEFAULT_CHAINS_DIR = join(SEED_ROOT, 'catalog', 'chains');
/** `seed/data/chainkg/industry.json`, the Shenwan 2021 industry list (JSON Lines). */
export const DEFAULT_SHENWAN_FILE = join(SEED_ROOT, 'data', 'chainkg', 'industry.json');

/**
 * Reads every chain file and the Shenwan list, validates them together and returns the flattened
 * catalog. Fails fast but completely: one {@link CatalogError} naming every problem (file, pointer,
 * message), so a broken catalog is fixed in one pass rather than one error at a time.
 */
export async function loadCatalog(
  dir: string = DEFAULT_CHAINS_DIR,
  shenwanFile: string = DEFAULT_SHENWAN_FILE,
): Promise<Catalog> {
  const problems: CatalogProblem[] = [];
  const shenwan = await readShenwanLevel3(shenwanFile, problems);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) {
    problems.push({ path: displayPath(dir), pointer: '', message: 'no chain files (*.json) found' });
  }
  const files: { path: string; content: unknown }[] = [];
  for (const name of names) {
    const path = displayPath(join(dir, name));
    const text = await readFile(join(dir, name), 'utf8');
    try {
      files.push({ path, content: JSON.parse(text) as unknown });
    } catch (error) {
      problems.push({ path, pointer: '', message: `invalid JSON: ${(error as Error).message}` });
    }
  }
  const result = validateCatalog(files, shenwan);
  problems.push(...result.problems);
  if (problems.length > 0) throw new CatalogError(problems);
  return result.catalog;
}

const ShenwanRow = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) });

/**
 * Reads the Shenwan JSON Lines file into a map of level-3 code → name (level 1 codes end in `0000`,
 * level 2 in `00`, level 3 otherwise). Bad lines are added to `problems` when given, else thrown.
 */
export async function readShenwanLevel3(
  file: string = DEFAULT_SHENWAN_FILE,
  problems?: CatalogProblem[],
): Promise<Map<string, string>> {
  const found: CatalogProblem[] = [];
  const level3 = new Map<string, string>();
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      found.push({
        path: displayPath(file),
        pointer: `line ${index + 1}`,
        message: (error as Error).message,
      });
      return;
    }
    const parsed = ShenwanRow.safeParse(row);
    if (!parsed.success) {
      found.push({
        path: displayPath(file),
        pointer: `line ${index + 1}`,
        message: 'expected {"code":"######","name":"…"}',
      });
    } else if (!parsed.data.code.endsWith('00')) {
      level3.set(parsed.data.code, parsed.data.name);
    }
  });
  if (problems) problems.push(...found);
  else if (found.length > 0) throw new CatalogError(found);
  return level3;
}

interface LinkEntry {
  link: LinkDef;
  chainId: string;
  path: string;
  index: number;
}

interface EdgeEntry {
  edge: SuppliesDef;
  chainId: string;
  path: string;
  index: number;
}

interface FileEntry {
  path: string;
  chainId: string | undefined;
  /** The fully valid chain file, or undefined when it has shape errors. */
  chain: ChainFile | undefined;
  header: ChainDef | undefined;
  links: LinkEntry[];
  edges: EdgeEntry[];
}

const ChainHeaderSchema = z.object({
  id: ChainFileSchema.shape.id,
  name: ChainFileSchema.shape.name,
  description: ChainFileSchema.shape.description,
});

/**
 * Validates the chain files together against the Shenwan level-3 list and reports every problem at
 * once: shape errors (with their path), duplicate chain and link ids, bad parents (missing, in another
 * chain, cyclic), chains lacking a stage, a key link or enough links, dangling or self-looping SUPPLIES
 * edges, SUPPLIES cycles within a chain not marked `allowCycle`, and Shenwan codes that are unknown or
 * not level 3. The returned catalog holds whatever parsed, so callers must check `problems` first.
 */
export function validateCatalog(
  files: readonly { path: string; content: unknown }[],
  shenwanLevel3: ReadonlyMap<string, string>,
): { catalog: Catalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const report = (path: string, pointer: string, message: string) =>
    problems.push({ path, pointer, message });

  // 1. Shape, file by file, salvaging the valid parts so the cross-file rules still run.
  const entries = files.map((file) => parseFile(file.path, file.content, report));
  // Ids of links that exist but failed their shape check: references to them are not "dangling".
  const unparsedLinkIds = new Set<string>();
  for (const file of files) {
    for (const raw of rawArray(file.content, 'links')) {
      if (isRecord(raw) && typeof raw.id === 'string' && !LinkDefSchema.safeParse(raw).success) {
        unparsedLinkIds.add(raw.id);
      }
    }
  }

  // 2. Chain ids: unique, matching the file name.
  const chainPaths = new Map<string, string>();
  const chains: ChainDef[] = [];
  for (const entry of entries) {
    if (entry.chainId === undefined) continue;
    const first = chainPaths.get(entry.chainId);
    if (first !== undefined) {
      report(entry.path, 'id', `duplicate chain id "${entry.chainId}": already defined in ${first}`);
    } else {
      chainPaths.set(entry.chainId, entry.path);
      if (entry.header) chains.push(entry.header);
    }
    const stem = basename(entry.path).replace(/\.json$/, '');
    if (entry.path.endsWith('.json') && stem !== entry.chainId) {
      report(
        entry.path,
        'id',
        `chain id "${entry.chainId}" does not match the file name "${basename(entry.path)}"`,
      );
    }
  }

  // 3. Link ids: prefixed by their chain id, unique across the catalog.
  const links = new Map<string, LinkEntry>();
  for (const entry of entries) {
    for (const item of entry.links) {
      const { id } = item.link;
      if (!id.startsWith(`${item.chainId}.`)) {
        report(item.path, `links[${item.index}].id`, `link id "${id}" must start with "${item.chainId}."`);
      }
      const first = links.get(id);
      if (first !== undefined) {
        report(
          item.path,
          `links[${item.index}].id`,
          `duplicate link id "${id}": already defined at ${where(first)}`,
        );
      } else {
        links.set(id, item);
      }
    }
  }

  // 4. Parents: existing, in the same chain, acyclic.
  const parentOf = new Map<string, string>();
  for (const item of links.values()) {
    const { id, parent } = item.link;
    if (parent === undefined) continue;
    const pointer = `links[${item.index}].parent`;
    const target = links.get(parent);
    if (parent === id) {
      report(item.path, pointer, `parent cycle: "${id}" is its own parent`);
    } else if (target === undefined) {
      if (!unparsedLinkIds.has(parent)) report(item.path, pointer, `parent "${parent}" does not exist`);
    } else if (target.chainId !== item.chainId) {
      report(
        item.path,
        pointer,
        `parent "${parent}" is in chain "${target.chainId}" (${target.path}); a parent must be in the same chain "${item.chainId}"`,
      );
    } else {
      parentOf.set(id, parent);
    }
  }
  for (const cycle of parentCycles(parentOf, [...links.keys()])) {
    const head = links.get(cycle[0]!)!;
    report(head.path, `links[${head.index}].parent`, `parent cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  }

  // 5. Chain-level rules, on files whose shape is valid (a broken link would skew the counts).
  for (const entry of entries) {
    if (entry.chain === undefined) continue;
    const { id, links: chainLinks } = entry.chain;
    if (chainLinks.length < MIN_LINKS_PER_CHAIN) {
      report(
        entry.path,
        'links',
        `chain "${id}" has ${chainLinks.length} links; at least ${MIN_LINKS_PER_CHAIN} are required`,
      );
    }
    const present = new Set<Stage>(chainLinks.map((link) => link.stage));
    const missing = STAGES.filter((stage) => !present.has(stage));
    if (missing.length > 0) {
      report(
        entry.path,
        'links',
        `chain "${id}" has no ${missing.join(' or ')} link; every chain needs UPSTREAM, MIDSTREAM and DOWNSTREAM links`,
      );
    }
    if (!chainLinks.some((link) => link.key)) {
      report(
        entry.path,
        'links',
        `chain "${id}" has no key link (关键环节); mark at least one link "key": true`,
      );
    }
  }

  // 6. SUPPLIES edges: endpoints exist, `from` belongs to the file's chain, no self-loops or repeats.
  const supplies: CatalogSupplies[] = [];
  const edgesByChain = new Map<string, EdgeEntry[]>();
  for (const entry of entries) {
    const seen = new Map<string, number>();
    for (const item of entry.edges) {
      const { from, to } = item.edge;
      const pointer = `supplies[${item.index}]`;
      const source = links.get(from);
      const target = links.get(to);
      let ok = true;
      if (source === undefined) {
        ok = false;
        if (!unparsedLinkIds.has(from)) report(item.path, `${pointer}.from`, `link "${from}" does not exist`);
      } else if (source.chainId !== item.chainId) {
        ok = false;
        report(
          item.path,
          `${pointer}.from`,
          `link "${from}" belongs to chain "${source.chainId}"; an edge lives in the file of its from link's chain (${source.path})`,
        );
      }
      if (target === undefined) {
        ok = false;
        if (!unparsedLinkIds.has(to)) report(item.path, `${pointer}.to`, `link "${to}" does not exist`);
      }
      if (from === to) {
        ok = false;
        report(item.path, pointer, `self-loop: "${from}" supplies itself`);
      }
      const key = `${from}\u0000${to}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        ok = false;
        report(item.path, pointer, `duplicate SUPPLIES edge ${from} → ${to} (also supplies[${earlier}])`);
      } else {
        seen.set(key, item.index);
      }
      if (!ok || source === undefined || target === undefined) continue;
      supplies.push({ ...item.edge, fromChainId: source.chainId, toChainId: target.chainId });
      if (source.chainId === target.chainId) {
        const list = edgesByChain.get(source.chainId) ?? [];
        list.push(item);
        edgesByChain.set(source.chainId, list);
      }
    }
  }

  // 7. Cycles within a chain must be marked; a marked edge must really close one (judged only on
  // chains whose file is fully valid, since dropping a malformed link can open a real loop).
  const cleanChains = new Set(
    entries.filter((entry) => entry.chain !== undefined).map((entry) => entry.chainId),
  );
  for (const [chainId, chainEdges] of edgesByChain) {
    checkCycles(chainEdges, links, report, cleanChains.has(chainId));
  }

  // 8. Shenwan codes: known, level 3, listed once per link.
  for (const entry of entries) {
    for (const item of entry.links) {
      const seen = new Set<string>();
      item.link.shenwan.forEach((code, j) => {
        const pointer = `links[${item.index}].shenwan[${j}]`;
        if (seen.has(code)) report(item.path, pointer, `Shenwan code "${code}" is listed twice`);
        seen.add(code);
        if (shenwanLevel3.has(code)) return;
        if (code.endsWith('0000')) {
          report(
            item.path,
            pointer,
            `Shenwan code "${code}" is a level-1 code; links take level-3 codes only`,
          );
        } else if (code.endsWith('00')) {
          report(
            item.path,
            pointer,
            `Shenwan code "${code}" is a level-2 code; links take level-3 codes only`,
          );
        } else {
          report(item.path, pointer, `unknown Shenwan level-3 code "${code}"`);
        }
      });
    }
  }

  const catalogLinks = [...links.values()].map((item): CatalogLink => ({
    ...item.link,
    chainId: item.chainId,
  }));
  return { catalog: { chains, links: catalogLinks, supplies }, problems };
}

type Report = (path: string, pointer: string, message: string) => void;

/** Parses one file, reporting shape errors and keeping every link and edge that is valid on its own. */
function parseFile(path: string, content: unknown, report: Report): FileEntry {
  const parsed = ChainFileSchema.safeParse(content);
  if (parsed.success) {
    const chain = parsed.data;
    return {
      path,
      chainId: chain.id,
      chain,
      header: { id: chain.id, name: chain.name, description: chain.description },
      links: chain.links.map((link, index) => ({ link, chainId: chain.id, path, index })),
      edges: chain.supplies.map((edge, index) => ({ edge, chainId: chain.id, path, index })),
    };
  }
  for (const issue of parsed.error.issues) {
    report(path, toPointer(issue.path), describeIssue(issue, content));
  }
  const header = ChainHeaderSchema.safeParse(content);
  const rawId = isRecord(content) ? content.id : undefined;
  const chainId = typeof rawId === 'string' && CHAIN_ID_PATTERN.test(rawId) ? rawId : undefined;
  const entry: FileEntry = {
    path,
    chainId,
    chain: undefined,
    header: header.success ? header.data : undefined,
    links: [],
    edges: [],
  };
  if (chainId === undefined) return entry;
  rawArray(content, 'links').forEach((raw, index) => {
    const link = LinkDefSchema.safeParse(raw);
    if (link.success) entry.links.push({ link: link.data, chainId, path, index });
  });
  rawArray(content, 'supplies').forEach((raw, index) => {
    const edge = SuppliesDefSchema.safeParse(raw);
    if (edge.success) entry.edges.push({ edge: edge.data, chainId, path, index });
  });
  return entry;
}

type Issue = z.ZodError['issues'][number];

/** zod's message, plus the offending value where zod leaves it out. */
function describeIssue(issue: Issue, content: unknown): string {
  if (issue.code === 'invalid_value' || issue.code === 'invalid_format') {
    const value = valueAt(content, issue.path);
    if (value !== undefined) return `${issue.message} (got ${JSON.stringify(value)})`;
  }
  return issue.message;
}

/** `['links', 3, 'stage']` → `links[3].stage`. */
function toPointer(path: readonly PropertyKey[]): string {
  let pointer = '';
  for (const segment of path) {
    if (typeof segment === 'number') pointer += `[${segment}]`;
    else pointer += pointer === '' ? String(segment) : `.${String(segment)}`;
  }
  return pointer;
}

function valueAt(content: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = content;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function rawArray(content: unknown, key: string): unknown[] {
  if (!isRecord(content)) return [];
  const value = content[key];
  return Array.isArray(value) ? value : [];
}

function where(item: { path: string; index: number }): string {
  return `${item.path} links[${item.index}]`;
}

/** Cycles in the child → parent map, each listed once, starting from its first link in catalog order. */
function parentCycles(parentOf: ReadonlyMap<string, string>, order: readonly string[]): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of order) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let node: string | undefined = start;
    while (node !== undefined && !done.has(node)) {
      const at = onPath.get(node);
      if (at !== undefined) {
        const cycle = path.slice(at);
        const rank = (id: string) => order.indexOf(id);
        const first = cycle.reduce((a, b) => (rank(b) < rank(a) ? b : a));
        const shift = cycle.indexOf(first);
        cycles.push([...cycle.slice(shift), ...cycle.slice(0, shift)]);
        break;
      }
      onPath.set(node, path.length);
      path.push(node);
      node = parentOf.get(node);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

/**
 * Reports every strongly connected group of unmarked SUPPLIES edges within one chain, naming one
 * concrete cycle through it, and every `allowCycle` edge that closes no cycle at all.
 */
function checkCycles(
  edges: readonly EdgeEntry[],
  links: ReadonlyMap<string, LinkEntry>,
  report: Report,
  checkMarks: boolean,
): void {
  const rank = (id: string) => links.get(id)?.index ?? 0;
  const successors = (list: readonly EdgeEntry[]) => {
    const next = new Map<string, string[]>();
    for (const { edge } of list) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    return next;
  };
  const unmarked = edges.filter((item) => item.edge.allowCycle !== true);
  const next = successors(unmarked);
  const nodes = [...new Set(unmarked.flatMap(({ edge }) => [edge.from, edge.to]))].sort(
    (a, b) => rank(a) - rank(b),
  );

  for (const group of stronglyConnected(nodes, next)) {
    if (group.length < 2) continue;
    const members = new Set(group);
    const start = group.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    const cycle = shortestCycle(start, next, members);
    const closing = unmarked.find((item) => item.edge.from === cycle[0] && item.edge.to === cycle[1])!;
    const others = group.filter((id) => !cycle.includes(id));
    const extra = others.length > 0 ? ` (the loop also involves ${others.join(', ')})` : '';
    report(
      closing.path,
      `supplies[${closing.index}]`,
      `SUPPLIES cycle not marked allowCycle: ${cycle.join(' → ')}${extra}; if the loop is real, mark one of its edges "allowCycle": true`,
    );
  }

  if (!checkMarks) return;
  const all = successors(edges);
  for (const item of edges) {
    if (item.edge.allowCycle !== true) continue;
    if (!reaches(item.edge.to, item.edge.from, all)) {
      report(
        item.path,
        `supplies[${item.index}].allowCycle`,
        `allowCycle is set but ${item.edge.from} → ${item.edge.to} closes no cycle within its chain`,
      );
    }
  }
}

/** Tarjan's algorithm, iterative so deep chains cannot overflow the stack. */
function stronglyConnected(nodes: readonly string[], next: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** `start → … → start` by breadth-first search inside one strongly connected group. */
function shortestCycle(
  start: string,
  next: ReadonlyMap<string, string[]>,
  members: ReadonlySet<string>,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const child of next.get(node) ?? []) {
      if (!members.has(child)) continue;
      if (child === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(child)) {
        previous.set(child, node);
        queue.push(child);
      }
    }
  }
  return [start, start];
}

function reaches(from: string, to: string, next: ReadonlyMap<string, string[]>): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) return true;
    for (const child of next.get(node) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return false;
}

/** Paths in problems read best relative to the working directory (`seed/catalog/chains/nev.json`). */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
