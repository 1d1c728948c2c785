// Browser side of the Arrow endpoints: fetch, decode the IPC stream, return plain rows.
import { tableFromIPC } from 'apache-arrow';
import { httpErrorMessage } from './http-error.ts';

export async function fetchArrow<T>(url: string): Promise<{ rows: T[]; total: number | null; bytes: number }> {
	const res = await fetch(url);
	// a refusal or error becomes sentences for the screen, never the raw body
	if (!res.ok) throw new Error(httpErrorMessage(res.status, await res.text(), 'load these rows'));
	const buf = await res.arrayBuffer();
	const table = tableFromIPC(new Uint8Array(buf));
	const rows = table.toArray().map((r) => r.toJSON() as T);
	const total = res.headers.get('x-total-count');
	return { rows, total: total === null ? null : Number(total), bytes: buf.byteLength };
}
