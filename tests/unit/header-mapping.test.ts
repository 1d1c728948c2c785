import { describe, expect, it } from 'vitest';
import { detectKind, mapHeaders, normalizeHeader } from '../../src/lib/server/ingest/header-mapping.ts';

describe('normalizeHeader', () => {
	it('drops case, spaces and punctuation', () => {
		expect(normalizeHeader('Rendering NPI')).toBe('renderingnpi');
		expect(normalizeHeader('CPT/HCPCS')).toBe('cpthcpcs');
		expect(normalizeHeader('\uFEFFMod 1')).toBe('mod1');
		expect(normalizeHeader('Rndrng_NPI')).toBe('rndrngnpi');
	});
});

describe('mapHeaders', () => {
	it('maps common export headers to claim fields', () => {
		const m = mapHeaders(['Claim #', 'Line', 'Rendering NPI', 'Specialty', 'DOS', 'CPT/HCPCS', 'Mod 1', 'Mod 2', 'Billed Amount', 'Whatever'], 'claims');
		expect(m.columns).toMatchObject({
			claim_id: 'Claim #', line_number: 'Line', rendering_npi: 'Rendering NPI', specialty: 'Specialty',
			service_date: 'DOS', procedure_code: 'CPT/HCPCS', modifier_1: 'Mod 1', modifier_2: 'Mod 2', charge_amount: 'Billed Amount'
		});
		expect(m.unused).toEqual(['Whatever']);
		expect(m.missingRequired).toEqual([]);
	});
	it('prefers the exact canonical name over a synonym', () => {
		const m = mapHeaders(['npi', 'rendering_npi', 'claim_id', 'line_number', 'specialty', 'service_date', 'procedure_code'], 'claims');
		expect(m.columns.rendering_npi).toBe('rendering_npi');
	});
	it('reports missing required fields', () => {
		// specialty is not required of the file: a provider roster can give it (import-file.ts checks)
		expect(mapHeaders(['CPT', 'DOS'], 'claims').missingRequired).toEqual(['claim_id', 'line_number', 'rendering_npi']);
	});
	it('lets a mapping file win, and refuses one naming an absent column', () => {
		const m = mapHeaders(['Doctor', 'Code', 'When', 'Claim', 'Ln', 'Dept'], 'claims', { columns: { rendering_npi: 'Doctor', procedure_code: 'Code', service_date: 'When', specialty: 'Dept' } });
		expect(m.missingRequired).toEqual([]);
		expect(() => mapHeaders(['A'], 'claims', { columns: { rendering_npi: 'Nope' } })).toThrow(/not a column/);
		expect(() => mapHeaders(['A'], 'claims', { columns: { bogus: 'A' } })).toThrow(/unknown claims field/);
	});
	it('recognises the current CMS layout without a mapping', () => {
		const m = mapHeaders(['Rndrng_NPI', 'Rndrng_Prvdr_Last_Org_Name', 'Rndrng_Prvdr_First_Name', 'Rndrng_Prvdr_Type', 'HCPCS_Cd', 'Place_Of_Srvc', 'Tot_Benes', 'Tot_Srvcs', 'Avg_Mdcr_Alowd_Amt'], 'cms-provider-service');
		expect(m.missingRequired).toEqual([]);
		expect(m.columns).toMatchObject({ rendering_npi: 'Rndrng_NPI', specialty: 'Rndrng_Prvdr_Type', procedure_code: 'HCPCS_Cd', services: 'Tot_Srvcs', beneficiaries: 'Tot_Benes', avg_allowed: 'Avg_Mdcr_Alowd_Amt' });
	});
});

describe('detectKind', () => {
	it('tells claims, audits and CMS files apart', () => {
		expect(detectKind(['claim_id', 'line_number', 'rendering_npi', 'specialty', 'service_date', 'procedure_code'])).toBe('claims');
		expect(detectKind(['audit_id', 'claim_id', 'line_number', 'coder_id', 'original_code', 'audited_code'])).toBe('audits');
		expect(detectKind(['Rndrng_NPI', 'Rndrng_Prvdr_Type', 'HCPCS_Cd', 'Tot_Srvcs'])).toBe('cms-provider-service');
		expect(detectKind(['a', 'b'])).toBeNull();
	});
});
