// Appraisal of a reviewed sample: its manifest (strata, N_h, each unit's examined amount) and
// its findings go through the RAT-STATS appraisals in src/lib/server/stats/. Variable
// (difference estimator) when every finding has an audited amount; attribute (error rate)
// always. Unrestricted for simple and probe samples, stratified for stratified ones. The
// appraisal waits until every sampled unit has a finding (RAT-STATS needs all n values).
// Same function for the page, GET /api/samples/ID/appraisal and `claimlens appraise`.
import type { Finding, Manifest } from '../../schemas/sampling.ts';
import { appraiseVariable, type VariableAppraisal, type StratumValues } from '../stats/appraisal-variable.ts';
import { appraiseAttributeStratified, type AttributeAppraisal } from '../stats/appraisal-attribute.ts';
import { getManifest } from './manifest.ts';
import { appraisalWarnings } from './design-checks.ts';
import { listFindings } from './findings.ts';

export interface SampleAppraisal {
	sample_id: number;
	method: Manifest['method'];
	design: 'unrestricted' | 'stratified';
	status: 'complete' | 'incomplete';
	sample_size: number;
	reviewed: number;
	/** items of sampled units still without a finding */
	missing_items: number[];
	variable: VariableAppraisal | null;
	attribute: AttributeAppraisal | null;
	notes: string[];
	/** the draw's warnings (manifest) and the appraisal's own: precision worse than the target */
	warnings: string[];
	/** what the sample was sized for, from the manifest */
	design_target: Manifest['design_target'];
}

export function appraiseFindings(manifest: Manifest, findings: Finding[]): SampleAppraisal {
	const sampled = manifest.units.filter((u) => u.role === 'sample');
	const byItem = new Map(findings.map((f) => [f.item, f]));
	const missing = sampled.filter((u) => !byItem.has(u.item)).map((u) => u.item);
	const design = manifest.method === 'stratified' && manifest.strata.length > 1 ? 'stratified' : 'unrestricted';
	const base: SampleAppraisal = {
		sample_id: manifest.sample_id,
		method: manifest.method,
		design,
		status: missing.length ? 'incomplete' : 'complete',
		sample_size: sampled.length,
		reviewed: sampled.length - missing.length,
		missing_items: missing,
		variable: null,
		attribute: null,
		notes: [],
		warnings: [...manifest.warnings],
		design_target: manifest.design_target
	};
	if (missing.length) {
		base.notes.push(`${missing.length} of ${sampled.length} sampled units have no finding yet: the appraisal needs all of them.`);
		return base;
	}
	const strata = manifest.strata.map((s) => {
		const units = sampled.filter((u) => u.stratum === s.stratum);
		return { s, units, findings: units.map((u) => byItem.get(u.item) as Finding) };
	});
	base.attribute = appraiseAttributeStratified(
		strata.map(({ s, findings: f }) => ({ stratum: s.stratum, universe: s.size, sample_size: f.length, errors: f.filter((x) => x.error).length }))
	);
	if (findings.every((f) => f.audited_amount !== null)) {
		const values: StratumValues[] = strata.map(({ s, units, findings: f }) => ({
			stratum: s.stratum,
			universe: s.size,
			examined: units.map((u) => u.examined_amount),
			audited: f.map((x) => x.audited_amount as number)
		}));
		base.variable = appraiseVariable(values);
	} else {
		base.notes.push('Some findings give error yes/no without an audited amount: only the attribute (error rate) appraisal is possible.');
	}
	base.warnings.push(...appraisalWarnings(manifest.design_target, base.variable, base.attribute));
	if (manifest.method === 'probe') base.notes.push('A probe sample: use its mean and SD of differences to size the full sample.');
	return base;
}

export async function getAppraisal(sampleId: number, opts: { dbPath?: string } = {}): Promise<SampleAppraisal> {
	const manifest = await getManifest(sampleId, { dbPath: opts.dbPath });
	return appraiseFindings(manifest, await listFindings(sampleId, opts.dbPath));
}
