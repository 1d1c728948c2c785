// The Exclusions page: the screening (screen()), and the confirm / dismiss action on a match.
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { decide, screen, UnknownMatch } from '$lib/server/exclusions/screen';
import { allowed } from '$lib/server/auth/roles';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => ({
	screening: await screen(),
	canDecide: allowed('exclusions_decide', locals.user?.role ?? null)
})) satisfies PageServerLoad;

const Decision = z.object({
	match_id: z.string().regex(/^[0-9a-f]{12}$/, 'unknown match'),
	status: z.enum(['confirmed', 'dismissed']),
	note: z.string().trim().max(500).optional()
});

export const actions = {
	decide: async ({ request, locals }) => {
		const d = Decision.safeParse(Object.fromEntries(await request.formData()));
		if (!d.success) return fail(400, { message: `${d.error.issues[0]?.path.join('.')}: ${d.error.issues[0]?.message}` });
		try {
			const r = await decide(d.data.match_id, d.data.status, { by: locals.user?.email ?? 'unknown', userId: locals.user?.user_id ?? null, note: d.data.note || undefined });
			return { decided: r };
		} catch (e) {
			if (e instanceof UnknownMatch) return fail(404, { message: e.message });
			throw e;
		}
	}
} satisfies Actions;
