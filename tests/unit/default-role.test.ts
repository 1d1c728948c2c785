// "Add a user" starts on the least privileged role of the permission matrix.
import { describe, expect, it } from 'vitest';
import { leastPrivilegedRole } from '../../src/routes/admin/users/default-role.ts';

describe('leastPrivilegedRole', () => {
	// counted by hand from roles.ts: coding manager 7 grants (overview, accuracy, denials,
	// education_record, data, import, signed_in), auditor 8 (overview, flags, samples, exclusions,
	// cases, cases_work, data, signed_in), admin 11, compliance officer 15
	it('is the coding manager under the shipped matrix (7 grants; auditor 8, admin 11, compliance officer 15)', () => {
		expect(leastPrivilegedRole()).toBe('coding_manager');
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
