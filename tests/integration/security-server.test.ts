// Server-side pieces of the security issue that need a database but no browser: parallel
// requests of one session at the refresh mark, the export audit bracket (start before the
// first byte; end with the sha256 of what was sent; aborted when the client stops reading),
// and patient-id surrogates for roles other than auditor.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { addUser } from '../../src/lib/server/auth/users.ts';
import { createSession, sessionUser } from '../../src/lib/server/auth/sessions.ts';
import { auditResponse } from '../../src/lib/server/audit/audit-response.ts';
import { patientIdAccess, surrogatePatients } from '../../src/lib/server/auth/identifiers.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
process.env.CLAIMLENS_DB = db.path;
afterAll(() => db.cleanup());

describe('session refresh under parallel requests', () => {
	it('serves 64 parallel requests of one session past the refresh mark without an error, and moves last_seen once to now', async () => {
		const { user } = await addUser({ email: 'busy@example.org', role: 'compliance_officer', password: 'a long enough password', dbPath: db.path });
		const id = await createSession(user.user_id, db.path);
		for (let round = 0; round < 5; round++) {
			await db.query(`UPDATE sessions SET last_seen = now()::TIMESTAMP - INTERVAL 45 SECOND`);
			const results = await Promise.allSettled(Array.from({ length: 64 }, () => sessionUser(id, db.path)));
			expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
			expect(results.map((r) => (r.status === 'fulfilled' ? r.value?.email : null))).toEqual(Array(64).fill('busy@example.org'));
			const [row] = await db.query(`SELECT epoch(now()::TIMESTAMP) - epoch(last_seen) AS idle FROM sessions`);
			expect(Number(row?.idle)).toBeLessThan(5);
		}
	});
});

function fakeEvent(path: string, search = ''): RequestEvent {
	const url = new URL(`http://localhost${path}${search}`);
	return { url, locals: { user: { user_id: 'u-1', email: 'co@example.org', role: 'compliance_officer' }, sessionId: 's' } } as unknown as RequestEvent;
}

function csvResponse(chunks: string[]): Response {
	const enc = new TextEncoder();
	let i = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(c) {
			if (i < chunks.length) c.enqueue(enc.encode(chunks[i++]));
			else c.close();
		}
	});
	return new Response(body, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="x.csv"' } });
}

const auditRows = () => db.query(`SELECT seq, action, details FROM audit_log WHERE action LIKE 'export%' ORDER BY seq`);
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('export audit bracket', () => {
	it('writes export_start before the first byte leaves and export_end with the rows, bytes and sha256 sent', async () => {
		await db.query(`DELETE FROM audit_log WHERE action LIKE 'export%'`).catch(() => {});
		const chunks = ['claim_id,patient_id\r\n', 'C1,P1\r\n', 'C2,P2\r\n'];
		const res = await auditResponse(fakeEvent('/api/flags/lines.csv', '?npi=1234567893&rule=mue'), '/api/flags/lines.csv', csvResponse(chunks));
		const before = await auditRows();
		expect(before.map((r) => r.action)).toEqual(['export_start']);
		expect(JSON.parse(String(before[0]?.details))).toEqual({ filters: { npi: '1234567893', rule: 'mue' }, tier: null });
		const text = await res.text();
		await settle();
		const after = await auditRows();
		expect(after.map((r) => r.action)).toEqual(['export_start', 'export_end']);
		const end = JSON.parse(String(after[1]?.details));
		// 21 + 7 + 7 bytes; 2 data rows (3 line feeds minus the header)
		expect(end).toEqual({ start: Number(after[0]?.seq), filters: { npi: '1234567893', rule: 'mue' }, tier: null, rows: 2, bytes: 35, sha256: createHash('sha256').update(text).digest('hex') });
	});

	it('writes export_aborted with what had been sent when the client stops reading', async () => {
		await db.query(`DELETE FROM audit_log WHERE action LIKE 'export%'`).catch(() => {});
		const res = await auditResponse(fakeEvent('/api/flags/lines.csv'), '/api/flags/lines.csv', csvResponse(['claim_id\r\n', 'C1\r\n', 'C2\r\n', 'C3\r\n']));
		const reader = (res.body as ReadableStream<Uint8Array>).getReader();
		const first = await reader.read();
		await reader.cancel('gone');
		await settle();
		const rows = await auditRows();
		expect(rows.map((r) => r.action)).toEqual(['export_start', 'export_aborted']);
		const aborted = JSON.parse(String(rows[1]?.details));
		expect(aborted).toMatchObject({ start: Number(rows[0]?.seq), bytes: 10, rows: 0, sha256: createHash('sha256').update(first.value as Uint8Array).digest('hex'), reason: 'the client stopped reading (closed the connection or cancelled the download)' });
	});

	it('records a view before the rows are returned', async () => {
		const n = Number((await db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'view'`))[0]?.n);
		const res = await auditResponse(fakeEvent('/flags/provider/1234567893'), '/flags/provider/[npi]', new Response('rows', { status: 200 }));
		expect(Number((await db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'view'`))[0]?.n)).toBe(n + 1);
		expect(await res.text()).toBe('rows');
	});
});

describe('patient ids by role', () => {
	it('shows them in full to auditors and the CLI, as surrogates to every other role', () => {
		expect(patientIdAccess('auditor')).toBe('full');
		expect(patientIdAccess(null)).toBe('full');
		expect(patientIdAccess('compliance_officer')).toBe('surrogate');
		expect(patientIdAccess('admin')).toBe('surrogate');
		expect(patientIdAccess('coding_manager')).toBe('surrogate');
	});
	it('numbers patients by first appearance, so lines of one patient still read as one', () => {
		const rows = [{ patient_id: 'MRN-9' }, { patient_id: 'MRN-3' }, { patient_id: 'MRN-9' }, { patient_id: null }, { patient_id: 'MRN-7' }];
		expect(surrogatePatients(rows).map((r) => r.patient_id)).toEqual(['patient 1', 'patient 2', 'patient 1', null, 'patient 3']);
	});
});
