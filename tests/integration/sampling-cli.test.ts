// The sampling commands as a user runs them: the same seed and frame give the same units in two
// separate processes (each with its own database built from the fixture), `sample --out` writes
// the export and its manifest, `appraise --variable` reproduces RAT-STATS, `appraise --manifest`
// appraises findings against a manifest file, and `sample-size --json`.
// The commands run through a child `node --import tsx` (src/cli/main.ts registers them).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Manifest } from '../../src/lib/schemas/sampling.ts';
import { tempDb } from '../helpers/temp-db.ts';

const dir = tempDb();
afterAll(() => dir.cleanup());

const commands = { sample: 'sampleCommand', 'sample-size': 'sampleSizeCommand', appraise: 'appraiseCommand' } as const;

/** Runs `claimlens <command> args` in a fresh process; optionally imports the fixture first. */
function claimlens(command: keyof typeof commands, args: string[], opts: { importInto?: string } = {}): string {
	const script = `
		const { ${commands[command]} } = await import('./src/cli/commands/${command}.ts');
		${opts.importInto ? `const { importFile } = await import('./src/lib/server/ingest/import-file.ts');
		await importFile('tests/fixtures/sampling_claims.csv', { dbPath: ${JSON.stringify(opts.importInto)} });` : ''}
		try { await ${commands[command]}(${JSON.stringify(args)}); }
		catch (e) { process.stderr.write('claimlens: ' + e.message + '\\n'); process.exit(1); }
		process.exit(0);`;
	return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		cwd: process.cwd(),
		env: { ...process.env, TZ: 'UTC', CLAIMLENS_ROOT: process.cwd() },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

describe('claimlens sample', () => {
	const frameFile = join(dir.dir, 'frame.json');
	writeFileSync(frameFile, JSON.stringify({ npis: ['1234567893'], rule: 'em_established_level5' }));

	it('draws the same units from the same seed and frame in two processes on two databases', () => {
		const run = (name: string) => {
			const out = claimlens('sample', ['--db', join(dir.dir, `${name}.duckdb`), '--frame', frameFile, '--size', '5', '--seed', '8675309', '--spares', '2', '--tier', 'full', '--json'], { importInto: join(dir.dir, `${name}.duckdb`) });
			return Manifest.parse((JSON.parse(out) as { manifest: unknown }).manifest);
		};
		const first = run('one');
		const second = run('two');
		expect(second.frame.checksum).toBe(first.frame.checksum);
		expect(second.sample_ids).toEqual(first.sample_ids);
		expect(second.spare_ids).toEqual(first.spare_ids);
		expect(first.sample_ids).toHaveLength(5);
		expect(first.seed).toBe(8675309);
	}, 120_000);

	it('--out writes the export and FILE.manifest.json at the chosen tier', () => {
		const db = join(dir.dir, 'out.duckdb');
		const out = join(dir.dir, 'sample.xlsx');
		const printed = JSON.parse(claimlens('sample', ['--db', db, '--frame', frameFile, '--size', '4', '--seed', '1', '--out', out, '--user', 'Pat', '--json'], { importInto: db }));
		expect(printed.export).toMatchObject({ file: out, format: 'xlsx', tier: 'safe_harbor', rows: 4 });
		expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
		const manifest = Manifest.parse(JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')));
		expect(manifest).toMatchObject({ drawn_by: 'Pat', sample_ids: null, deidentification: { tier: 'safe_harbor' } });
		expect(manifest.exports[0]).toMatchObject({ format: 'xlsx', tier: 'safe_harbor', rows: 4, sha256: printed.export.sha256 });
		expect(existsSync(out)).toBe(true);
	}, 120_000);

	it('appraise --manifest M --findings F: refuses units not in the sample, appraises the rest', () => {
		const db = join(dir.dir, 'appraise.duckdb');
		const out = join(dir.dir, 'full.csv');
		claimlens('sample', ['--db', db, '--frame', frameFile, '--size', '4', '--seed', '3', '--out', out, '--tier', 'full'], { importInto: db });
		const manifestFile = `${out}.manifest.json`;
		const m = Manifest.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
		const findings = join(dir.dir, 'findings.csv');
		writeFileSync(findings, `unit_id,audited_amount\n${m.sample_ids?.map((id) => `${id},0`).join('\n')}\nB01:1,0\n`);
		expect(() => claimlens('appraise', ['--manifest', manifestFile, '--findings', findings])).toThrow(/B01:1 is not in sample/);
		writeFileSync(findings, `unit_id,audited_amount\n${m.sample_ids?.map((id) => `${id},0`).join('\n')}\n`);
		const a = JSON.parse(claimlens('appraise', ['--manifest', manifestFile, '--findings', findings, '--json']));
		const mean = m.units.filter((u) => u.role === 'sample').reduce((s, u) => s + u.examined_amount, 0) / 4;
		expect(a.status).toBe('complete');
		expect(a.variable.point_estimate).toBeCloseTo(m.frame.size * mean, 6);
		expect(a.attribute.errors).toBe(4);
	}, 120_000);
});

describe('claimlens appraise --variable and sample-size', () => {
	it('reproduces the RAT-STATS unrestricted variable example from a plain list of differences', () => {
		const a = JSON.parse(claimlens('appraise', ['--variable', 'tests/fixtures/sampling_ratstats_differences.txt', '--universe', '10000', '--json']));
		expect(Math.round(a.point_estimate)).toBe(706_000);
		expect(Math.round(a.standard_error)).toBe(68_068);
		expect(a.intervals[1]).toMatchObject({ confidence: 0.9 });
		expect(Math.round(a.intervals[1].lower)).toBe(591_881);
		expect(Math.round(a.intervals[1].upper)).toBe(820_119);
		expect(Math.round(a.oig_demand.amount)).toBe(591_881);
		expect(a.examined_total).toBeNull();
	}, 60_000);

	it('appraises a stratified list with a strata file, and sizes a sample', () => {
		const values = join(dir.dir, 'strat.csv');
		const strata = join(dir.dir, 'strata.csv');
		writeFileSync(values, 'stratum,examined,audited\n1,0,0\n1,10,0\n1,20,0\n1,30,0\n2,100,0\n2,50,50\n2,80,30\n');
		writeFileSync(strata, 'stratum,universe\n1,100\n2,50\n');
		const a = JSON.parse(claimlens('appraise', ['--variable', values, '--strata', strata, '--json']));
		expect(a.design).toBe('stratified');
		expect(a.point_estimate).toBeCloseTo(4000, 9);
		expect(a.standard_error).toBeCloseTo(1535.6866, 3);
		const size = JSON.parse(claimlens('sample-size', ['--type', 'variable', '--universe', '10000', '--mean', '70.60', '--sd', '48.2519', '--precision', '0.1', '--confidence', '0.9', '--json']));
		expect(size.sample_size).toBe(125);
		const attr = JSON.parse(claimlens('appraise', ['--attribute', '--universe', '20', '--sample-size', '5', '--errors', '1', '--json']));
		expect(attr.intervals[1]).toMatchObject({ lower_count: 1, upper_count: 12 });
	}, 60_000);
});
