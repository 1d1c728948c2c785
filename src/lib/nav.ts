// The app's areas as the navigation shows them, each with the permission it needs
// (src/lib/server/auth/roles.ts). The layout's menu and the 403 page ("what your role may
// open") read this one list.
export interface NavItem {
	href: string;
	label: string;
	need: 'overview' | 'flags' | 'cases' | 'accuracy' | 'denials' | 'samples' | 'exclusions' | 'data' | 'admin';
	/** what the area is for, in a few words (403 page) */
	what: string;
}

export const navItems: NavItem[] = [
	{ href: '/', label: 'Overview', need: 'overview', what: 'volumes, denial rate and audit coverage by month' },
	{ href: '/flags', label: 'Risk flags', need: 'flags', what: 'outlier billing against peers, with the claim lines behind it' },
	{ href: '/cases', label: 'Cases', need: 'cases', what: 'review cases opened from flags: status, assignee, notes, samples and outcome' },
	{ href: '/workplan', label: 'Work plan', need: 'flags', what: 'providers ranked across every rule: measures flagged, dollars at risk, open cases' },
	{ href: '/accuracy', label: 'Coder accuracy', need: 'accuracy', what: 'audit results by coder, specialty and month' },
	{ href: '/denials', label: 'Denials', need: 'denials', what: 'denial trends by payer, reason and code' },
	{ href: '/samples', label: 'Samples', need: 'samples', what: 'statistically valid audit samples and their appraisal' },
	{ href: '/exclusions', label: 'Exclusions', need: 'exclusions', what: 'providers screened against the OIG LEIE and SAM exclusion lists' },
	{ href: '/data', label: 'Data', need: 'data', what: 'the import log and the data model' },
	{ href: '/admin/users', label: 'Users', need: 'admin', what: 'accounts and roles' },
	{ href: '/admin/audit', label: 'Audit trail', need: 'admin', what: 'who signed in, viewed, exported and changed what' }
];

/** The area a path belongs to (longest matching prefix), or null. */
export function areaOf(path: string): NavItem | null {
	let best: NavItem | null = null;
	for (const n of navItems) {
		const hit = n.href === '/' ? path === '/' : path === n.href || path.startsWith(`${n.href}/`) || (n.href === '/admin/users' && path.startsWith('/admin/users'));
		if (hit && (!best || n.href.length > best.href.length)) best = n;
	}
	return best;
}
