// Own specialty -> CMS provider type, for the national benchmark (issue 11): the mapping in force
// (defaults, the user's edits, same names) and the form to change one (audited).
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getSpecialtyMap, resetSpecialty, setSpecialty, SpecialtyMapRefused } from '$lib/server/rules/specialty-map';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({ map: await getSpecialtyMap() })) satisfies PageServerLoad;

const Set = z.object({ own: z.string().trim().min(1, 'the own specialty').max(200), cms: z.string().trim().max(200) });

export const actions = {
	set: async ({ request, locals }) => {
		const f = Set.safeParse(Object.fromEntries(await request.formData()));
		if (!f.success) return fail(400, { message: f.error.issues[0]?.message ?? 'bad input' });
		const by = { by: locals.user?.email ?? 'unknown', userId: locals.user?.user_id ?? null };
		try {
			if (f.data.cms) await setSpecialty(f.data.own, f.data.cms, by);
			else await resetSpecialty(f.data.own, by);
		} catch (e) {
			if (e instanceof SpecialtyMapRefused) return fail(400, { message: e.message });
			throw e;
		}
		return { saved: f.data.own };
	}
} satisfies Actions;
