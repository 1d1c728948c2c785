// claimlens audit-log verify | audit-log list [--limit N]: verify reads every record, its seal and
// the anchor outside the database, and exits non-zero when anything does not hold.
import { z } from 'zod';
import { verifyAudit } from '../../lib/server/audit/audit-log.ts';
import { listAudit } from '../../lib/server/audit/audit-list.ts';
import { parseFlags } from '../args.ts';
import { CliError, info, printJson } from '../output.ts';

const Flags = z.object({ limit: z.coerce.number().int().min(1).max(100_000).default(50), db: z.string().optional(), json: z.boolean().optional() });

export async function auditLogCommand(argv: string[]): Promise<void> {
	const [sub, ...rest] = argv;
	const { flags } = parseFlags(rest, { limit: { type: 'string' } }, Flags);
	if (sub === 'verify') {
		const r = await verifyAudit(flags.db, { full: true });
		if (flags.json) printJson(r);
		if (!r.ok) throw new CliError(`audit trail broken at record ${r.firstBad}: ${r.problem}`);
		info(`audit trail intact: ${r.records} records; every hash chains to the one before${r.unsealed < r.records ? ', carries the audit key\'s seal and the newest matches the anchor outside the database' : ''}${r.unsealed ? ` (${r.unsealed} record(s) from before the key existed are pinned by the first sealed one)` : ''}`);
		return;
	}
	if (sub === 'list') {
		const rows = await listAudit({ limit: flags.limit }, flags.db);
		if (flags.json) return printJson(rows);
		for (const r of rows) process.stdout.write(`${r.seq}\t${r.logged_at}\t${r.email ?? ''}\t${r.action}\t${r.target ?? ''}\t${r.details ?? ''}\n`);
		return;
	}
	throw new CliError('usage: claimlens audit-log verify | list [--limit N]');
}
