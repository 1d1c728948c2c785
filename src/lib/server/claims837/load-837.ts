// X12 837 claim files, reached through importFile() (the single import path) when an X12 file's
// first transaction set is an 837. The file is parsed and checked whole first (parse-837.ts: a
// malformed file is refused naming the segment, nothing written); its claim lines then go
// through the claims import itself, so they meet the same checks (NPI check digits, dates, the
// specialty from the provider roster), the same rejects, roll-ups and denial facts. The lines
// travel as a UTF-8 CSV of canonical columns beside the database, removed when the import ends
// (it holds PHI). Reject line numbers are given back as the SV1/SV2 segment numbers.
import { cleanFileName } from '../http/scrub-paths.ts';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { ImportRefused } from '../ingest/sniff.ts';
import { tempDirFor } from '../ingest/transcode.ts';
import type { ImportOptions, ImportResult } from '../ingest/import-file.ts';
import { X12FormatError, readSegments } from '../remit/x12-segments.ts';
import { parse837, type ClaimLine837 } from './parse-837.ts';

const COLUMNS = ['claim_id', 'line_number', 'patient_id', 'rendering_npi', 'payer', 'place_of_service', 'service_date', 'procedure_code', 'modifiers', 'units', 'minutes', 'diagnosis_codes', 'charge_amount'] as const;

/** RFC 4180 quoting for the internal hand-over file (values are data, never formulas to guard). */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function csvLine(r: ClaimLine837): string {
	return COLUMNS.map((c) => {
		const v = r[c];
		return cell(Array.isArray(v) ? v.join(';') : String(v));
	}).join(',');
}

async function writeLines(path: string, lines: ClaimLine837[]): Promise<void> {
	const out = createWriteStream(path, { mode: 0o600 });
	if (!out.write(`${COLUMNS.join(',')}\n`)) await once(out, 'drain');
	for (const r of lines) if (!out.write(`${csvLine(r)}\n`)) await once(out, 'drain');
	out.end();
	await once(out, 'finish');
}

/**
 * Import one X12 837 file as claim lines.
 * @param importCsv the claims importer (importFile's own path), given the hand-over CSV
 */
export async function importClaims837(path: string, opts: ImportOptions, importCsv: (csv: string, o: ImportOptions) => Promise<ImportResult>): Promise<ImportResult> {
	// a label in the log, messages and the audit trail: no control characters (scrub-paths.ts)
	const fileName = cleanFileName(opts.displayName ?? basename(path));
	const dbPath = opts.dbPath ?? defaultDbPath();
	let parsed;
	try {
		parsed = await parse837(readSegments(path));
	} catch (e) {
		if (e instanceof X12FormatError) throw new ImportRefused(`${fileName}: not a valid X12 837 claim file: ${e.message}; nothing was imported`);
		throw e;
	}
	const dir = tempDirFor(dbPath);
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const csv = join(dir, `claims837-${randomUUID()}.csv`);
	try {
		await writeLines(csv, parsed.lines);
		const result = await importCsv(csv, { ...opts, kind: 'claims', mapping: undefined, displayName: fileName, checksumPath: path, format: 'x12' });
		if (result.status === 'succeeded' && result.rowsRejected) {
			// hand-over line k (k >= 2) is the (k - 1)th service line: point at its segment instead
			await withConnection((conn) => runQuery(conn, 'import_rejects_relocate', {
				import_id: result.importId, lines: parsed.lines.map((_, i) => String(i + 2)), segments: parsed.lines.map((l) => String(l.segment))
			}), dbPath);
		}
		const note = `${parsed.variant === 'institutional' ? '837I' : '837P'}: ${parsed.claims} claims (CLM), ${parsed.lines.length} service lines` +
			(parsed.warnings.length ? `; ${parsed.warnings.join('; ')}` : '') + (result.rowsRejected ? '; reject line numbers are segment numbers of the SV1/SV2' : '');
		return { ...result, message: `${result.message}; ${note}`, notes: [...result.notes, ...parsed.warnings] };
	} finally {
		await rm(csv, { force: true });
	}
}
