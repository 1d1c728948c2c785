// The role "Add a user" starts on: the least privileged one, so a hurried admin grants too little
// rather than too much. Read from the permission matrix (src/lib/server/auth/roles.ts): the role
// named in the fewest permissions. Today that is the auditor (overview, risk flags, samples, the
// Data page's import log and sign-in: 5 of the 9 grants; coding managers have 6), even though
// auditors see patient ids in full (they pull the records; auth/identifiers.ts).
import { permissions as matrix, roles as allRoles, type Role } from '$lib/server/auth/roles';

/** The role in the fewest permissions; on a tie, the one listed last in `roles`. */
export function leastPrivilegedRole(permissions: Record<string, readonly Role[]> = matrix, roles: readonly Role[] = allRoles): Role {
	const grants = (r: Role) => Object.values(permissions).filter((rs) => rs.includes(r)).length;
	return roles.reduce((best, r) => (grants(r) <= grants(best) ? r : best));
}
