// Arrow IPC for large results (claim-line pages, funnel points): columns built with
// apache-arrow straight from normalised query rows, typed explicitly so the browser decodes
// numbers as Float64, booleans as Bool, and everything else (text, dates, lists) as Utf8.
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Cell, Row } from './db/normalize.ts';

export type ArrowKind = 'text' | 'number' | 'bool';

function textOf(v: Cell | undefined): string | null {
	if (v === null || v === undefined) return null;
	if (Array.isArray(v)) return v.join(';');
	return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function rowsToArrow(columns: Record<string, ArrowKind>, rows: Row[]): Uint8Array {
	const vectors: Record<string, Vector> = {};
	for (const [name, kind] of Object.entries(columns)) {
		if (kind === 'number') vectors[name] = vectorFromArray(rows.map((r) => (typeof r[name] === 'number' ? (r[name] as number) : null)), new Float64());
		else if (kind === 'bool') vectors[name] = vectorFromArray(rows.map((r) => (typeof r[name] === 'boolean' ? (r[name] as boolean) : null)), new Bool());
		else vectors[name] = vectorFromArray(rows.map((r) => textOf(r[name])), new Utf8());
	}
	return tableToIPC(new Table(vectors), 'stream');
}

export function arrowResponse(bytes: Uint8Array, headers: Record<string, string> = {}): Response {
	return new Response(bytes as unknown as BodyInit, {
		headers: { 'content-type': 'application/vnd.apache.arrow.stream', 'cache-control': 'no-store', ...headers }
	});
}

export const flagLineColumns: Record<string, ArrowKind> = {
	claim_id: 'text', line_number: 'number', patient_id: 'text', service_date: 'text', procedure_code: 'text',
	modifiers: 'text', units: 'number', minutes: 'number', payer: 'text', charge_amount: 'number',
	allowed_amount: 'number', paid_amount: 'number', line_status: 'text', detail: 'text'
};
