// claimlens screen [--json] [--all] [--pdf FILE --user NAME]   exclusion screening: every provider in the
//                                                    claims and roster against the loaded OIG LEIE / SAM lists;
//                                                    --pdf writes the evidence report (headless Chromium)
// claimlens screen confirm|dismiss MATCH_ID [--user NAME] [--note TEXT]
//                                                    a person's decision on a name match (audited)
// Same functions as the Exclusions page and GET /api/exclusions (src/lib/server/exclusions/screen.ts).
import { z } from 'zod';
import { writeFileSync } from 'node:fs';
import { decide, providerResults, screen, UnknownMatch } from '../../lib/server/exclusions/screen.ts';
import { exclusionScreeningHtml } from '../../lib/server/reports/exclusion-screening.ts';
import { htmlToPdf, PdfUnavailable } from '../../lib/server/reports/pdf.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	json: z.boolean().optional(),
	all: z.boolean().optional(),
	user: z.string().max(120).optional(),
	note: z.string().max(500).optional(),
	pdf: z.string().optional(),
	db: z.string().optional()
});

export async function screenCommand(argv: string[]): Promise<void> {
	const [verb, id] = argv[0] === 'confirm' || argv[0] === 'dismiss' ? [argv[0], argv[1]] : [null, null];
	const { flags } = parseFlags(verb ? argv.slice(2) : argv, { all: { type: 'boolean' }, user: { type: 'string' }, note: { type: 'string' }, pdf: { type: 'string' } }, Flags);
	if (verb) {
		if (!id || !/^[0-9a-f]{12}$/.test(id)) throw new CliError(`screen ${verb}: give the MATCH_ID (12 characters) from claimlens screen`);
		if (!flags.user) throw new CliError(`screen ${verb}: --user NAME: who decides (recorded with the decision and in the audit trail)`);
		try {
			const r = await decide(id, verb === 'confirm' ? 'confirmed' : 'dismissed', { by: flags.user, note: flags.note, dbPath: flags.db });
			if (flags.json) return printJson(r);
			info(`${r.match_id}: provider ${r.provider_npi} ${r.status}`);
		} catch (e) {
			if (e instanceof UnknownMatch) throw new CliError(e.message);
			throw e;
		}
		return;
	}
	const s = await screen({ dbPath: flags.db });
	if (flags.pdf) {
		if (!flags.user) throw new CliError('screen --pdf: --user NAME: who ran the screening (printed on the evidence)');
		try {
			writeFileSync(flags.pdf, await htmlToPdf(exclusionScreeningHtml(s, await providerResults(flags.db), flags.user)));
		} catch (e) {
			if (e instanceof PdfUnavailable) throw new CliError(e.message);
			throw e;
		}
		info(`wrote ${flags.pdf}`);
	}
	const rows = flags.all ? s.rows : s.rows.filter((r) => r.status !== 'dismissed');
	if (flags.json) return printJson(rows);
	if (!s.lists.length) info('no exclusion list loaded: import the OIG LEIE (UPDATED.csv) or the SAM.gov extract (claimlens import FILE --kind leie|sam)');
	for (const l of s.lists) info(`${l.list.toUpperCase()}: ${l.file_name}, list date ${l.list_date} (${l.age_days} days old${l.stale ? ': older than 35 days, load the current list' : ''}), ${fmtInt(l.records)} records`);
	info(`${fmtInt(s.providers)} providers screened: ${s.counts.confirmed} confirmed, ${s.counts.candidate} candidates to review, ${s.counts.dismissed} dismissed`);
	for (const r of rows) {
		const who = (r.listed_last_name ? [r.listed_last_name, r.listed_first_name, r.listed_middle_name].filter(Boolean).join(' ') : (r.listed_business_name ?? ''));
		process.stdout.write(`${r.match_id} ${r.status.padEnd(9)} ${r.provider_npi} ${(r.provider_name ?? '').padEnd(28)} ${r.list} ${r.match} ${r.score.toFixed(3)} ${who} excluded ${r.excluded_from}${r.excluded_until ? ` to ${r.excluded_until}` : ''}: ${fmtInt(r.lines)} lines $${fmtInt(r.paid_at_risk)}\n`);
	}
}
