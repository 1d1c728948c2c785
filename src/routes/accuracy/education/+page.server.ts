// The Education page: who is due for re-audit (every coder, overdue first), recent educations
// with accuracy before and after, and the ?/settings action for the accuracy target, the
// re-audit bands and the days after an education (src/lib/server/accuracy/settings.ts).
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { listEducation, reauditStatus } from '$lib/server/accuracy/education';
import { saveAccuracySettings, SettingsRefused } from '$lib/server/accuracy/settings';
import { addDays, bandLabel } from '$lib/server/accuracy/reaudit';
import { allowed } from '$lib/server/auth/roles';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const [status, educations] = await Promise.all([reauditStatus(), listEducation({ limit: 50 })]);
	const bands = status.settings.bands;
	// due in the next 30 days and not yet overdue: the audits to plan this month
	const horizon = addDays(status.today, 30);
	return {
		status,
		educations,
		bandLabels: bands.map((_, i) => bandLabel(bands, i)),
		dueSoon: status.coders.filter((c) => !c.overdue && c.due_on !== null && c.due_on <= horizon).length,
		canEdit: allowed('education_record', locals.user?.role ?? null)
	};
}) satisfies PageServerLoad;

/** The form as typed (percentages and days as text), kept so that a refused form comes back as typed. */
const Typed = z.object({
	target_pct: z.string().max(20).catch(''),
	below_pct: z.array(z.string().max(20)).max(12).catch([]),
	interval_days: z.array(z.string().max(20)).max(12).catch([]),
	after_education_days: z.string().max(20).catch('')
});
type Typed = z.infer<typeof Typed>;

const NUMBER = /^\s*[0-9]+(\.[0-9]+)?\s*$/;

/**
 * Typed form -> settings input: percentages become fractions; a band row left blank is dropped.
 * The settings schema then judges the values; this only refuses text that is not a number,
 * naming the field.
 */
function toSettings(t: Typed): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
	if (!NUMBER.test(t.target_pct)) return { ok: false, message: `target must be a percentage such as 95, got "${t.target_pct}"` };
	if (!/^\s*[0-9]+\s*$/.test(t.after_education_days)) return { ok: false, message: `after_education_days must be a whole number of days, got "${t.after_education_days}"` };
	const bands: { below: number; interval_days: number }[] = [];
	const rows = Math.max(t.below_pct.length, t.interval_days.length);
	for (let i = 0; i < rows; i++) {
		const below = (t.below_pct[i] ?? '').trim();
		const days = (t.interval_days[i] ?? '').trim();
		if (!below && !days) continue;
		const n = bands.length + 1;
		if (!NUMBER.test(below)) return { ok: false, message: `band ${n}: the bound must be a percentage such as 80, got "${below}"` };
		if (!/^[0-9]+$/.test(days)) return { ok: false, message: `band ${n}: the interval must be a whole number of days, got "${days}"` };
		// a percentage to a fraction without binary noise (95 -> 0.95, 97.5 -> 0.975)
		bands.push({ below: Number((Number(below) / 100).toFixed(6)), interval_days: Number(days) });
	}
	return { ok: true, value: { target: Number((Number(t.target_pct) / 100).toFixed(6)), bands, after_education_days: Number(t.after_education_days) } };
}

export const actions = {
	settings: async ({ request, locals }) => {
		// the route already requires education_record for a POST; checked again here (defence in depth)
		if (!locals.user || !allowed('education_record', locals.user.role)) return fail(403, { settings: { message: 'Only a compliance officer or a coding manager can change these settings.', values: null } });
		const fd = await request.formData();
		const values = Typed.parse({ target_pct: fd.get('target_pct'), below_pct: fd.getAll('below_pct'), interval_days: fd.getAll('interval_days'), after_education_days: fd.get('after_education_days') });
		const parsed = toSettings(values);
		if (!parsed.ok) return fail(400, { settings: { message: parsed.message, values } });
		try {
			await saveAccuracySettings(parsed.value, { by: locals.user.email, userId: locals.user.user_id });
			return { saved: true };
		} catch (e) {
			if (e instanceof SettingsRefused) return fail(400, { settings: { message: e.message, values } });
			throw e;
		}
	}
} satisfies Actions;
