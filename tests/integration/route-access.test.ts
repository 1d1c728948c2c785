// Every route file the app serves has an entry in the permission matrix
// (src/lib/server/auth/route-access.ts); hooks.server.ts refuses routes without one, so a new
// page or endpoint must be added there, with its role list, before it can be used.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessFor, routeAccess } from '../../src/lib/server/auth/route-access.ts';
import { allowed, permissions, roles } from '../../src/lib/server/auth/roles.ts';

function routeIds(dir: string, root = dir): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...routeIds(path, root));
		else if (/^\+(page|server)\.(svelte|ts)$/.test(name) || /^\+page\.server\.ts$/.test(name)) {
			const rel = relative(root, dir).split(sep).filter((s) => !/^\(.*\)$/.test(s)).join('/');
			out.push(`/${rel}`.replace(/\/$/, '') || '/');
		}
	}
	return [...new Set(out)].sort();
}

const ids = routeIds(join(process.cwd(), 'src', 'routes'));

describe('permission matrix', () => {
	it('finds the app routes', () => {
		expect(ids).toEqual(expect.arrayContaining(['/', '/login', '/flags', '/flags/provider/[npi]', '/api/flags/lines.csv', '/admin/audit', '/account']));
	});
	it.each(ids)('%s has an entry', (id) => {
		expect(accessFor(id), `add ${id} to src/lib/server/auth/route-access.ts`).not.toBeNull();
	});
	it('has no stale entries', () => {
		const stale = Object.keys(routeAccess).filter((k) => (k.endsWith('/*') ? !ids.some((id) => id.startsWith(k.slice(0, -2))) : !ids.includes(k)));
		expect(stale).toEqual([]);
	});
	it('follows the example matrix of security.md', () => {
		expect(allowed('flags', 'coding_manager')).toBe(false);
		expect(allowed('accuracy', 'auditor')).toBe(false);
		expect(roles.filter((r) => allowed('samples', r))).toEqual(['compliance_officer', 'auditor']);
		expect(permissions.admin).toEqual(['admin']);
		expect(accessFor('/admin/users')?.read).toBe('admin');
		expect(accessFor('/login')?.read).toBe('public');
		// every role changes its own password (and must be able to when the must-change flag is set)
		expect(accessFor('/account')).toEqual({ read: 'signed_in', write: 'signed_in' });
		expect(roles.filter((r) => allowed('signed_in', r))).toEqual([...roles]);
	});
});
