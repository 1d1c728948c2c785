import { getOverview } from '$lib/server/overview/get-overview';
import { monitoring } from '$lib/server/rules/monitor';
import { allowed } from '$lib/server/auth/roles';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	// monitoring alerts name providers and rules: for the roles that see flags
	const showAlerts = allowed('flags', locals.user?.role ?? null);
	const m = showAlerts ? await monitoring({ latestOnly: true }) : null;
	// one row per provider, rule and direction: its latest signal and how many months signalled
	const grouped = new Map<string, NonNullable<typeof m>['alerts'][number] & { signals: number }>();
	for (const a of m?.alerts ?? []) {
		const k = `${a.provider_npi}|${a.rule_id}|${a.direction}`;
		const g = grouped.get(k);
		if (g) g.signals++;
		else grouped.set(k, { ...a, signals: 1 });
	}
	return {
		overview: await getOverview(),
		alerts: m ? { method: m.method, importId: m.latest_import_id, months: m.latest_months, total: m.alerts.length, rows: [...grouped.values()] } : null
	};
}) satisfies PageServerLoad;
