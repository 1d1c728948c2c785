// Fixed reference lists for the synthetic demo: specialties, payers, code sets, approximate
// fees, diagnosis codes, adjustment reason codes and made-up names. Fees are round figures
// near the 2025 Medicare physician fee schedule (non-facility, national), good enough for a
// demo; they are not a fee schedule and must not be used as one.

export const SPECIALTIES = [
	'Internal Medicine',
	'Family Practice',
	'Psychiatry',
	'Endocrinology',
	'Emergency Medicine',
	'Dermatology',
	'Pulmonary/Critical Care'
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

/** Providers per specialty (200 in all, at least 20 per peer group). */
export const PROVIDERS_PER_SPECIALTY: Record<Specialty, number> = {
	'Internal Medicine': 36,
	'Family Practice': 36,
	Psychiatry: 28,
	Endocrinology: 22,
	'Emergency Medicine': 28,
	Dermatology: 26,
	'Pulmonary/Critical Care': 24
};

/** Payers with their share of patients and an allowed-amount multiplier vs Medicare. */
export const PAYERS = [
	{ name: 'Medicare', share: 0.4, mult: 1.0 },
	{ name: 'Medicaid', share: 0.2, mult: 0.72 },
	{ name: 'Acme Health Plan', share: 0.25, mult: 1.18 },
	{ name: 'Blue Shield Demo', share: 0.15, mult: 1.25 }
] as const;
export const ACME_PAYER_INDEX = 2;

/** Approximate allowed amount per unit, in dollars. */
export const FEES: Readonly<Record<string, number>> = {
	'99202': 73, '99203': 113, '99204': 169, '99205': 211,
	'99211': 24, '99212': 57, '99213': 92, '99214': 131, '99215': 184,
	'99281': 20, '99282': 38, '99283': 66, '99284': 111, '99285': 176,
	'99221': 104, '99222': 139, '99223': 184, '99231': 41, '99232': 75, '99233': 112,
	'99291': 280, '99292': 139,
	'90791': 175, '90792': 195, '90832': 77, '90834': 104, '90837': 157, '90833': 71, '96127': 5,
	'36415': 3, '36410': 18, '36600': 24,
	'83036': 13, '81002': 3, '93000': 17, '93010': 8, '96372': 15, '20610': 62, '20605': 48,
	'69210': 45, '10005': 110, '95251': 30, G2211: 16,
	'94010': 33, '94060': 55, '94726': 40, '94729': 35, '94618': 42, '31622': 160,
	'12001': 95, '12002': 120, '10060': 110, '29125': 60,
	'11102': 100, '11103': 55, '11104': 125, '17000': 60, '17003': 6, '17110': 107,
	'17311': 640, '17312': 344, '17313': 580, '17314': 320, '17315': 90
};

export function fee(code: string): number {
	const f = FEES[code];
	if (f === undefined) throw new Error(`demo catalog has no fee for ${code}`);
	return f;
}

// Code families, lowest level first (used for bell curves and for audit up/downcoding).
export const EM_EST = ['99211', '99212', '99213', '99214', '99215'] as const;
export const EM_NEW = ['99202', '99203', '99204', '99205'] as const;
export const ED_EM = ['99281', '99282', '99283', '99284', '99285'] as const;
export const PSYCHOTHERAPY = ['90832', '90834', '90837'] as const;
export const HOSP_INITIAL = ['99221', '99222', '99223'] as const;
export const HOSP_SUBSEQUENT = ['99231', '99232', '99233'] as const;
export const FAMILIES: readonly (readonly string[])[] = [
	EM_EST, EM_NEW, ED_EM, PSYCHOTHERAPY, HOSP_INITIAL, HOSP_SUBSEQUENT,
	['36415', '36410'], ['94010', '94060'], ['12001', '12002'], ['11102', '11104']
];

/** Codes whose `minutes` column is filled (on most, not all, lines). */
export const TIMED_CODES: ReadonlySet<string> = new Set(['90832', '90834', '90837', '99291', '99292']);

/**
 * Minimum minutes per code, used only to keep ordinary providers far below 24 h a day (the
 * generator caps a normal provider-day at 20 h by this table, so only the planted
 * `impossible_day` dates exceed 24 h whatever per-code minimums a rule uses).
 */
export const MIN_MINUTES: Readonly<Record<string, number>> = {
	'90832': 16, '90834': 38, '90837': 53, '90833': 16, '90791': 60, '90792': 60,
	'99291': 30, '99292': 30, '99202': 15, '99203': 30, '99204': 45, '99205': 60,
	'99211': 5, '99212': 10, '99213': 20, '99214': 30, '99215': 40,
	'99221': 40, '99222': 55, '99223': 75, '99231': 25, '99232': 35, '99233': 50
};

/** Procedures significant enough that a same-day E/M normally carries modifier 25. */
export const SIGNIFICANT_PROCEDURES: ReadonlySet<string> = new Set([
	'20610', '20605', '17110', '11102', '11104', '17000', '69210', '10005', '96372',
	'12001', '12002', '10060', '29125', '31622', '17311', '17313'
]);

export const DX: Record<Specialty, readonly string[]> = {
	'Internal Medicine': ['I10', 'E11.9', 'E78.5', 'E66.9', 'J44.9', 'N18.30', 'K21.9', 'M54.50',
		'Z00.00', 'R53.83', 'E03.9', 'I48.91', 'F41.9', 'E11.22', 'I25.10'],
	'Family Practice': ['J06.9', 'I10', 'E11.9', 'M54.50', 'Z00.00', 'Z23', 'J02.9', 'N39.0', 'R05.9',
		'E78.5', 'F32.A', 'L30.9', 'M25.561', 'J01.90', 'H61.23'],
	Psychiatry: ['F32.1', 'F33.1', 'F41.1', 'F43.10', 'F31.81', 'F90.0', 'F43.23', 'F42.2', 'F20.9',
		'F41.0', 'F33.2', 'F60.3'],
	Endocrinology: ['E11.65', 'E11.9', 'E10.9', 'E05.00', 'E03.9', 'E21.0', 'E28.2', 'E55.9', 'M81.0',
		'E78.5', 'E04.1', 'E11.40', 'E66.01', 'E27.40'],
	'Emergency Medicine': ['R07.9', 'R10.9', 'S01.81XA', 'S61.411A', 'J18.9', 'R55', 'N39.0', 'S93.401A',
		'R51.9', 'I21.4', 'K35.80', 'J45.901', 'R06.02', 'T78.40XA', 'S09.90XA'],
	Dermatology: ['L57.0', 'L82.1', 'L70.0', 'L40.0', 'D22.5', 'L30.9', 'L21.9', 'D23.9', 'Z85.828', 'L72.0'],
	'Pulmonary/Critical Care': ['J44.1', 'J44.9', 'J96.01', 'J96.00', 'J18.9', 'A41.9', 'J84.10', 'J45.50',
		'R06.02', 'G47.33', 'J98.4', 'I26.99', 'J81.0', 'J96.21', 'J44.0']
};
export const DX_MOHS = ['C44.311', 'C44.319', 'C44.41', 'C44.42', 'C44.321', 'C44.519', 'C44.612', 'C44.712'];
export const DX_SKIN_BIOPSY = ['D48.5', 'L98.9', 'D22.5', 'D23.9', 'D49.2', 'L82.0'];
export const DX_WART = ['B07.8', 'B07.0'];
export const DX_ACTINIC = ['L57.0'];

/** Group code + CARC. Our own grouping; descriptions are X12 property and not shipped here. */
export const CARC_CLAIM = ['CO-27', 'CO-22', 'CO-29', 'CO-16', 'CO-31', 'CO-109', 'CO-197', 'PR-96', 'PI-16', 'CO-18'];
export const CARC_CLAIM_WEIGHTS = [20, 10, 8, 15, 7, 10, 8, 5, 5, 4];
export const CARC_LINE = ['CO-97', 'CO-50', 'CO-151', 'CO-167', 'CO-236', 'CO-96', 'CO-16', 'OA-18', 'OA-23', 'PR-204'];
export const CARC_LINE_WEIGHTS = [22, 15, 10, 12, 6, 8, 10, 4, 5, 8];
export const CARC_PARTIAL = ['PR-1', 'PR-2', 'OA-23'];
export const CARC_AUTH = ['CO-197', 'CO-15'];
/** Codes payers often bundle (deny CO-97) when billed with an E/M. */
export const OFTEN_BUNDLED: ReadonlySet<string> = new Set(['36415', '36410', 'G2211', '93010', '96127', '81002']);

// Made-up name parts. Any resemblance to a real clinician is coincidence.
export const LAST_NAMES = ['Abernathy', 'Okafor', 'Lindqvist', 'Marchetti', 'Nakamura', 'Castellano',
	'Whitfield', 'Adeyemi', 'Brennan', 'Szabo', 'Delacroix', 'Haverford', 'Ibarra', 'Janowski',
	'Kowalczyk', 'Larkspur', 'Montague', 'Novak', 'Oyelaran', 'Pemberton', 'Quintero', 'Rasmussen',
	'Sorensen', 'Takahashi', 'Underhill', 'Valdivia', 'Wexler', 'Yilmaz', 'Zelinski', 'Achterberg',
	'Bellamy', 'Carrow', 'Dunmore', 'Eastwood', 'Fairbanks', 'Gallardo', 'Holloway', 'Iverson',
	'Kincaid', 'Lockhart'];
export const FIRST_NAMES = ['Avery', 'Bianca', 'Caleb', 'Dana', 'Elias', 'Farah', 'Gideon', 'Hana',
	'Imani', 'Jonah', 'Keiko', 'Lars', 'Mirela', 'Nikhil', 'Odette', 'Priya', 'Quentin', 'Rosalind',
	'Soren', 'Tamsin', 'Uriel', 'Vera', 'Wendell', 'Ximena', 'Yusuf', 'Zora', 'Anders', 'Beatriz',
	'Cyrus', 'Delphine', 'Emeka', 'Freya', 'Gustavo', 'Helena', 'Ilse', 'Joaquin'];

/** Twelve coders; each specialty's claims are coded by a pool of them. */
export const CODER_IDS = Array.from({ length: 12 }, (_, i) => `DEMO-K${String(i + 1).padStart(2, '0')}`);
export const CODER_POOLS: Record<Specialty, readonly number[]> = {
	'Internal Medicine': [0, 1, 2, 8],
	'Family Practice': [0, 2, 3, 11],
	Psychiatry: [4, 5],
	Endocrinology: [1, 9, 11],
	'Emergency Medicine': [5, 6, 7],
	Dermatology: [3, 9, 10],
	'Pulmonary/Critical Care': [6, 8, 11]
};
/** Planted coder accuracies (by index); the rest are drawn in 94.5-98.5%. */
export const CODER_PLANTED: Readonly<Record<number, { accuracy: number; planted: 'low' | 'normal' }>> = {
	3: { accuracy: 0.84, planted: 'low' },
	8: { accuracy: 0.87, planted: 'low' },
	6: { accuracy: 0.992, planted: 'normal' }
};
export const AUDITOR_IDS = ['DEMO-A1', 'DEMO-A2', 'DEMO-A3', 'DEMO-A4'];
