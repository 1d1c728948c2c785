// The CSV download of every accuracy table (GET /api/accuracy/<table>.csv): the same server
// functions as the page, flattened to columns. toCsv applies the formula-injection guard.
import type { Cell } from '../db/normalize.ts';
import { errorClasses, type AccuracyFilters, type AccuracyGroup, type CsvTable } from '../../schemas/accuracy.ts';
import { accuracyBy, accuracyTrend, getAuditLines, getCodePairs } from './get-accuracy.ts';

export const groupColumns = [
	'group', 'specialties', 'audited_lines', 'correct_lines', 'line_accuracy', 'line_accuracy_low', 'line_accuracy_high', 'line_design_effect',
	'audited_claims', 'correct_claims', 'claim_accuracy', 'claim_accuracy_low', 'claim_accuracy_high',
	'dx_matched', 'dx_compared', 'dx_accuracy', 'dx_accuracy_low', 'dx_accuracy_high',
	'error_lines', ...errorClasses, 'top_error', 'financial_impact', 'overbilled', 'underbilled', 'priced_lines', 'below_target'
];

/** A group as one flat CSV row: the error counts become one column per class. */
export function flattenGroup(g: AccuracyGroup): Record<string, Cell> {
	const { errors, ...rest } = g;
	return { ...rest, ...errors };
}

const pairColumns = ['original_code', 'audited_code', 'error_class', 'lines', 'original_lines', 'coders', 'financial_impact'];
const lineColumns = [
	'audit_id', 'claim_id', 'line_number', 'coder_id', 'auditor_id', 'specialty', 'service_date', 'audit_date', 'result',
	'original_code', 'audited_code', 'original_modifiers', 'audited_modifiers', 'original_units', 'audited_units',
	'original_diagnoses', 'audited_diagnoses', 'billed_amount', 'audited_amount', 'difference'
];

export async function accuracyCsv(table: CsvTable, filters: AccuracyFilters, dbPath?: string): Promise<{ columns: string[]; rows: Record<string, Cell>[] }> {
	switch (table) {
		case 'coders':
		case 'specialties':
		case 'auditors':
		case 'months': {
			const by = table === 'coders' ? 'coder' : table === 'specialties' ? 'specialty' : table === 'auditors' ? 'auditor' : 'month';
			return { columns: groupColumns, rows: (await accuracyBy(by, filters, dbPath)).map(flattenGroup) };
		}
		case 'specialty-months': {
			const cells = await accuracyTrend(filters, dbPath);
			return {
				columns: ['specialty', 'month', ...groupColumns.filter((c) => c !== 'group' && c !== 'specialties')],
				rows: cells.map((c) => flattenGroup(c))
			};
		}
		case 'code-pairs':
			return { columns: pairColumns, rows: (await getCodePairs(filters, 1_000_000, dbPath)).pairs as unknown as Record<string, Cell>[] };
		case 'lines':
			return { columns: lineColumns, rows: (await getAuditLines(filters, { errorsOnly: false, limit: 10_000_000 }, dbPath)).lines as unknown as Record<string, Cell>[] };
	}
}
