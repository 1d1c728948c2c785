// POST /api/imports and DELETE /api/imports/running/TOKEN, called as SvelteKit calls them: a client
// that goes away (response stream cancelled, request aborted during the upload) cancels the
// import; the uploader or an admin cancels by token, anyone else gets 403; every cancel is in the
// audit trail, the import log says 'cancelled', and no upload is left behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
process.env.CLAIMLENS_DB = db.path;
const { POST } = await import('../../src/routes/api/imports/+server.ts');
const { DELETE } = await import('../../src/routes/api/imports/running/[token]/+server.ts');
const { importFile } = await import('../../src/lib/server/ingest/import-file.ts');
const { findImport } = await import('../../src/lib/server/ingest/running-imports.ts');
const { uploadsDir } = await import('../../src/lib/server/ingest/upload.ts');

type User = { user_id: string; email: string; role: 'admin' | 'compliance_officer' | 'coding_manager' | 'auditor' };
const ann: User = { user_id: 'u-ann', email: 'ann@example.org', role: 'coding_manager' };
const bob: User = { user_id: 'u-bob', email: 'bob@example.org', role: 'compliance_officer' };
const root: User = { user_id: 'u-root', email: 'root@example.org', role: 'admin' };

const small = readFileSync(join('tests', 'fixtures', 'claims_small.csv'), 'utf8');
const HEADER = small.split('\n')[0] as string;
let big = '';
let uploadsBefore: string[] = [];

beforeAll(async () => {
	await importFile(join('tests', 'fixtures', 'claims_small.csv'), { dbPath: db.path });
	const rows = [HEADER];
	for (let i = 0; i < 300_000; i++) rows.push(`B${i},1,P1,1234567893,"Doe, Jane",Internal Medicine,Medicare,11,2025-01-15,99215,,,1,,E11.9,250.00,184.00,147.20,paid,,K1`);
	big = `${rows.join('\n')}\n`;
	uploadsBefore = readdirSync(uploadsDir());
});
afterAll(() => {
	delete process.env.CLAIMLENS_DB;
	db.cleanup();
});

const origin = 'http://localhost:3000';
function post(name: string, body: BodyInit, user: User, signal?: AbortSignal) {
	const url = new URL(`${origin}/api/imports?name=${encodeURIComponent(name)}`);
	const request = new Request(url, { method: 'POST', body, headers: { 'sec-fetch-site': 'same-origin' }, signal, duplex: 'half' } as RequestInit);
	return POST({ request, url, locals: { user }, params: {} } as never);
}
function cancel(token: string, user: User) {
	const url = new URL(`${origin}/api/imports/running/${token}`);
	const request = new Request(url, { method: 'DELETE', headers: { 'sec-fetch-site': 'same-origin' } });
	return DELETE({ request, url, locals: { user }, params: { token } } as never);
}

/** The NDJSON answer, one message at a time. */
function lines(res: Response) {
	const reader = (res.body as ReadableStream<Uint8Array>).getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	return {
		reader,
		async next(): Promise<Record<string, unknown> | null> {
			for (;;) {
				const nl = buffer.indexOf('\n');
				if (nl >= 0) {
					const line = buffer.slice(0, nl);
					buffer = buffer.slice(nl + 1);
					return JSON.parse(line) as Record<string, unknown>;
				}
				const { done, value } = await reader.read();
				if (done) return null;
				buffer += decoder.decode(value, { stream: true });
			}
		},
		async until(pred: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
			for (;;) {
				const m = await this.next();
				if (!m) throw new Error('stream ended first');
				if (pred(m)) return m;
			}
		}
	};
}

async function finished(token: string): Promise<void> {
	for (let i = 0; i < 300 && findImport(token); i++) await new Promise((r) => setTimeout(r, 50));
	expect(findImport(token)).toBeNull();
}
const auditOf = (action: string, target: string) =>
	db.query(`SELECT email, details FROM audit_log WHERE action = $a AND target = $t ORDER BY seq`, { a: action, t: target });
const claimCount = async () => Number((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n);
const noUploadLeft = () => expect(readdirSync(uploadsDir()).filter((f) => !uploadsBefore.includes(f))).toEqual([]);

/** A request body that sends the header and then waits (an upload in progress). */
function stalledBody(): ReadableStream<Uint8Array> {
	return new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(`${HEADER}\n`)) });
}

describe('client gone', () => {
	it('cancelling the response stream mid-import cancels the import, audited as client disconnected', async () => {
		const res = await post('gone.csv', big, ann);
		const ndjson = lines(res);
		const started = await ndjson.next();
		expect(started).toMatchObject({ type: 'started' });
		const token = String(started?.token);
		expect(findImport(token)?.fileName).toBe('gone.csv');
		await ndjson.until((m) => m.type === 'progress' && m.phase === 'reading');
		await ndjson.reader.cancel();
		await finished(token);
		expect(await db.query(`SELECT status, rows_loaded, message FROM imports WHERE file_name = 'gone.csv'`)).toEqual([
			{ status: 'cancelled', rows_loaded: 0, message: 'cancelled (client disconnected); nothing was kept' }
		]);
		const cancels = await auditOf('import_cancel', 'gone.csv');
		expect(cancels.map((r) => [r.email, JSON.parse(String(r.details))])).toEqual([['ann@example.org', { token, reason: 'client disconnected', state: 'importing' }]]);
		const outcome = await auditOf('import', 'gone.csv');
		expect(JSON.parse(String(outcome[0]?.details))).toMatchObject({ status: 'cancelled', token, message: 'gone.csv: import cancelled (client disconnected); nothing was kept' });
		expect(await claimCount()).toBe(5);
		noUploadLeft();
	});

	it('a request aborted during the upload stops it: no import, no upload left', async () => {
		const ac = new AbortController();
		const res = await post('aborted.csv', stalledBody(), ann, ac.signal);
		const ndjson = lines(res);
		const token = String((await ndjson.next())?.token);
		ac.abort();
		expect(await ndjson.next()).toEqual({ type: 'cancelled', message: 'aborted.csv: import cancelled (client disconnected); nothing was kept' });
		expect(await ndjson.next()).toBeNull();
		await finished(token);
		expect((await auditOf('import_cancel', 'aborted.csv')).map((r) => JSON.parse(String(r.details)))).toEqual([{ token, reason: 'client disconnected', state: 'uploading' }]);
		expect(await db.query(`SELECT status FROM imports WHERE file_name = 'aborted.csv'`)).toEqual([]);
		noUploadLeft();
	});
});

describe('DELETE /api/imports/running/TOKEN', () => {
	it('another user gets 403; an admin cancels the running import, named in the log and the audit trail', async () => {
		const ndjson = lines(await post('admin-cancel.csv', big, ann));
		const token = String((await ndjson.next())?.token);
		await ndjson.until((m) => m.type === 'progress' && m.phase === 'reading');
		await expect(cancel(token, bob)).rejects.toMatchObject({ status: 403, body: { message: 'only the uploader or an admin can cancel this import' } });
		await expect(cancel('not-a-token', root)).rejects.toMatchObject({ status: 400 });
		const res = await cancel(token, root);
		expect(res.status).toBe(202);
		expect(await res.json()).toEqual({ cancelled: true, token, fileName: 'admin-cancel.csv' });
		expect(await ndjson.until((m) => m.type !== 'progress')).toEqual({ type: 'cancelled', message: 'admin-cancel.csv: import cancelled (by root@example.org, an admin); nothing was kept' });
		expect(await ndjson.next()).toBeNull();
		await finished(token);
		await expect(cancel(token, root)).rejects.toMatchObject({ status: 404 });
		expect(await db.query(`SELECT status, message FROM imports WHERE file_name = 'admin-cancel.csv'`)).toEqual([
			{ status: 'cancelled', message: 'cancelled (by root@example.org, an admin); nothing was kept' }
		]);
		const cancels = await auditOf('import_cancel', 'admin-cancel.csv');
		expect(cancels.map((r) => [r.email, JSON.parse(String(r.details))])).toEqual([
			['root@example.org', { token, uploader: 'ann@example.org', reason: 'by root@example.org, an admin', state: 'importing' }]
		]);
		expect(await claimCount()).toBe(5);
		noUploadLeft();
	});

	it('the uploader cancels during the upload: the stream ends cancelled, nothing imported, no upload left', async () => {
		const ndjson = lines(await post('mine.csv', stalledBody(), ann));
		const token = String((await ndjson.next())?.token);
		const res = await cancel(token, ann);
		expect(res.status).toBe(202);
		expect(await ndjson.next()).toEqual({ type: 'cancelled', message: 'mine.csv: import cancelled (by ann@example.org, the uploader); nothing was kept' });
		await finished(token);
		expect((await auditOf('import_cancel', 'mine.csv')).map((r) => JSON.parse(String(r.details)))).toEqual([
			{ token, uploader: 'ann@example.org', reason: 'by ann@example.org, the uploader', state: 'uploading' }
		]);
		expect(await db.query(`SELECT status FROM imports WHERE file_name = 'mine.csv'`)).toEqual([]);
		noUploadLeft();
	});

	it('an import that is not cancelled still succeeds through the same route', async () => {
		const ndjson = lines(await post('small.csv', small, ann));
		expect(await ndjson.next()).toMatchObject({ type: 'started' });
		const result = await ndjson.until((m) => m.type === 'result' || m.type === 'error' || m.type === 'cancelled');
		expect(result).toMatchObject({ type: 'result', result: { status: 'duplicate' } });
		expect(existsSync(uploadsDir())).toBe(true);
		noUploadLeft();
	});
});

describe('what the route says and stores', () => {
	it('names the file as the user gave it, never the server path it was stored under', async () => {
		// a header row longer than 64 KB: the sniffer's message quotes the file it read
		const res = await post('march.csv', `${'x'.repeat(70_000)}\n1\n`, ann);
		const stream = lines(res);
		const err = await stream.until((m) => m.type === 'error');
		expect(err.message).toBe('march.csv: line 1 is longer than 64 KB; expected a header row of column names');
		expect(String(err.message)).not.toContain(uploadsDir());
		noUploadLeft();
	});

	it('stores a file name without control characters, so it cannot forge a line in the log', async () => {
		const res = await post('feb\r\n2025,forged.csv', small, bob);
		const result = (await lines(res).until((m) => m.type === 'result')).result as { fileName: string; importId: number };
		expect(result.fileName).toBe('feb2025,forged.csv');
		expect(await db.query('SELECT file_name FROM imports WHERE import_id = $id', { id: result.importId })).toEqual([{ file_name: 'feb2025,forged.csv' }]);
	});
});

describe('progress the route reports', () => {
	it('names each step after the read, then warms the pages, then answers the result', async () => {
		// one extra line makes the file new (not a duplicate of claims_small.csv)
		const unique = `${small.trimEnd()}\nZ${Date.now()},1,P1,1234567893,"Doe, Jane",Internal Medicine,Medicare,11,2025-01-15,99215,,,1,,E11.9,250.00,184.00,147.20,paid,,K1\n`;
		const stream = lines(await post('steps.csv', unique, ann));
		const steps: string[] = [];
		for (;;) {
			const m = await stream.next();
			if (!m || m.type === 'result' || m.type === 'error') {
				expect(m?.type).toBe('result');
				break;
			}
			if (m.type === 'progress' && typeof m.step === 'string' && steps[steps.length - 1] !== m.step) steps.push(`${m.phase}: ${m.step}`);
		}
		expect(steps).toEqual([
			'loading: checking NPIs',
			'loading: recording rejected rows',
			'loading: building the denial tables',
			'loading: saving',
			'warming: computing risk flags',
			'warming: charting the quarterly history',
			'warming: summarising the overview',
			'warming: summarising denials'
		]);
	});
});
