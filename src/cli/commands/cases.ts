// claimlens cases [--status S|active] [--assignee EMAIL] [--rule R] [--npi N] [--overdue] [--json]
// claimlens case open --npi N --rule R [--from D --to D] [--assignee EMAIL] [--due D] [--note T] --user EMAIL
// claimlens case note ID --text T --user EMAIL
// claimlens case status ID --status S [--outcome O] --user EMAIL
// claimlens case assign ID [--assignee EMAIL] [--due D] --user EMAIL
// claimlens case link ID --sample S --user EMAIL
// The CLI works at the database's machine, as its operator: it records --user as the author
// (in the case and the audit trail) and does not check a role. Same functions as the Cases pages
// (src/lib/server/cases/cases.ts).
import { z } from 'zod';
import { addNote, assignCase, CaseError, linkSample, listCases, openCase, setStatus, type Actor } from '../../lib/server/cases/cases.ts';
import { CaseFilter, CaseOutcome, CaseStatus, IsoDate, type ReviewCase } from '../../lib/schemas/cases.ts';
import { Email } from '../../lib/server/auth/users.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const ListFlags = z.object({
	json: z.boolean().optional(),
	db: z.string().optional(),
	status: z.string().optional(),
	assignee: z.string().optional(),
	rule: z.string().optional(),
	npi: z.string().optional(),
	overdue: z.boolean().optional()
});

const Flags = z.object({
	json: z.boolean().optional(),
	db: z.string().optional(),
	user: Email.optional(),
	npi: z.string().regex(/^\d{10}$/, 'a 10-digit NPI').optional(),
	rule: z.string().regex(/^[a-z0-9_]+$/, 'a rule id (claimlens flags lists them)').optional(),
	from: IsoDate.optional(),
	to: IsoDate.optional(),
	assignee: Email.optional(),
	due: IsoDate.optional(),
	note: z.string().max(4000).optional(),
	text: z.string().max(4000).optional(),
	status: CaseStatus.optional(),
	outcome: CaseOutcome.optional(),
	sample: z.coerce.number().int().positive().optional()
});

/** JSON rows: one per case, with the fields the issue names first. */
const jsonRow = (c: ReviewCase) => c;

function print(c: ReviewCase, json?: boolean) {
	if (json) return printJson(jsonRow(c));
	info(`case ${c.case_id}: ${c.provider_npi} ${c.provider_name ?? ''} · ${c.rule_title} · ${c.period_from} to ${c.period_to} · ${c.status}${c.outcome ? ` (${c.outcome})` : ''}${c.assignee ? ` · ${c.assignee}` : ''}${c.due_date ? ` · due ${c.due_date}` : ''}`);
}

export async function casesCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { status: { type: 'string' }, assignee: { type: 'string' }, rule: { type: 'string' }, npi: { type: 'string' }, overdue: { type: 'boolean' } }, ListFlags);
	const f = CaseFilter.safeParse({ status: flags.status, assignee: flags.assignee, rule: flags.rule, npi: flags.npi, overdue: flags.overdue });
	if (!f.success) throw new CliError(`--${f.error.issues[0]?.path.join('.')}: ${f.error.issues[0]?.message}`);
	const cases = await listCases(f.data, { dbPath: flags.db });
	if (flags.json) return printJson(cases.map(jsonRow));
	if (!cases.length) info('no cases match');
	for (const c of cases) {
		process.stdout.write(`${String(c.case_id).padStart(5)} ${c.status.padEnd(17)} ${(c.outcome ?? '').padEnd(9)} ${c.provider_npi} ${(c.provider_name ?? '').padEnd(24).slice(0, 24)} ${c.rule_id.padEnd(28)} ${(c.assignee ?? '-').padEnd(24)} ${c.due_date ?? '-'}${c.overdue ? ' OVERDUE' : ''} flag now: ${c.flag_now.state}${c.flag_now.changes.length ? ` (${c.flag_now.changes.join('; ')})` : ''}\n`);
	}
	info(`${fmtInt(cases.length)} cases`);
}

export async function caseCommand(argv: string[]): Promise<void> {
	const [verb, ...rest] = argv;
	const verbs = ['open', 'note', 'status', 'assign', 'link'];
	if (!verb || !verbs.includes(verb)) throw new CliError(`case: give one of ${verbs.join(', ')} (claimlens --help)`);
	const hasId = verb !== 'open';
	const idText = hasId ? rest[0] : undefined;
	const { flags } = parseFlags(hasId ? rest.slice(1) : rest, {
		user: { type: 'string' }, npi: { type: 'string' }, rule: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, assignee: { type: 'string' },
		due: { type: 'string' }, note: { type: 'string' }, text: { type: 'string' }, status: { type: 'string' }, outcome: { type: 'string' }, sample: { type: 'string' }
	}, Flags);
	if (!flags.user) throw new CliError(`case ${verb}: --user EMAIL: who acts (recorded on the case and in the audit trail)`);
	const actor: Actor = { email: flags.user };
	const id = hasId ? Number(idText) : 0;
	if (hasId && !(Number.isInteger(id) && id > 0)) throw new CliError(`case ${verb}: give the case id (claimlens cases), found "${idText ?? ''}"`);
	try {
		if (verb === 'open') {
			if (!flags.npi || !flags.rule) throw new CliError('case open: --npi N and --rule R are required');
			if ((flags.from === undefined) !== (flags.to === undefined)) throw new CliError('case open: give both --from and --to, or neither (the data\'s first and last service dates)');
			const r = await openCase({ npi: flags.npi, ruleId: flags.rule, from: flags.from, to: flags.to, assignee: flags.assignee, due: flags.due, note: flags.note, actor, dbPath: flags.db });
			if (!flags.json && r.existing) info(`an active case already exists for this provider and rule: case ${r.case.case_id}`);
			return print(r.case, flags.json);
		}
		if (verb === 'note') {
			if (!flags.text) throw new CliError('case note: --text T is required');
			return print(await addNote(id, flags.text, actor, flags.db), flags.json);
		}
		if (verb === 'status') {
			if (!flags.status) throw new CliError(`case status: --status one of ${CaseStatus.options.join(', ')}`);
			return print(await setStatus(id, flags.status, flags.outcome ?? null, actor, flags.db), flags.json);
		}
		if (verb === 'assign') return print(await assignCase(id, flags.assignee ?? null, flags.due ?? null, actor, flags.db), flags.json);
		if (!flags.sample) throw new CliError('case link: --sample S (the sample id) is required');
		return print(await linkSample(id, flags.sample, actor, flags.db), flags.json);
	} catch (e) {
		if (e instanceof CaseError) throw new CliError(e.message);
		throw e;
	}
}
