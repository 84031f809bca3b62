// ExcelJS (≈ 28 MB loaded) is imported when a workbook is first asked for, not at start.
import type ExcelJS from 'exceljs';
import type { Context } from '../core/context.js';
import type { InvestmentMapRecord } from '../engine/engine.records.js';
import { investmentMap, type MapArgs } from '../engine/map.service.js';
import type { RegionRecord } from '../region/region.model.js';
import { chinaDate, mapTables, SHEETS, type Cell, type SheetKey, type Table } from './map-tables.js';

// The investment map (一张招商地图) as a file: an XLSX workbook (封面, 环节诊断, 目标企业清单,
// 主攻区域, 在谈项目) or CSV. Used by the HTTP route (export.route.ts) and the CLI
// (cli/export-map.ts).

export interface MapExport {
  map: InvestmentMapRecord;
  tables: Record<SheetKey, Table>;
}

/**
 * Compute the map and its tables: the engine's five queries, plus one batched lookup of the
 * names of the targets' provinces and cities.
 */
export async function buildMapExport(ctx: Context, args: MapArgs): Promise<MapExport> {
  const map = await investmentMap(ctx, args);
  const codes = [
    ...new Set(
      map.targets.flatMap((g) =>
        g.hits.flatMap((h) =>
          [h.enterprise.provinceCode, h.enterprise.cityCode].filter((c): c is string => !!c),
        ),
      ),
    ),
  ];
  const loaded = codes.length ? await ctx.loaders.region.loadMany(codes) : [];
  const regions = new Map<string, RegionRecord>();
  loaded.forEach((r, i) => {
    if (r && !(r instanceof Error)) regions.set(codes[i]!, r);
  });
  return { map, tables: mapTables(map, regions) };
}

/** A file name for the map: ASCII, e.g. `investment-map-nev-421200-2024-05-01.xlsx`. */
export function exportFileName(map: InvestmentMapRecord, ext: 'xlsx' | 'csv'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return `investment-map-${safe(map.chain.key)}-${safe(map.region.code)}-${chinaDate(map.generatedAt)}.${ext}`;
}

/** The same name in Chinese, for `filename*`: 咸宁市新能源汽车产业链招商地图.xlsx. */
export function exportTitle(map: InvestmentMapRecord, ext: 'xlsx' | 'csv'): string {
  return `${map.region.name}${map.chain.name}产业链招商地图.${ext}`;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function addTableSheet(wb: ExcelJS.Workbook, t: Table): void {
  const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.headers.map((header, i) => ({ header, key: String(i), width: t.widths[i] ?? 12 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = HEADER_FILL;
  head.alignment = { vertical: 'middle', wrapText: true };
  // Nothing to say is an empty cell, not an empty string.
  for (const row of t.rows) ws.addRow(row.map((c) => (c === '' ? null : c)));
  if (t.rows.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
}

/** The workbook: a cover, then 环节诊断, 目标企业清单, 主攻区域, 在谈项目. */
export async function mapWorkbook(exp: MapExport): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'ChainMap 产业链招商图谱';
  wb.created = new Date(exp.map.generatedAt);
  const cover = wb.addWorksheet(SHEETS.cover);
  cover.columns = exp.tables.cover.widths.map((width) => ({ width }));
  const [title, ...facts] = exp.tables.cover.rows;
  cover.mergeCells('A1:B1');
  const a1 = cover.getCell('A1');
  a1.value = title?.[1] ?? '';
  a1.font = { bold: true, size: 16 };
  facts.forEach(([k, v], i) => {
    const row = cover.getRow(i + 3);
    row.getCell(1).value = k ?? '';
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = v ?? '';
  });
  for (const key of ['diagnosis', 'targets', 'regions', 'projects'] as const)
    addTableSheet(wb, exp.tables[key]);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function csvField(c: Cell): string {
  const s = c === null ? '' : String(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLines = (rows: Cell[][]) => rows.map((r) => r.map(csvField).join(','));

/**
 * The map as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese): one table when
 * `sheet` is given, otherwise every table in turn, each under a 【name】 line and after a blank
 * line.
 */
export function mapCsv(exp: MapExport, sheet?: SheetKey | null): string {
  const keys: SheetKey[] = sheet ? [sheet] : ['cover', 'diagnosis', 'targets', 'regions', 'projects'];
  const parts = keys.map((k) => {
    const t = exp.tables[k];
    const lines = csvLines([t.headers, ...t.rows]);
    return sheet ? lines.join('\r\n') : [`【${t.name}】`, ...lines].join('\r\n');
  });
  return `\uFEFF${parts.join('\r\n\r\n')}\r\n`;
}
