// Header matching: a file's own column names -> the canonical fields of one import kind.
// Case-insensitive, punctuation-insensitive, with synonyms from real exports, and a user mapping
// file that wins over everything. Pure: unit-tested in tests/unit/header-mapping.test.ts.
import { fieldsByKind, type FieldDef, type ImportKind, type MappingFile } from '../../schemas/fields.ts';
import { tableKinds } from '../../import-kinds/index.ts';

/** "Rendering NPI" -> "renderingnpi", "CPT/HCPCS" -> "cpthcpcs", "Mod 1" -> "mod1". */
export function normalizeHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.toLowerCase()
		.replace(/[^a-z0-9#]/g, '');
}

export interface HeaderMapping {
	kind: ImportKind;
	/** canonical field -> the file's header it reads from */
	columns: Record<string, string>;
	/** file headers that matched no field (kept out of the database, listed to the user) */
	unused: string[];
	/** required canonical fields with no column */
	missingRequired: string[];
}

function keysOf(field: FieldDef): string[] {
	return [field.name, ...field.synonyms].map(normalizeHeader);
}

export function mapHeaders(headers: string[], kind: ImportKind, mapping?: MappingFile): HeaderMapping {
	const fields = fieldsByKind[kind];
	const columns: Record<string, string> = {};
	const taken = new Set<string>();
	const byNorm = new Map<string, string>();
	for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);

	// 1. explicit mapping file entries (must name real headers and real fields)
	for (const [field, header] of Object.entries(mapping?.columns ?? {})) {
		if (!fields.some((f) => f.name === field)) {
			throw new Error(`mapping file names unknown ${kind} field "${field}" (known: ${fields.map((f) => f.name).join(', ')})`);
		}
		const actual = headers.find((h) => h === header) ?? byNorm.get(normalizeHeader(header));
		if (!actual) throw new Error(`mapping file maps ${field} to "${header}", which is not a column of this file`);
		columns[field] = actual;
		taken.add(actual);
	}
	// 2. exact canonical names first, then synonyms, so "npi" never steals a better match
	for (const pass of [0, 1] as const) {
		for (const field of fields) {
			if (columns[field.name]) continue;
			const keys = pass === 0 ? [normalizeHeader(field.name)] : keysOf(field);
			for (const key of keys) {
				const h = byNorm.get(key);
				if (h && !taken.has(h)) {
					columns[field.name] = h;
					taken.add(h);
					break;
				}
			}
		}
	}
	const missingRequired = fields.filter((f) => f.required && !columns[f.name]).map((f) => f.name);
	const unused = headers.filter((h) => !taken.has(h));
	return { kind, columns, unused, missingRequired };
}

/**
 * Which kind a file is, from its headers: the first registry kind (src/lib/import-kinds/) whose
 * detect() accepts them. Returns null when nothing fits (the caller asks for --kind).
 */
export function detectKind(headers: string[], mapping?: MappingFile): ImportKind | null {
	if (mapping?.kind) return mapping.kind;
	// A mapping file without a kind may still name columns: use it where it fits the kind.
	const safeMap = (kind: ImportKind) => {
		try {
			return mapHeaders(headers, kind, mapping);
		} catch {
			return mapHeaders(headers, kind);
		}
	};
	const claimIdFits = Boolean(safeMap('claims').columns.claim_id);
	for (const k of tableKinds) {
		const cols = safeMap(k.id).columns;
		if (k.detect((field) => Boolean(cols[field]), claimIdFits)) return k.id;
	}
	return null;
}

/** One line per field, for the CLI and the import log: "rendering_npi <- Rendering NPI". */
export function describeMapping(m: HeaderMapping): string[] {
	const lines = Object.entries(m.columns).map(([field, header]) => `${field} <- ${header}`);
	if (m.unused.length) lines.push(`not used: ${m.unused.join(', ')}`);
	return lines;
}
