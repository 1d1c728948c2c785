// claimlens import FILE... [--kind KIND] [--mapping map.json] [--encoding ENC]
// Ctrl-C cancels the import in progress through its AbortSignal: DuckDB is interrupted, the
// transaction rolls back, the log says 'cancelled' and the command exits non-zero (a second
// Ctrl-C kills the process outright; the log then says 'interrupted' at the next start).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { appendAudit } from '../../lib/server/audit/audit-log.ts';
import { z } from 'zod';
import { DataYear, ImportKind, MappingFile, TextEncodingName } from '../../lib/schemas/fields.ts';
import { importFile, ImportCancelled, type ImportResult } from '../../lib/server/ingest/import-file.ts';
import { describeMapping } from '../../lib/server/ingest/header-mapping.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson, progressLine } from '../output.ts';

const Flags = z.object({ kind: ImportKind.optional(), mapping: z.string().optional(), encoding: TextEncodingName.optional(), year: DataYear.optional(), db: z.string().optional(), json: z.boolean().optional() });

export function readMappingFile(path: string): MappingFile {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new CliError(`${path}: cannot read mapping file (${(e as Error).message})`);
	}
	const parsed = MappingFile.safeParse(raw);
	if (!parsed.success) throw new CliError(`${path}: not a mapping file: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
	return parsed.data;
}

export async function importCommand(argv: string[]): Promise<void> {
	const { flags, positionals } = parseFlags(argv, { kind: { type: 'string' }, mapping: { type: 'string' }, encoding: { type: 'string' }, year: { type: 'string' } }, Flags);
	if (!positionals.length) throw new CliError('import: name at least one FILE');
	const mapping = flags.mapping ? readMappingFile(flags.mapping) : undefined;
	const results: ImportResult[] = [];
	const who = `cli:${process.env.USER ?? userInfo().username}`;
	const cancel = new AbortController();
	const onSigint = () => {
		info('\ncancelling: rolling back the import in progress (Ctrl-C again to kill)');
		cancel.abort('Ctrl-C (SIGINT)');
	};
	process.once('SIGINT', onSigint);
	try {
		for (const file of positionals) results.push(await importAndReport(file, flags, mapping, who, cancel.signal));
	} finally {
		process.off('SIGINT', onSigint);
	}
	if (flags.json) printJson(results);
}

async function importAndReport(file: string, flags: z.infer<typeof Flags>, mapping: MappingFile | undefined, who: string, signal: AbortSignal): Promise<ImportResult> {
	const show = progressLine(file);
	let result: ImportResult;
	try {
		result = await importFile(file, {
			kind: flags.kind,
			mapping,
			encoding: flags.encoding,
			year: flags.year,
			dbPath: flags.db,
			signal,
			onProgress: (p) => {
				if (p.phase === 'checking') show(`checking the decompressed size: ${p.percent.toFixed(0)}%`);
				// before DuckDB reports any progress the line says what is happening, not "0% 0 rows/s"
				if (p.phase === 'reading') show(p.percent > 0 ? `${p.percent.toFixed(0)}%  ~${fmtInt(p.rowsEstimate)} rows  ${fmtInt(p.rowsPerSecond)} rows/s` : 'reading the file…');
				if (p.phase === 'loading' && p.step) show(`read; ${p.step}…`);
				if (p.phase === 'done') show(`100%  ${fmtInt(p.rowsEstimate)} rows  ${fmtInt(p.rowsPerSecond)} rows/s`, true);
			}
		});
	} catch (e) {
		// the rollback is done: record who cancelled, then fail (main exits non-zero)
		if (e instanceof ImportCancelled) await appendAudit({ email: who, action: 'import_cancel', target: file, details: { reason: e.reason } }, flags.db);
		throw e;
	}
	await appendAudit({ email: who, action: 'import', target: file, details: { importId: result.importId, kind: result.kind, status: result.status, checksum: result.checksum, rowsRead: result.rowsRead, rowsLoaded: result.rowsLoaded, rowsRejected: result.rowsRejected } }, flags.db);
	info(`${file}: ${result.kind} (${result.format}), import #${result.importId}: ${result.message} in ${result.seconds.toFixed(1)} s`);
	info(`  mapping used:\n    ${describeMapping(result.mapping).join('\n    ')}`);
	if (result.rowsRejected) info(`  rejects: claimlens rejects ${result.importId}  (or the Data page)`);
	return result;
}
