// Roles and the permission matrix (security.md "Access"). Every route id the app serves must
// appear in routeAccess: hooks.server.ts refuses unknown routes (fail closed), and
// tests/integration/route-access.test.ts fails when a route file has no entry.
export const roles = ['admin', 'compliance_officer', 'coding_manager', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const permissions = {
	overview: ['admin', 'compliance_officer', 'coding_manager', 'auditor'],
	flags: ['admin', 'compliance_officer', 'auditor'],
	accuracy: ['admin', 'compliance_officer', 'coding_manager'],
	denials: ['admin', 'compliance_officer', 'coding_manager'],
	samples: ['compliance_officer', 'auditor'],
	/** exclusion screening results (the lists are public; the matched providers' claim dollars are not) */
	exclusions: ['admin', 'compliance_officer', 'auditor'],
	/** confirm or dismiss a name match: the compliance officer, who owns the screening program and its file */
	exclusions_decide: ['compliance_officer'],
	/** review cases: read (flag statistics and notes; no patient identifiers) */
	cases: ['admin', 'compliance_officer', 'auditor'],
	/** open a case from a flag, add notes, link samples, move it through review (not close it) */
	cases_work: ['compliance_officer', 'auditor'],
	/** assign a case, set its due date, close it with an outcome or reopen it: the compliance officer owns the program */
	cases_manage: ['compliance_officer'],
	/** record coder education and change the accuracy target and re-audit bands */
	education_record: ['compliance_officer', 'coding_manager'],
	/** the compliance committee pack: flags, work plan, denials, accuracy and cases together */
	reports_committee: ['admin', 'compliance_officer'],
	data: ['admin', 'compliance_officer', 'coding_manager', 'auditor'],
	import: ['admin', 'compliance_officer', 'coding_manager'],
	admin: ['admin'],
	signed_in: ['admin', 'compliance_officer', 'coding_manager', 'auditor']
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions | 'public';

/** What the audit trail records for a request to this route (besides sign-in and changes). */
export type AuditKind = 'view' | 'export' | null;

export interface RouteAccess {
	/** GET/HEAD permission */
	read: Permission;
	/** POST/PUT/PATCH/DELETE permission (default: same as read) */
	write?: Permission;
	audit?: AuditKind;
}

export function allowed(permission: Permission, role: Role | null): boolean {
	if (permission === 'public') return true;
	return role !== null && (permissions[permission] as readonly Role[]).includes(role);
}

export function permissionFor(access: RouteAccess, method: string): Permission {
	return method === 'GET' || method === 'HEAD' ? access.read : (access.write ?? access.read);
}
