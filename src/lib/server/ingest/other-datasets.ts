// Files a user drops in by mistake: other CMS public datasets, which share column names with the
// by-Provider-and-Service file but hold no provider x procedure rows, and claim layouts we have
// no mapping for. Named for what they are, so nobody is told to write a mapping for a file that
// cannot answer the question. Signatures are the datasets' documented column names (CMS data
// dictionaries for the Medicare Physician & Other Practitioners and Part D Prescribers datasets;
// DE-SynPUF codebook; Synthea CSV data dictionary).
import { normalizeHeader } from './header-mapping.ts';

interface Dataset {
	name: string;
	/** every one of these normalised headers is present */
	all: string[];
	/** why it cannot be imported and what to do instead */
	advice: string;
}

const EXPECTED_CMS = 'ClaimLens reads the "Medicare Physician & Other Practitioners - by Provider and Service" file (Rndrng_NPI, HCPCS_Cd, Tot_Srvcs, ...)';

const datasets: Dataset[] = [
	{ name: 'the CMS "Medicare Physician & Other Practitioners - by Geography and Service" file', all: ['rndrngprvdrgeolvl', 'hcpcscd'], advice: `it has no providers (rows are states and the nation); ${EXPECTED_CMS}` },
	{ name: 'the CMS "Medicare Physician & Other Practitioners - by Provider" file', all: ['rndrngnpi', 'tothcpcscds'], advice: `it has one row per provider and no procedure codes; ${EXPECTED_CMS}` },
	{ name: 'the CMS "Medicare Part D Prescribers - by Provider and Drug" file', all: ['prscrbrnpi', 'gnrcname'], advice: `it lists prescriptions, not billed services; ${EXPECTED_CMS}` },
	{ name: 'the CMS "Medicare Part D Prescribers - by Provider" file', all: ['prscrbrnpi', 'totclms'], advice: `it lists prescriptions, not billed services; ${EXPECTED_CMS}` },
	{ name: 'a CMS DE-SynPUF carrier claims file (wide layout: 13 line slots per row, HCPCS_CD_1..13)', all: ['desynpufid', 'hcpcscd1', 'linenchpmtamt1'], advice: 'its lines sit in 13 numbered column sets per row, which ClaimLens does not unpivot; export one row per claim line (claim id, line, NPI, specialty, date, code) instead' },
	{ name: 'a Synthea claims_transactions file', all: ['chargeid', 'claimid', 'procedurecode', 'type'], advice: 'its rows are CHARGE/PAYMENT/TRANSFER transactions coded in SNOMED CT, not claim lines with CPT/HCPCS codes and provider NPIs; ClaimLens offers no Synthea mapping' }
];

/** The dataset a header row belongs to, when it is one we know cannot be imported. */
export function recognisedDataset(headers: string[]): Dataset | null {
	const have = new Set(headers.map(normalizeHeader));
	return datasets.find((d) => d.all.every((h) => have.has(h))) ?? null;
}

/** The refusal for a file whose kind cannot be told from its headers. */
export function unknownKindMessage(fileName: string, headers: string[]): string {
	const known = recognisedDataset(headers);
	if (known) return `${fileName}: this looks like ${known.name}, which cannot be imported: ${known.advice}`;
	return `${fileName}: cannot tell from its headers which kind of file it is (headers: ${headers.slice(0, 12).join(', ')}${headers.length > 12 ? ', ...' : ''}); ` +
		`pass --kind or a --mapping file naming the columns`;
}
