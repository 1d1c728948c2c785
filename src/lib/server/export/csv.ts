// CSV writing for every download: RFC 4180 quoting, and the OWASP formula-injection guard
// (a text cell starting with =, +, -, @, tab, CR or LF gets a leading apostrophe so a
// spreadsheet shows it as text; numbers stay numbers). LF too: some spreadsheets trim a leading
// line break from a quoted cell and then read the formula behind it.
import type { Cell } from '../db/normalize.ts';

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function guardFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = guardFormula(Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: Record<string, Cell>[]): string {
	const lines = [columns.map((c) => csvCell(c)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
