import { idleMinutes } from '$lib/server/auth/sessions';
import { permissions } from '$lib/server/auth/roles';
import { patientIdAccess } from '$lib/server/auth/identifiers';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	const role = locals.user?.role ?? null;
	const can = Object.fromEntries(Object.entries(permissions).map(([p, rs]) => [p, role !== null && (rs as readonly string[]).includes(role)]));
	return { user: locals.user, can, patientIds: patientIdAccess(role), idleMinutes: idleMinutes() };
}) satisfies LayoutServerLoad;
