// A coder's drill-down (getCoderAccuracy) and their education loop: re-audit status, the
// educations with accuracy before and after each, and the ?/educate action that records one.
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { AccuracyFilters, EducationInput, firstIssue } from '$lib/schemas/accuracy';
import { getCoderAccuracy } from '$lib/server/accuracy/get-accuracy';
import { addEducation, EducationRefused, listEducation, reauditStatus } from '$lib/server/accuracy/education';
import { allowed } from '$lib/server/auth/roles';
import type { Actions, PageServerLoad } from './$types';

const Coder = z.string().trim().min(1).max(200);
const ErrorsOnly = z.enum(['1', 'true', '']).optional().transform((v) => v === '1' || v === 'true');

export const load = (async ({ params, url, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const coder = Coder.safeParse(params.coder);
	const { errors, ...rest } = Object.fromEntries(url.searchParams);
	const q = AccuracyFilters.safeParse(rest);
	const errorsOnly = ErrorsOnly.safeParse(errors);
	if (!coder.success) error(400, 'bad coder id');
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	if (!errorsOnly.success) error(400, 'bad filter: errors: use errors=1');
	const { coder: _ignored, ...filters } = q.data;
	const d = await getCoderAccuracy(coder.data, filters, { errorsOnly: errorsOnly.data, limit: 500 });
	const filtered = Object.values(filters).some((v) => v !== undefined);
	if (d.overall.audited_lines === 0 && !filtered) error(404, `no audited lines for coder ${coder.data}`);
	const [status, educations] = await Promise.all([reauditStatus({ coder: coder.data }), listEducation({ coder: coder.data })]);
	return {
		d,
		errorsOnly: errorsOnly.data,
		target: status.settings.target,
		afterEducationDays: status.settings.after_education_days,
		today: status.today,
		reaudit: status.coders[0] ?? null,
		educations,
		canEducate: allowed('education_record', locals.user?.role ?? null)
	};
}) satisfies PageServerLoad;

/** What the form sent, kept so that a refused form comes back as typed. */
const Typed = z.object({
	given_on: z.string().max(20).catch(''),
	topic: z.string().max(400).catch(''),
	note: z.string().max(2000).catch(''),
	error_classes: z.array(z.string().max(40)).max(20).catch([])
});

export const actions = {
	educate: async ({ request, params, locals }) => {
		// the route already requires education_record for a POST; checked again here (defence in depth)
		if (!locals.user || !allowed('education_record', locals.user.role)) return fail(403, { educate: { message: 'Only a compliance officer or a coding manager can record education.', values: null } });
		const fd = await request.formData();
		const values = Typed.parse({ given_on: fd.get('given_on'), topic: fd.get('topic'), note: fd.get('note'), error_classes: fd.getAll('error_classes') });
		const input = EducationInput.safeParse({ ...values, coder: params.coder });
		if (!input.success) return fail(400, { educate: { message: firstIssue(input.error), values } });
		try {
			const rec = await addEducation(input.data, { by: locals.user.email, userId: locals.user.user_id });
			return { educated: { given_on: rec.given_on, topic: rec.topic } };
		} catch (e) {
			if (e instanceof EducationRefused) return fail(400, { educate: { message: e.message, values } });
			throw e;
		}
	}
} satisfies Actions;
