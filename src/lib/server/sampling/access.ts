// Who may export at which de-identification tier (security.md "Exports": the full tier needs the
// auditor role; everyone with sampling access may take the limited data set or safe harbor),
// and whose name goes on a draw or an export: the signed-in user, else the name given (CLI),
// else "unknown".
import type { Tier } from '../../schemas/sampling.ts';
import { UNKNOWN_USER } from './draw.ts';

/** role null = no session (CLI, tests): every tier. */
export function allowedTiers(role: string | null | undefined): Tier[] {
	return role && role !== 'auditor' ? ['limited', 'safe_harbor'] : ['full', 'limited', 'safe_harbor'];
}

export function actorName(user: { email: string } | null | undefined, given?: string | null): string {
	return user?.email ?? (given?.trim() || UNKNOWN_USER);
}
