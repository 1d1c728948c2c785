// claimlens education add --coder C --date YYYY-MM-DD --topic T [--classes upcoded,downcoded,...]
//                         [--note TEXT] --user EMAIL          record an education (database + audit trail)
// claimlens education list [--coder C] [--limit N]            educations, newest first, with line accuracy
//                                                             before and after each (95% Wilson intervals)
// claimlens education bands [--target 0.95] [--bands "0.80:30,0.95:90,1:365"]
//                           [--after-education DAYS] [--user EMAIL]
//                                                             show (no flags) or change the accuracy target
//                                                             and re-audit schedule (a change needs --user)
// claimlens education status [--coder C] [--overdue] [--today YYYY-MM-DD]
//                                                             who is due for re-audit, overdue first
// Every sub-command takes --json and --db. Same functions as the coder page and the Education page
// (src/lib/server/accuracy/education.ts, settings.ts).
import { z } from 'zod';
import { errorClasses, parseBandsText, bandsText } from '../../lib/schemas/accuracy.ts';
import { addEducation, EducationRefused, listEducation, reauditStatus, type EducationWindow } from '../../lib/server/accuracy/education.ts';
import { bandLabel } from '../../lib/server/accuracy/reaudit.ts';
import { getAccuracySettings, saveAccuracySettings, SettingsRefused } from '../../lib/server/accuracy/settings.ts';
import { parseFlags } from '../args.ts';
import { CliError, info, printJson } from '../output.ts';

const text = (max: number) => z.string().max(max, `at most ${max} characters`).optional();
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD').optional();
const Common = { json: z.boolean().optional(), db: z.string().optional() };

const AddFlags = z.object({ ...Common, coder: text(200), date: text(10), topic: text(200), classes: text(300), note: text(1000), user: text(120) });
const ListFlags = z.object({ ...Common, coder: text(200), limit: z.string().regex(/^[1-9][0-9]{0,5}$/, 'a whole number from 1').optional() });
const BandsFlags = z.object({ ...Common, target: text(20), bands: text(300), 'after-education': text(10), user: text(120) });
const StatusFlags = z.object({ ...Common, coder: text(200), overdue: z.boolean().optional(), today: IsoDay });

const usage = 'education add --coder C --date YYYY-MM-DD --topic T [--classes upcoded,...] --user EMAIL | list [--coder C] | bands [--target 0.95] [--bands "0.80:30,0.95:90,1:365"] [--after-education DAYS] | status [--overdue]';

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);

/** Columns padded to their widest cell, two spaces apart. */
function printTable(header: string[], rows: string[][]): void {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	for (const r of [header, ...rows]) process.stdout.write(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()}\n`);
}

const window = (w: EducationWindow) => (w.lines ? `${w.correct}/${w.lines} ${pct(w.accuracy)} (${pct(w.low)}-${pct(w.high)})` : 'no lines');

async function add(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { coder: { type: 'string' }, date: { type: 'string' }, topic: { type: 'string' }, classes: { type: 'string' }, note: { type: 'string' }, user: { type: 'string' } }, AddFlags);
	if (!flags.user) throw new CliError('education add: --user EMAIL: who records the education (kept with it and in the audit trail)');
	const classes = flags.classes ? flags.classes.split(',').map((c) => c.trim()).filter(Boolean) : [];
	try {
		const rec = await addEducation({ coder: flags.coder ?? '', given_on: flags.date ?? '', topic: flags.topic ?? '', error_classes: classes, note: flags.note }, { by: flags.user, dbPath: flags.db });
		const [status] = (await reauditStatus({ coder: rec.coder_id, dbPath: flags.db })).coders;
		if (!status?.audited_lines) info(`note: no audited lines for coder ${rec.coder_id} yet (check the coder id)`);
		if (flags.json) return printJson(rec);
		info(`education ${rec.education_id} recorded for ${rec.coder_id} on ${rec.given_on}: ${rec.topic}${rec.error_classes.length ? ` (${rec.error_classes.join(', ')})` : ''}${status?.due_on ? `; re-audit due ${status.due_on}` : ''}`);
	} catch (e) {
		if (e instanceof EducationRefused) throw new CliError(`education add: ${e.message}`);
		throw e;
	}
}

async function list(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { coder: { type: 'string' }, limit: { type: 'string' } }, ListFlags);
	const rows = await listEducation({ coder: flags.coder, limit: flags.limit ? Number(flags.limit) : undefined, dbPath: flags.db });
	if (flags.json) return printJson(rows);
	if (!rows.length) return info(flags.coder ? `no education recorded for coder ${flags.coder}` : 'no education recorded yet (claimlens education add ...)');
	info('line accuracy of the coder\'s audited lines before (since the previous education) and after (until the next) each education; 95% Wilson intervals');
	printTable(
		['ID', 'DATE', 'CODER', 'TOPIC', 'CLASSES', 'BEFORE', 'AFTER', 'RECORDED BY'],
		rows.map((r) => [String(r.education_id), r.given_on, r.coder_id, r.topic, r.error_classes.join(',') || '-', window(r.before), window(r.after), r.recorded_by])
	);
}

async function bands(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { target: { type: 'string' }, bands: { type: 'string' }, 'after-education': { type: 'string' }, user: { type: 'string' } }, BandsFlags);
	const change: Record<string, unknown> = {};
	// numbers stay as typed until the settings schema judges them: "abc" is refused by name there
	if (flags.target !== undefined) change.target = Number(flags.target);
	if (flags['after-education'] !== undefined) change.after_education_days = Number(flags['after-education']);
	try {
		if (flags.bands !== undefined) change.bands = parseBandsText(flags.bands);
	} catch (e) {
		throw new CliError(`education bands: ${(e as Error).message}`);
	}
	let s;
	if (Object.keys(change).length) {
		if (!flags.user) throw new CliError('education bands: --user EMAIL: who changes the settings (kept in the audit trail)');
		try {
			s = await saveAccuracySettings(change, { by: flags.user, dbPath: flags.db });
		} catch (e) {
			if (e instanceof SettingsRefused) throw new CliError(`education bands: ${e.message}`);
			throw e;
		}
	} else s = await getAccuracySettings(flags.db);
	if (flags.json) return printJson(s);
	info(`accuracy target ${pct(s.target)} (below target = the line-accuracy interval's upper bound is under it)`);
	info(`re-audit at most ${s.after_education_days} days after an education given after the last audit; bands (--bands "${bandsText(s.bands)}"):`);
	printTable(['SCORE OF LATEST AUDIT', 'RE-AUDIT EVERY'], s.bands.map((b, i) => [bandLabel(s.bands, i), `${b.interval_days} days`]));
	info(s.changed_by ? `last changed by ${s.changed_by} at ${s.changed_at}` : 'defaults (never changed)');
}

async function status(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { coder: { type: 'string' }, overdue: { type: 'boolean' }, today: { type: 'string' } }, StatusFlags);
	const s = await reauditStatus({ coder: flags.coder, today: flags.today, dbPath: flags.db });
	const rows = flags.overdue ? s.coders.filter((c) => c.overdue) : s.coders;
	if (flags.json) return printJson(rows);
	info(`re-audit status on ${s.today}: ${s.coders.filter((c) => c.overdue).length} of ${s.coders.length} coders overdue`);
	printTable(
		['CODER', 'LAST AUDIT', 'SCORE', 'BAND', 'DUE', 'STATUS', 'BASIS'],
		rows.map((c) => [c.coder_id, c.last_audit_on ?? '-', c.latest_lines ? `${c.latest_correct}/${c.latest_lines} ${pct(c.score)}` : '-', c.band ?? '-', c.due_on ?? '-', c.overdue ? `OVERDUE ${c.days_overdue} d` : 'on time', c.basis])
	);
}

export async function educationCommand(argv: string[]): Promise<void> {
	const [verb, ...rest] = argv;
	if (verb === 'add') return add(rest);
	if (verb === 'list') return list(rest);
	if (verb === 'bands') return bands(rest);
	if (verb === 'status') return status(rest);
	throw new CliError(`education: give a sub-command: ${usage}\n  error classes: ${errorClasses.join(', ')}`);
}
