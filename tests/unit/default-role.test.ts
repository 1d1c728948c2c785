// "Add a user" starts on the least privileged role of the permission matrix.
import { describe, expect, it } from 'vitest';
import { leastPrivilegedRole } from '../../src/routes/admin/users/default-role.ts';

describe('leastPrivilegedRole', () => {
	it('is the auditor under the shipped matrix (6 grants, tied with the coding manager, and a tie goes to the role listed last; admin 9, compliance officer 10)', () => {
		expect(leastPrivilegedRole()).toBe('auditor');
	});

	it('follows the matrix, not a name', () => {
		// grants: admin 2, compliance officer 1, coding manager 2, auditor 3
		const matrix = { a: ['admin', 'auditor', 'coding_manager'], b: ['admin', 'auditor', 'coding_manager'], c: ['compliance_officer', 'auditor'] } as const;
		expect(leastPrivilegedRole(matrix)).toBe('compliance_officer');
		// a tie goes to the role listed last
		expect(leastPrivilegedRole({ a: ['admin', 'coding_manager', 'auditor'] })).toBe('compliance_officer');
		expect(leastPrivilegedRole({ a: ['admin'], b: ['compliance_officer'] }, ['admin', 'compliance_officer'])).toBe('compliance_officer');
	});
});
