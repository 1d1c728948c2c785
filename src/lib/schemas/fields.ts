// The canonical data model's building blocks: field types and definitions (each import kind's
// fields live in its registry module, src/lib/import-kinds/), the mapping file schema. Shared by the importer (server), the CLI
// and the Data page's documentation table. README "Data model" mirrors this file.
import { z } from 'zod';

import { importKinds, tableKinds, type ImportKind as KindId } from '../import-kinds/index.ts';

export { importKinds };
/** The table import kinds of the registry (src/lib/import-kinds/): one module each. */
export const ImportKind = z.enum(importKinds as unknown as [KindId, ...KindId[]]);
export type ImportKind = KindId;

/** How a raw text value becomes a typed value (see build-staging-sql.ts for each rule). */
export type FieldType =
	| 'text' // trimmed text, empty -> NULL
	| 'code' // trimmed, upper-cased (procedure codes, POS, ids that compare case-insensitively)
	| 'npi' // 10 digits with a valid CMS check digit (Luhn over 80840 + 9 digits)
	| 'date' // ISO YYYY-MM-DD, US MM/DD/YYYY or YYYYMMDD
	| 'int' // whole number
	| 'money' // decimal with optional $ and thousands separators, DECIMAL(14,2)
	| 'number' // decimal count (CMS service counts can be fractional)
	| 'list' // ;-, comma- or |-separated list of codes
	| 'status'; // claim line status: paid, denied, partial, pending

export interface FieldDef {
	name: string;
	type: FieldType;
	required?: boolean;
	/** SQL literal used when the column is absent or empty (e.g. units default 1). */
	defaultSql?: string;
	/** Header spellings seen in real exports; compared after normalizeHeader(). */
	synonyms: string[];
	/** an average (CMS Avg_* columns): fractions of a cent are normal, not a misread thousands point */
	fractionalCents?: boolean;
	/** values that mean "none" in this field (CMS writes * for an NCCI deletion date in force) */
	nullValues?: string[];
	/** stored value = group 1 of this regex over the text (CMS MAI "2 Date of Service Edit: Policy" -> 2); no match = bad value */
	extract?: { pattern: string; expected: string };
	description: string;
}

export const lineStatuses = ['paid', 'denied', 'partial', 'pending'] as const;






/** Fields of each table import kind, from the registry. */
export const fieldsByKind: Record<ImportKind, FieldDef[]> = Object.fromEntries(tableKinds.map((k) => [k.id, k.fields])) as Record<ImportKind, FieldDef[]>;

/** The data year of a yearly CMS file (--year, the upload form's data year). */
export const DataYear = z.coerce.number().int().min(1990).max(2099);

/** Text encodings a file can be declared in (a mapping's "encoding", the CLI's --encoding). */
export const TextEncodingName = z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']);

/**
 * A user-supplied mapping file: canonical field -> the header in their file, and optionally how
 * the file writes its values: text encoding, decimal separator ('.' for 1,234.56, ',' for
 * 1.234,56) and date layouts (strptime formats such as "%d-%b-%Y" for 30-May-2015, tried
 * after ISO dates and before the defaults).
 */
export const MappingFile = z.object({
	kind: ImportKind.optional(),
	columns: z.record(z.string(), z.string().min(1)),
	encoding: TextEncodingName.optional(),
	decimal: z.enum(['.', ',']).optional(),
	dateFormats: z.array(z.string().regex(/^[%A-Za-z0-9 /.:,_-]{2,40}$/, 'a strptime format such as %d-%b-%Y')).min(1).optional()
}).strict();
export type MappingFile = z.infer<typeof MappingFile>;
