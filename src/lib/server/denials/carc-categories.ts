// The project's CARC category table: claim adjustment reason codes -> one of our denial
// categories, with our own short labels. Codes only: the official CARC descriptions are X12's
// property and are not shipped (domain.md "Denials"). Codes missing here count as "other" and
// are listed on the Denials page. 'adjustment' marks payment adjustments that are not denial
// reasons (CO-45 contractual, PR-1/2/3 patient share, ...): a line's category skips them.
// The SQL side (queries/schema_remittance.sql, macro denial_scored) receives this table as two
// bound lists; the denial rule itself exists only there (tests/integration/denial-rule.test.ts).
// isReasonCode() tells the 835 parser a paid line's status (partial), not whether it is denied.
import type { CarcEntry, DenialCategory } from '../../schemas/denials.ts';

type Cat = DenialCategory | 'adjustment';
const t = (category: Cat, rows: [string, string][]): CarcEntry[] => rows.map(([carc, label]) => ({ carc, category, label }));

export const carcTable: CarcEntry[] = [
	...t('adjustment', [
		['1', 'patient deductible'], ['2', 'patient coinsurance'], ['3', 'patient copay'],
		['45', 'above contracted fee'], ['66', 'blood deductible'],
		['94', 'paid beyond the charge'], ['122', 'psychiatric reduction'], ['142', 'Medicaid patient liability'],
		['144', 'incentive adjustment'], ['187', 'health spending account paid'], ['237', 'regulatory penalty'],
		['253', 'sequestration cut']
	]),
	...t('eligibility', [
		['19', 'work injury: workers\u2019 comp'], ['20', 'injury: liability insurer'], ['21', 'injury: no-fault insurer'],
		['22', 'another payer is primary'], ['23', 'prior payer\u2019s payment (COB)'], ['24', 'capitated / managed-care plan'], ['26', 'before coverage began'],
		['27', 'after coverage ended'], ['31', 'member not found'], ['32', 'dependent not eligible'],
		['33', 'no dependent coverage'], ['35', 'lifetime maximum used'], ['49', 'routine exam not covered'],
		['96', 'service not covered'], ['109', 'bill another payer'], ['119', 'period benefit maximum used'],
		['140', 'member id and name disagree'], ['149', 'lifetime maximum for this service'],
		['177', 'eligibility rules not met'], ['200', 'gap in coverage'], ['204', 'outside the benefit plan'],
		['242', 'out-of-network provider'], ['B1', 'visit not covered'], ['B11', 'sent on to the right payer']
	]),
	...t('authorization', [
		['15', 'authorization number missing or wrong'], ['39', 'refused when authorization was asked'],
		['62', 'precertification missing or exceeded'], ['183', 'referrer may not refer this'],
		['197', 'no prior authorization'], ['198', 'authorization exceeded'],
		['243', 'not authorized by network / PCP'], ['288', 'no referral']
	]),
	...t('coding', [
		['4', 'modifier wrong or missing'], ['5', 'code does not fit place of service'], ['6', 'code does not fit patient age'],
		['7', 'code does not fit patient sex'], ['8', 'code does not fit provider type'], ['9', 'diagnosis does not fit age'],
		['10', 'diagnosis does not fit sex'], ['11', 'diagnosis does not fit procedure'], ['12', 'diagnosis does not fit provider type'],
		['54', 'assistant / co-surgeon not payable'], ['59', 'multiple-procedure rules'], ['97', 'bundled into another service'],
		['146', 'diagnosis code invalid on that date'], ['181', 'procedure code invalid on that date'],
		['182', 'modifier invalid on that date'], ['189', 'unlisted code where a specific one exists'],
		['199', 'revenue code and procedure code disagree'], ['231', 'mutually exclusive procedures'],
		['234', 'not paid separately'], ['236', 'NCCI pair not allowed together'], ['B15', 'needs a qualifying service']
	]),
	...t('medical_necessity', [
		['40', 'not an emergency'], ['50', 'not medically necessary'], ['55', 'experimental / investigational'],
		['56', 'effectiveness not shown'], ['58', 'wrong setting for the care'], ['150', 'level of service not supported'],
		['151', 'frequency / units not supported'], ['152', 'length of service not supported'],
		['167', 'diagnosis not covered']
	]),
	...t('duplicate', [['18', 'duplicate claim or line'], ['B13', 'already paid earlier']]),
	...t('timely_filing', [['29', 'filing deadline passed'], ['B4', 'late-filing penalty']]),
	...t('missing_info', [
		['16', 'information missing or invalid'], ['110', 'billed before the service date'],
		['125', 'claim form error'], ['129', 'prior processing data wrong'], ['148', 'another provider\u2019s data missing'],
		['163', 'attachment not received'], ['164', 'attachment received late'], ['206', 'NPI missing'],
		['207', 'NPI invalid'], ['208', 'NPI not matched'], ['226', 'requested provider information not sent'],
		['227', 'requested patient information not sent'], ['251', 'attachment lacks required content'],
		['252', 'attachment needed']
	]),
	...t('other', [
		['133', 'pending further review'], ['185', 'rendering provider not eligible'],
		['A1', 'denied, no specific reason'], ['B7', 'provider not certified for this']
	])
];

const byCarc = new Map(carcTable.map((e) => [e.carc, e]));

/** Bound lists for the SQL macro denial_scored(excluded, carc_codes, carc_categories). */
export function carcParams(): { carc_codes: string[]; carc_categories: string[] } {
	return { carc_codes: carcTable.map((e) => e.carc), carc_categories: carcTable.map((e) => e.category) };
}

const GROUPED = /^(CO|PR|OA|PI|CR)-?([A-Z]?[0-9]{1,3})$/;
const BARE = /^([A-Z]?[0-9]{1,3})$/;

/** 'co 97' -> { group: 'CO', carc: '97', code: 'CO-97' } (same rules as the SQL macros). */
export function parseCode(raw: string): { group: string; carc: string; code: string } {
	const norm = raw.trim().replace(/ /g, '').toUpperCase();
	const g = GROUPED.exec(norm);
	if (g) return { group: g[1] ?? '', carc: g[2] ?? '', code: `${g[1]}-${g[2]}` };
	const b = BARE.exec(norm);
	if (b) return { group: '', carc: b[1] ?? '', code: b[1] ?? '' };
	return { group: '', carc: '', code: norm };
}

export function carcEntry(code: string): CarcEntry | undefined {
	return byCarc.get(parseCode(code).carc);
}

export function categoryOf(code: string): Cat {
	return carcEntry(code)?.category ?? 'other';
}

/** A denial reason: CO/PR/OA/PI (or no group) and not a payment adjustment. */
export function isReasonCode(code: string): boolean {
	const { group } = parseCode(code);
	return ['', 'CO', 'PR', 'OA', 'PI'].includes(group) && categoryOf(code) !== 'adjustment';
}
