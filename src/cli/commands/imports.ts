// claimlens imports | claimlens rejects IMPORT_ID [--csv]
import { z } from 'zod';
import { listImports } from '../../lib/server/ingest/import-file.ts';
import { listRejects, rejectColumns } from '../../lib/server/ingest/rejects-list.ts';
import { toCsv } from '../../lib/server/export/csv.ts';
import { parseFlags } from '../args.ts';
import { CliError, printJson } from '../output.ts';

const Flags = z.object({ db: z.string().optional(), json: z.boolean().optional(), csv: z.boolean().optional() });

export async function importsCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, {}, Flags);
	const rows = await listImports(flags.db);
	if (flags.json) return printJson(rows);
	for (const r of rows) {
		process.stdout.write(`#${r.import_id}  ${r.status}  ${r.kind ?? '-'}  ${r.file_name}  read ${r.rows_read ?? 0} = loaded ${r.rows_loaded ?? 0} + rejected ${r.rows_rejected ?? 0}  ${r.message ?? ''}\n`);
	}
}

export async function rejectsCommand(argv: string[]): Promise<void> {
	const { flags, positionals } = parseFlags(argv, { csv: { type: 'boolean' } }, Flags);
	const id = Number(positionals[0]);
	if (!Number.isInteger(id) || id <= 0) throw new CliError('rejects: give the import id (see `claimlens imports`)');
	const rows = await listRejects(id, flags.db);
	if (flags.json) return printJson(rows);
	if (flags.csv) return void process.stdout.write(toCsv(rejectColumns, rows));
	for (const r of rows) process.stdout.write(`${r.file_name}:${r.line ?? '?'}  ${r.column_name ?? '(row)'}  ${r.reason}${r.value ? `  [${r.value}]` : ''}\n`);
}
