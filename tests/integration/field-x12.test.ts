// Field cases, X12 835 (../shared/fixtures/field/README.md, "X12 835 remittances"): each file
// imports right or is refused naming the segment, the value and the separator the ISA declares.
// Expected numbers are read off the files by hand (BPR02, CLP04, DTM*150 shown in comments).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { denialRates, getDenialsPage, denialLines } from '../../src/lib/server/denials/get-denials.ts';
import { DenialLinesQuery, denialDimensions } from '../../src/lib/schemas/denials.ts';
import { fixtureFolder, tempDb } from '../helpers/temp-db.ts';

const dir = fixtureFolder('field', 'x12');
const fx = (name: string) => join(dir as string, name);

async function counts(db: ReturnType<typeof tempDb>) {
	const [r] = await db.query(`SELECT (SELECT count(*) FROM remit_claims)::INTEGER AS claims, (SELECT count(*) FROM remit_lines WHERE line_seq > 0)::INTEGER AS lines,
		(SELECT coalesce(sum(paid_amount), 0)::DOUBLE FROM remit_claims) AS paid, (SELECT coalesce(sum(payment_amount), 0)::DOUBLE FROM remit_payments) AS bpr,
		(SELECT count(*) FROM imports WHERE status = 'succeeded')::INTEGER AS imports`);
	return r as { claims: number; lines: number; paid: number; bpr: number; imports: number };
}

describe.skipIf(!dir)('field X12 835 files', () => {
	it('medicare-part-a.835: two claim-level payments load and every Denials view still works', async () => {
		const db = tempDb();
		try {
			const r = await importFile(fx('medicare-part-a.835'), { dbPath: db.path });
			expect(r.status).toBe('succeeded');
			// BPR02 150,000.00 = CLP04 149,998.73 + 1.27 (PLB CV:CP -1.27)
			expect(r.message).toContain('payments (BPR02) $150000.00 = claim payments $149998.73 - provider adjustments -$1.27');
			expect(await counts(db)).toMatchObject({ claims: 2, paid: 149998.73, bpr: 150000 });
			const [plb] = await db.query(`SELECT sum(amount)::DOUBLE AS a FROM remit_provider_adjustments`);
			expect(plb?.a).toBe(-1.27);
			for (const by of denialDimensions) {
				const rates = await denialRates({ by }, db.path);
				expect(rates.facts_problem).toBeNull();
				expect(rates.rows.reduce((s, x) => s + x.denied_claims, 0)).toBe(0);
			}
			const page = await getDenialsPage({}, db.path);
			expect(page.factsProblem).toBeNull();
			expect(page.total).toMatchObject({ claims: 2, denied_claims: 0 });
			const lines = await denialLines(DenialLinesQuery.parse({ status: 'all' }), db.path);
			expect(lines.total).toBe(2);
		} finally {
			db.cleanup();
		}
	});

	it('a claim-level payment imported after claim lines keeps Denials working (the whole database)', async () => {
		const db = tempDb();
		try {
			await importFile(join(process.cwd(), 'tests', 'fixtures', 'denials_small.csv'), { dbPath: db.path });
			const before = (await getDenialsPage({}, db.path)).total?.claims ?? 0;
			expect(before).toBeGreaterThan(0);
			await importFile(fx('medicare-part-a.835'), { dbPath: db.path });
			const page = await getDenialsPage({}, db.path);
			expect(page.factsProblem).toBeNull();
			expect(page.total?.claims).toBe(before + 2);
		} finally {
			db.cleanup();
		}
	});

	for (const [file, seg, found] of [['secondary-payment.835', 'segment 29 (SVC)', 'HC>12345>26'], ['cob-contractural-adjustment.835', 'segment 21 (SVC)', 'HC>55669'], ['tertiary-payment.835', 'segment 20 (SVC)', '"HC"']] as const) {
		it(`${file}: refused naming the SVC segment, the value and ISA16's separator; nothing written`, async () => {
			const db = tempDb();
			try {
				const err = await importFile(fx(file), { dbPath: db.path }).then(() => null, (e: Error) => e.message);
				expect(err).toContain(seg);
				expect(err).toContain(found);
				expect(err).toContain('ISA16 declares ":"');
				if (file !== 'tertiary-payment.835') expect(err).toContain('uses ">"');
				expect(await counts(db)).toMatchObject({ claims: 0, imports: 0 });
			} finally {
				db.cleanup();
			}
		});
	}

	it('cob-contractural-adjustment.colon.835: 1 claim, CLP04 34.00, the negative CAS balances', async () => {
		const db = tempDb();
		try {
			await importFile(fx('cob-contractural-adjustment.colon.835'), { dbPath: db.path });
			expect(await counts(db)).toMatchObject({ claims: 1, paid: 34 });
		} finally {
			db.cleanup();
		}
	});

	it('managed-care.835 is refused naming BPR16; the fixed copy loads with DTM*150 service dates', async () => {
		const db = tempDb();
		try {
			const err = await importFile(fx('managed-care.835'), { dbPath: db.path }).then(() => null, (e: Error) => e.message);
			expect(err).toContain('BPR16');
			expect(err).toContain('20002316');
			await importFile(fx('managed-care.bpr16-fixed.835'), { dbPath: db.path });
			// BPR*I*945.00; two CLP with one SVC each; DTM*150*20020301 and DTM*150*20020310
			expect(await counts(db)).toMatchObject({ claims: 2, lines: 2, paid: 945, bpr: 945 });
			const dates = await db.query(`SELECT strftime(service_date, '%Y-%m-%d') AS d FROM remit_lines ORDER BY d`);
			expect(dates.map((d) => d.d)).toEqual(['2002-03-01', '2002-03-10']);
			expect((await denialRates({ by: 'payer' }, db.path)).rows.reduce((s, x) => s + x.denied_lines, 0)).toBe(0);
		} finally {
			db.cleanup();
		}
	});

	it('min-zero-dollar-cas.835: CO-42 of $0 is no denial reason; timely filing exclusion removes the denial', async () => {
		const db = tempDb();
		try {
			await importFile(fx('min-zero-dollar-cas.835'), { dbPath: db.path });
			const [line] = await db.query(`SELECT adjustment_codes, line_status FROM remit_lines`);
			expect(line).toEqual({ adjustment_codes: ['CO-29'], line_status: 'denied' });
			const byCat = await denialRates({ by: 'category' }, db.path);
			expect(byCat.rows.filter((r) => r.denied_lines > 0).map((r) => r.group)).toEqual(['timely_filing']);
			const byCarc = await denialRates({ by: 'carc' }, db.path);
			expect(byCarc.rows.filter((r) => r.denied_lines > 0).map((r) => r.group)).toEqual(['CO-29']);
			const excluded = await denialRates({ by: 'payer', exclude: ['timely_filing'] }, db.path);
			expect(excluded.rows.reduce((s, x) => s + x.denied_lines, 0)).toBe(0);
		} finally {
			db.cleanup();
		}
	});

	it('two-identical-interchanges.edi: one remittance of 1,481.99; the same payment from another file is a duplicate', async () => {
		const db = tempDb();
		try {
			const r = await importFile(fx('two-identical-interchanges.edi'), { dbPath: db.path });
			expect(r.message).toContain('repeats the one at segment 1 (ISA)');
			expect(await counts(db)).toMatchObject({ bpr: 1481.99, claims: 2 });
			const copy = join(db.dir, 'resent.edi');
			copyFileSync(fx('two-identical-interchanges.edi'), copy);
			// a different file (another checksum) carrying the same TRN02 + payer + amount
			const text = readFileSync(copy, 'latin1');
			writeFileSync(copy, `${text}\r\n`, 'latin1');
			const again = await importFile(copy, { dbPath: db.path });
			expect(again.status).toBe('duplicate');
			expect(again.message).toContain('TRN02 10100000000');
			expect(again.message).toContain(`import #${r.importId}`);
			expect(await counts(db)).toMatchObject({ bpr: 1481.99, claims: 2 });
		} finally {
			db.cleanup();
		}
	});

	for (const file of ['crlf-only-terminator.edi', 'tilde-crlf.edi', 'space-before-tilde.edi']) {
		it(`${file}: 3 claims, 10 service lines, 45.75 paid`, async () => {
			const db = tempDb();
			try {
				await importFile(fx(file), { dbPath: db.path });
				expect(await counts(db)).toMatchObject({ claims: 3, lines: 10, paid: 45.75 });
			} finally {
				db.cleanup();
			}
		});
	}
});
