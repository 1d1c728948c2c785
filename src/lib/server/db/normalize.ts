// The one place DuckDB values become plain JSON-safe JS: BIGINT/HUGEINT -> number when safe
// (string otherwise), DECIMAL -> number, DATE -> 'YYYY-MM-DD', TIMESTAMP -> ISO string,
// lists and structs recursively. JSON.stringify and ECharts both choke on BigInt.
import { DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';

export type Cell = string | number | boolean | null | Cell[] | { [k: string]: Cell };
export type Row = Record<string, Cell>;

function normalizeValue(value: unknown, isDate: boolean): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') {
		return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
	}
	if (value instanceof Date) return isDate ? value.toISOString().slice(0, 10) : value.toISOString();
	if (Array.isArray(value)) return value.map((v) => normalizeValue(v, isDate));
	if (typeof value === 'object') {
		const out: Record<string, Cell> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalizeValue(v, isDate);
		return out;
	}
	if (typeof value === 'number' && !Number.isFinite(value)) return null;
	return value as Cell;
}

export function normalizeRows(reader: DuckDBResultReader): Row[] {
	const names = reader.columnNames();
	const dateCols = reader.columnTypes().map((t) => {
		const id = t.typeId;
		if (id === DuckDBTypeId.DATE) return true;
		if (id === DuckDBTypeId.LIST) return (t as unknown as { valueType: { typeId: number } }).valueType.typeId === DuckDBTypeId.DATE;
		return false;
	});
	return reader.getRowObjectsJS().map((obj) => {
		const row: Row = {};
		names.forEach((name, i) => {
			row[name] = normalizeValue(obj[name], dateCols[i] ?? false);
		});
		return row;
	});
}
