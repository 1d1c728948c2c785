// Own specialty names -> CMS provider types (issue 11: own providers against national peers).
// Practices name specialties their own way; the CMS by-Provider-and-Service file uses CMS
// provider types (Rndrng_Prvdr_Type, from the Medicare specialty codes). The defaults below map
// common own names; the user's edits (table specialty_map) win; otherwise a name that is itself
// a CMS provider type maps to itself. Pure.

/** Defaults: own name (lower case) -> CMS provider type, as the CMS file spells it. */
export const DEFAULT_SPECIALTY_MAP: Record<string, string> = {
	'pulmonary/critical care': 'Pulmonary Disease',
	'pulmonology': 'Pulmonary Disease',
	'critical care': 'Critical Care (Intensivists)',
	'pediatrics': 'Pediatric Medicine',
	'orthopedics': 'Orthopedic Surgery',
	'orthopaedics': 'Orthopedic Surgery',
	'ob/gyn': 'Obstetrics & Gynecology',
	'obstetrics and gynecology': 'Obstetrics & Gynecology',
	'ent': 'Otolaryngology',
	'cardiology': 'Cardiology',
	'endocrinology': 'Endocrinology',
	'gastroenterology': 'Gastroenterology',
	'family medicine': 'Family Practice',
	'general practice': 'General Practice',
	'psychiatry': 'Psychiatry',
	'dermatology': 'Dermatology',
	'emergency medicine': 'Emergency Medicine',
	'internal medicine': 'Internal Medicine',
	'family practice': 'Family Practice',
	'nurse practitioner': 'Nurse Practitioner',
	'physician assistant': 'Physician Assistant',
	'clinical psychology': 'Clinical Psychologist',
	'psychology': 'Clinical Psychologist',
	'social work': 'Licensed Clinical Social Worker'
};

export interface SpecialtyMapping {
	own: string;
	cms: string | null;
	/** user: edited; default: from DEFAULT_SPECIALTY_MAP; same name: the own name is a CMS type; none */
	basis: 'user' | 'default' | 'same name' | 'none';
}

/**
 * The CMS provider type of each own specialty.
 * @param own the own specialties (claims)
 * @param cmsTypes the provider types present in the CMS rows of the year compared with
 * @param user the user's edits, own -> CMS type (exact own names)
 */
export function mapSpecialties(own: string[], cmsTypes: string[], user: Record<string, string>): SpecialtyMapping[] {
	const types = new Map(cmsTypes.map((t) => [t.toLowerCase(), t]));
	return own.map((o) => {
		if (user[o]) return { own: o, cms: user[o] as string, basis: 'user' as const };
		const d = DEFAULT_SPECIALTY_MAP[o.toLowerCase()];
		if (d && types.has(d.toLowerCase())) return { own: o, cms: types.get(d.toLowerCase()) as string, basis: 'default' as const };
		const same = types.get(o.toLowerCase());
		if (same) return { own: o, cms: same, basis: 'same name' as const };
		return { own: o, cms: null, basis: 'none' as const };
	});
}
