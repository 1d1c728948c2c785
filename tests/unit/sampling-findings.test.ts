// Findings matched against a manifest, the CSV reader, the appraisal of a sample, the
// de-identified manifest and the interval chart option.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchFindings, findingsTemplate, FindingsRefused } from '../../src/lib/server/sampling/findings.ts';
import { appraiseFindings } from '../../src/lib/server/sampling/appraise.ts';
import { buildManifest } from '../../src/lib/server/sampling/draw.ts';
import { manifestForTier } from '../../src/lib/server/sampling/manifest.ts';
import { parseCsv, parseNumber } from '../../src/lib/server/sampling/csv-parse.ts';
import { guardFormula, toCsv } from '../../src/lib/server/export/csv.ts';
import { samplingIntervalOption } from '../../src/lib/charts/options/sampling-interval.ts';
import { DrawRequest, FrameDefinition, Manifest, type ManifestUnit } from '../../src/lib/schemas/sampling.ts';

// A simple random sample of 4 line units from a frame of 10, with 1 spare.
const units: ManifestUnit[] = [
	{ item: 1, role: 'sample', stratum: 1, draw: 1, unit_no: 7, unit_id: 'K7:1', examined_amount: 100 },
	{ item: 2, role: 'sample', stratum: 1, draw: 2, unit_no: 2, unit_id: 'K2:1', examined_amount: 50 },
	{ item: 3, role: 'sample', stratum: 1, draw: 3, unit_no: 9, unit_id: 'K9:1', examined_amount: 80 },
	{ item: 4, role: 'sample', stratum: 1, draw: 4, unit_no: 4, unit_id: 'K4:1', examined_amount: 60 },
	{ item: 5, role: 'spare', stratum: 1, draw: 5, unit_no: 1, unit_id: 'K1:1', examined_amount: 70 }
];
const manifest: Manifest = Manifest.parse(
	buildManifest({
		sampleId: 3,
		frame: { frame_id: 1, name: null, unit: 'line', definition: FrameDefinition.parse({ npis: ['1234567893'] }), size: 10, total_paid: 700, checksum: 'abc', created_at: '2025-01-01T00:00:00Z', created_by: null },
		req: DrawRequest.parse({ size: 4, seed: 1, spares: 1 }),
		strata: [{ stratum: 1, lower: null, upper: null, size: 10, total_paid: 700, sample_size: 4, spares: 1 }],
		boundaries: null,
		units,
		drawnBy: 'tester',
		drawnAt: '2025-01-02T00:00:00.000Z'
	})
);

describe('matching findings to the sample', () => {
	it('keys by item, unit_no or unit_id; error follows from the amounts unless given', () => {
		const csv = 'item,unit_no,unit_id,audited_amount,error,note\n1,,,100,,\n,2,,20,,upcoded\n,,K9:1,80,yes,documentation missing\n4,,,$60.00,,\n';
		const { findings, blank } = matchFindings(manifest, csv);
		expect(blank).toBe(0);
		expect(findings).toEqual([
			{ item: 1, audited_amount: 100, error: false, note: null },
			{ item: 2, audited_amount: 20, error: true, note: 'upcoded' },
			{ item: 3, audited_amount: 80, error: true, note: 'documentation missing' },
			{ item: 4, audited_amount: 60, error: false, note: null }
		]);
	});

	it('refuses the whole file for a unit not in the sample, a spare, a duplicate or a bad value', () => {
		const refuse = (csv: string) => {
			try {
				matchFindings(manifest, csv);
			} catch (e) {
				expect(e).toBeInstanceOf(FindingsRefused);
				return (e as FindingsRefused).problems;
			}
			throw new Error('not refused');
		};
		expect(refuse('unit_id,audited_amount\nK3:1,10\n')).toEqual(['line 2: unit K3:1 is not in sample 3']);
		expect(refuse('item,audited_amount\n5,10\n')[0]).toMatch(/spare #1, not in the sample/);
		expect(refuse('item,audited_amount\n1,10\n1,20\n')).toEqual(['line 3: item 1 appears twice']);
		expect(refuse('item,audited_amount\n1,ten\n')[0]).toMatch(/not an amount/);
		expect(refuse('item,error\n1,maybe\n')[0]).toMatch(/not yes\/no/);
		expect(refuse('item,examined_amount,audited_amount\n1,99,10\n')[0]).toMatch(/differs from the frame's paid amount 100.00/);
		expect(refuse('audited_amount\n10\n')[0]).toMatch(/no key column/);
	});

	it('skips blank rows (not reviewed yet): the template comes back partly filled', () => {
		const template = findingsTemplate(manifest);
		expect(template.split('\r\n')[0]).toBe('item,stratum,unit_no,unit_id,examined_amount,audited_amount,error,note');
		expect(template.split('\r\n')).toHaveLength(6); // header, 4 sampled units, trailing ''
		const filled = template.replace('\r\n1,1,7,K7:1,100,,,', '\r\n1,1,7,K7:1,100,40,,');
		const { findings, blank } = matchFindings(manifest, filled);
		expect(findings).toEqual([{ item: 1, audited_amount: 40, error: true, note: null }]);
		expect(blank).toBe(3);
	});
});

describe('appraising a sample', () => {
	it('waits for every sampled unit', () => {
		const a = appraiseFindings(manifest, [{ item: 1, audited_amount: 0, error: true, note: null }]);
		expect(a).toMatchObject({ status: 'incomplete', reviewed: 1, sample_size: 4, missing_items: [2, 3, 4], variable: null, attribute: null });
	});

	it('variable and attribute appraisals from audited amounts (hand-checked)', () => {
		// differences: 100 - 100 = 0, 50 - 20 = 30, 80 - 80 = 0, 60 - 0 = 60 -> mean 22.5
		// s^2 = (22.5^2 + 7.5^2 + 22.5^2 + 37.5^2) / 3 = (506.25 + 56.25 + 506.25 + 1406.25) / 3 = 825
		// point = 10 x 22.5 = 225; SE = 10 x sqrt(825) / 2 x sqrt(6/10) = 111.24
		const f = [
			{ item: 1, audited_amount: 100, error: false, note: null },
			{ item: 2, audited_amount: 20, error: true, note: null },
			{ item: 3, audited_amount: 80, error: false, note: null },
			{ item: 4, audited_amount: 0, error: true, note: null }
		];
		const a = appraiseFindings(manifest, f);
		expect(a.status).toBe('complete');
		expect(a.design).toBe('unrestricted');
		expect(a.variable?.point_estimate).toBeCloseTo(225, 9);
		expect(a.variable?.standard_error).toBeCloseTo((10 * Math.sqrt(825)) / 2 * Math.sqrt(0.6), 9);
		expect(a.variable?.df).toBe(3);
		expect(a.attribute).toMatchObject({ errors: 2, sample_size: 4, rate: 0.5, universe: 10 });
	});

	it('attribute only when findings give error yes/no without amounts', () => {
		const f = [1, 2, 3, 4].map((item) => ({ item, audited_amount: null, error: item === 2, note: null }));
		const a = appraiseFindings(manifest, f);
		expect(a.variable).toBeNull();
		expect(a.attribute?.errors).toBe(1);
	});
});

describe('de-identified manifests', () => {
	it('drop unit ids (claim ids are PHI) but keep items and unit numbers', () => {
		const m = manifestForTier(manifest, 'safe_harbor');
		expect(m.sample_ids).toBeNull();
		expect(m.units.every((u) => u.unit_id === null)).toBe(true);
		expect(m.sample_unit_nos).toEqual([7, 2, 9, 4]);
		expect(m.deidentification.tier).toBe('safe_harbor');
		expect(manifestForTier(manifest, 'full').sample_ids).toEqual(['K7:1', 'K2:1', 'K9:1', 'K4:1']);
	});
});

describe('CSV reader', () => {
	it('reads quotes, embedded newlines, CRLF, a BOM and tab or semicolon delimiters', () => {
		expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\r\n')).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak']]);
		expect(parseCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
		expect(parseCsv('a;b\n1,5;2\n')).toEqual([['a', 'b'], ['1,5', '2']]);
	});

	it('property: parseCsv reads back exactly what toCsv wrote (formula guard included)', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1, maxLength: 8 }), (rows) => {
				const data = rows.map(([a, b]) => ({ a, b }));
				expect(parseCsv(toCsv(['a', 'b'], data))).toEqual([['a', 'b'], ...rows.map(([a, b]) => [guardFormula(a), guardFormula(b)])]);
			}),
			{ numRuns: 300 }
		);
	});

	it('reads money: $, thousands, (negatives), a guard apostrophe', () => {
		expect(parseNumber('$1,234.50')).toBe(1234.5);
		expect(parseNumber('(12.00)')).toBe(-12);
		expect(parseNumber("'-5")).toBe(-5);
		expect(parseNumber('')).toBeNull();
		expect(parseNumber('12abc')).toBeNaN();
	});
});

describe('interval chart option', () => {
	it('one bar per confidence from lower to upper, the point, and the demand lines', () => {
		const o = samplingIntervalOption({
			point: 706_000,
			intervals: [{ confidence: 0.8, lower: 617_577, upper: 794_423 }, { confidence: 0.9, lower: 591_881, upper: 820_119 }, { confidence: 0.95, lower: 569_213, upper: 842_787 }],
			unit: 'money',
			demands: [{ label: 'OIG demand', amount: 591_881 }, { label: 'CMS demand', amount: 617_577 }]
		}) as { series: { name: string; data: unknown[]; markLine?: { data: { xAxis: number }[] } }[]; yAxis: { data: string[] }; xAxis: { min: number; max: number } };
		expect(o.yAxis.data).toEqual(['80%', '90%', '95%']);
		expect(o.series[1]).toMatchObject({ name: '90% interval', data: [[591_881, '90%'], [820_119, '90%']] });
		expect(o.series[3]?.data).toEqual([[706_000, '80%'], [706_000, '90%'], [706_000, '95%']]);
		expect(o.series[4]?.markLine?.data).toEqual([{ xAxis: 591_881 }]);
		expect(o.xAxis.min).toBeLessThan(569_213);
		expect(o.xAxis.max).toBeGreaterThan(842_787);
	});

	it('the interval tooltip states a demand line\'s amount, not $NaN', () => {
		const o = samplingIntervalOption({ point: 500, intervals: [{ confidence: 0.9, lower: 300, upper: 700 }], unit: 'money', demands: [{ label: 'OIG audit recovery', amount: 300 }] }) as { tooltip: { formatter: (p: unknown) => string } };
		expect(o.tooltip.formatter({ seriesName: 'OIG audit recovery', value: 300 })).toBe('OIG audit recovery: $300');
		expect(o.tooltip.formatter({ seriesName: 'Point estimate', value: [500, '90%'] })).toBe('Point estimate: $500');
	});
	it('rates stay inside 0..100%', () => {
		const o = samplingIntervalOption({ point: 0.02, intervals: [{ confidence: 0.9, lower: 0, upper: 0.1 }], unit: 'rate' }) as { xAxis: { min: number; max: number } };
		expect(o.xAxis.min).toBe(0);
		expect(o.xAxis.max).toBeLessThanOrEqual(1);
	});
});
