// claimlens report provider NPI | committee | coder CODER_ID | appraisal SAMPLE_ID --out FILE.pdf --user EMAIL [--html]
// A PDF report from the registry (src/lib/server/reports/registry.ts), the same module as the
// download route; --html writes the HTML instead (what is printed to PDF). Each report is
// recorded in the audit trail (action 'report').
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { reports, reportById } from '../../lib/server/reports/registry.ts';
import { ReportError } from '../../lib/server/reports/types.ts';
import { appendAudit } from '../../lib/server/audit/audit-log.ts';
import { parseFlags } from '../args.ts';
import { periodFromFlags } from '../period-flags.ts';
import { CliError, info } from '../output.ts';

const Flags = z.object({ json: z.boolean().optional(), db: z.string().optional(), out: z.string().min(1).optional(), user: z.string().max(254).optional(), html: z.boolean().optional(), top: z.string().optional(), from: z.string().optional(), to: z.string().optional(), quarter: z.string().optional(), 'year-period': z.string().optional(), 'last-12-months': z.boolean().optional() });

export const reportUsage = reports.map((r) => `  ${r.id}${r.positional ? ` ${r.positional.name}` : ''}: ${r.what}`).join('\n');

export async function reportCommand(argv: string[]): Promise<void> {
	const [id, ...rest] = argv;
	const report = id ? reportById(id) : undefined;
	if (!report) throw new CliError(`report: give one of\n${reportUsage}`);
	const { flags, positionals } = parseFlags(rest, { out: { type: 'string' }, user: { type: 'string' }, html: { type: 'boolean' }, top: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, quarter: { type: 'string' }, 'year-period': { type: 'string' }, 'last-12-months': { type: 'boolean' } }, Flags);
	if (!flags.out) throw new CliError(`report ${report.id}: --out FILE.pdf is required`);
	if (!flags.user) throw new CliError(`report ${report.id}: --user EMAIL: who generates it (printed on the report and recorded in the audit trail)`);
	const raw: Record<string, unknown> = {};
	if (report.positional) {
		if (!positionals[0]) throw new CliError(`report ${report.id}: give the ${report.positional.name}`);
		raw[report.positional.param] = positionals[0];
	}
	if (flags.top !== undefined) raw.top = flags.top;
	const period = await periodFromFlags(flags, flags.db);
	if (period && report.id !== 'provider' && report.id !== 'committee') throw new CliError(`report ${report.id}: takes no period`);
	if (period) (raw.from = period.from), (raw.to = period.to);
	const p = report.params.safeParse(raw);
	if (!p.success) throw new CliError(`report ${report.id}: ${p.error.issues[0]?.path.join('.')}: ${p.error.issues[0]?.message}`);
	const at = new Date().toISOString();
	try {
		const built = await report.build(p.data, { by: flags.user, at, dbPath: flags.db });
		if (flags.html) writeFileSync(flags.out, built.html);
		else {
			const { htmlToPdf, PdfUnavailable } = await import('../../lib/server/reports/pdf.ts');
			try {
				writeFileSync(flags.out, await htmlToPdf(built.html));
			} catch (e) {
				if (e instanceof PdfUnavailable) throw new CliError(e.message);
				throw e;
			}
		}
	} catch (e) {
		if (e instanceof ReportError) throw new CliError(e.message);
		throw e;
	}
	await appendAudit({ email: flags.user, action: 'report', target: report.id, details: { params: p.data, out: flags.out, format: flags.html ? 'html' : 'pdf' } }, flags.db);
	info(`wrote ${flags.out}`);
}
