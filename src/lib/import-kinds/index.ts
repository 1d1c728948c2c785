// The import-kind registry (one module per kind, see types.ts). Order matters for detection:
// the first kind whose detect() accepts a file's headers wins. X12 files (835 remittances,
// 837 claims) are recognised by their content and listed in `x12Kinds` for the docs and CLI.
import { audits } from './audits.ts';
import { claims } from './claims.ts';
import { cmsMue } from './cms-mue.ts';
import { cmsNcciPtp } from './cms-ncci-ptp.ts';
import { cmsProviderService } from './cms-provider-service.ts';
import { providerRoster } from './provider-roster.ts';
import { oigLeie } from './oig-leie.ts';
import { samExclusions } from './sam-exclusions.ts';
import type { ImportKindModule } from './types.ts';

export type { ImportKindModule };

/** Table kinds (CSV, CSV.gz, Parquet), in detection order. */
export const tableKinds = [audits, cmsNcciPtp, cmsMue, oigLeie, samExclusions, cmsProviderService, claims, providerRoster] as const;
export type ImportKind = (typeof tableKinds)[number]['id'];
export const importKinds = tableKinds.map((k) => k.id) as ImportKind[];

/** Table kinds in the order users meet them (kind picker, Data page, CLI, docs). */
export const kindsForDisplay = [claims, audits, providerRoster, cmsProviderService, cmsMue, cmsNcciPtp, oigLeie, samExclusions] as const;

/** The module of a table kind. */
export function kindModule(id: ImportKind): ImportKindModule {
	return tableKinds.find((k) => k.id === id) as ImportKindModule;
}

/** Kinds read from X12 interchanges, recognised by ST01 (no --kind needed). */
export const x12Kinds = [
	{ id: 'remittance', label: 'X12 835 remittance', help: 'Health care claim payment/advice (005010X221A1) from a payer or clearinghouse: claim payments (CLP), service lines (SVC), adjustments (CAS) and provider adjustments (PLB). Feeds denials; matched to imported claim lines by claim id and line.' },
	{ id: 'claims (X12 837)', label: 'X12 837P / 837I claims', help: 'Professional (005010X222A1) or institutional (005010X223A2) claim files as billing systems send them: one claim line per SV1/SV2, loaded as claim lines (specialty from the provider roster).' }
] as const;
