// Import kind "cms-provider-service": the CMS "Medicare Physician & Other Practitioners - by
// Provider and Service" public file (one row per NPI x HCPCS x place of service). Feeds the peer
// rules as national peers. Other CMS datasets are named and refused (server/ingest/other-datasets.ts).
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

export const cmsFields: FieldDef[] = [
	{ name: 'rendering_npi', type: 'npi', required: true, synonyms: ['rndrng npi', 'npi'], description: 'Rndrng_NPI' },
	{ name: 'provider_last_name', type: 'text', synonyms: ['rndrng prvdr last org name', 'nppes provider last org name'], description: 'Rndrng_Prvdr_Last_Org_Name' },
	{ name: 'provider_first_name', type: 'text', synonyms: ['rndrng prvdr first name', 'nppes provider first name'], description: 'Rndrng_Prvdr_First_Name' },
	{ name: 'specialty', type: 'text', required: true, synonyms: ['rndrng prvdr type', 'provider type'], description: 'Rndrng_Prvdr_Type' },
	{ name: 'procedure_code', type: 'code', required: true, synonyms: ['hcpcs cd', 'hcpcs code', 'hcpcs'], description: 'HCPCS_Cd' },
	{ name: 'place_of_service', type: 'code', synonyms: ['place of srvc', 'place of service'], description: 'Place_Of_Srvc (F facility, O office)' },
	{ name: 'services', type: 'number', required: true, synonyms: ['tot srvcs', 'line srvc cnt'], description: 'Tot_Srvcs' },
	{ name: 'beneficiaries', type: 'int', synonyms: ['tot benes', 'bene unique cnt'], description: 'Tot_Benes' },
	{ name: 'avg_charge', type: 'money', fractionalCents: true, synonyms: ['avg sbmtd chrg', 'average submitted chrg amt'], description: 'Avg_Sbmtd_Chrg' },
	{ name: 'avg_allowed', type: 'money', fractionalCents: true, synonyms: ['avg mdcr alowd amt', 'average medicare allowed amt'], description: 'Avg_Mdcr_Alowd_Amt' },
	{ name: 'avg_paid', type: 'money', fractionalCents: true, synonyms: ['avg mdcr pymt amt', 'average medicare payment amt'], description: 'Avg_Mdcr_Pymt_Amt' }
];

export const cmsProviderService = {
	id: 'cms-provider-service',
	label: 'CMS provider-and-service file',
	help: 'The CMS "Medicare Physician & Other Practitioners - by Provider and Service" file (Rndrng_NPI, HCPCS_Cd, Tot_Srvcs, ...), current layout without a mapping; the 2012-2016 layout with examples/mappings/cms-puf-2012-2016.json. Each file is one data year (from --year or the file name, e.g. ..._2019.csv); flags compare providers within one year. National peers for the peer rules.',
	fields: cmsFields,
	target: 'provider_services',
	targetColumns: ['rendering_npi', 'provider_name', 'specialty', 'place_of_service', 'procedure_code', 'services', 'beneficiaries', 'avg_charge', 'avg_allowed', 'avg_paid'],
	detect: (fits, claimIdFits) => fits('services') && fits('procedure_code') && !claimIdFits,
	finish(exprs) {
		exprs.set('provider_name', `nullif(concat_ws(', ', ${exprs.get('provider_last_name')}, ${exprs.get('provider_first_name')}), '')`);
	},
	tag: { column: 'source', value: 'cms' },
	dataYear: true
} satisfies ImportKindModule<'cms-provider-service'>;
