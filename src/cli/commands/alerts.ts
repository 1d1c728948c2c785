// claimlens alerts [--all] [--json]: monitoring alerts (Bernoulli CUSUM per provider and rule over
// months); by default those raised in the months of the newest claims import, --all every one.
// Same function as the Overview's list (src/lib/server/rules/monitor.ts).
import { z } from 'zod';
import { monitoring } from '../../lib/server/rules/monitor.ts';
import { parseFlags } from '../args.ts';
import { info, printJson } from '../output.ts';

const Flags = z.object({ json: z.boolean().optional(), db: z.string().optional(), all: z.boolean().optional() });

export async function alertsCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { all: { type: 'boolean' } }, Flags);
	const m = await monitoring({ latestOnly: !flags.all, dbPath: flags.db });
	if (flags.json) return printJson(m.alerts);
	info(m.method);
	info(m.latest_import_id === null ? 'no claims import yet' : `${flags.all ? 'every alert' : `alerts in the months of import #${m.latest_import_id} (${m.latest_months.join(', ')})`}: ${m.alerts.length}`);
	for (const a of m.alerts) process.stdout.write(`${a.month} ${a.direction.padEnd(4)} ${a.rule_id.padEnd(28)} ${a.provider_npi} ${(a.provider_name ?? '').padEnd(24)} ${a.numerator}/${a.denominator} vs peers ${(a.peer_rate * 100).toFixed(1)}%  S ${a.statistic.toFixed(2)} >= ${a.h}\n`);
}
