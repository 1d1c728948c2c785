// Who sees patient ids (security issue 15, "Compliance officers: decide whether claim and patient
// ids are theirs to see"). The decision, stated in the README's matrix:
//   - claim ids: every role that may open the lines (admin, compliance officer, auditor on Risk
//     flags and samples; coding manager and admin on accuracy and denials). A refund, a payment
//     hold or a record request is made per claim, so claim ids are the minimum the work needs.
//   - patient ids (medical record numbers, member ids): auditors only, who pull the records.
//     Every other role, on screen and in the lines CSV, gets surrogates numbered within the
//     response ("patient 1", "patient 2", in order of first appearance): lines of one patient
//     still read as one patient (MUE per day, duplicates), and the surrogate is not derived from
//     the id. Sample exports keep their own de-identification tiers (sampling/access.ts).
//   - the CLI (an operator on the server, role null) sees ids in full.
import type { Role } from './roles.ts';
import type { Row } from '../db/normalize.ts';

export type PatientIdAccess = 'full' | 'surrogate';

export function patientIdAccess(role: Role | null): PatientIdAccess {
	return role === null || role === 'auditor' ? 'full' : 'surrogate';
}

/** Rows with `column` replaced by "patient N" (N by first appearance); nulls stay null. */
export function surrogatePatients(rows: Row[], column = 'patient_id'): Row[] {
	const numbers = new Map<unknown, number>();
	return rows.map((r) => {
		const id = r[column];
		if (id === null || id === undefined) return r;
		let n = numbers.get(id);
		if (n === undefined) {
			n = numbers.size + 1;
			numbers.set(id, n);
		}
		return { ...r, [column]: `patient ${n}` };
	});
}
