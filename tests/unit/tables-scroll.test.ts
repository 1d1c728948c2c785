// Narrow windows (issue 17): every table the app draws scrolls inside its own box, whatever data
// the page happens to hold. The 390 px e2e test only sees the tables its data shows (an export log,
// a remittance, an unknown CARC appear only after other work), so this test checks the kind in the
// source: each <table> in a .svelte file sits inside a <ScrollRegion> or in a chart's table snippet
// (ECharts.svelte puts that in its own focusable scrolling box).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', 'src');

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []
	);
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/** Each table in `source` not inside a ScrollRegion or a `{#snippet table()}` block, as 1-based lines. */
export function unwrappedTables(source: string): number[] {
	const lines: number[] = [];
	for (const m of source.matchAll(/<table\b/g)) {
		const before = source.slice(0, m.index);
		const inRegion = count(before, /<ScrollRegion\b/g) > count(before, /<\/ScrollRegion>/g);
		const snippetAt = before.lastIndexOf('{#snippet table()}');
		const inChartTable = snippetAt >= 0 && !before.slice(snippetAt).includes('{/snippet}');
		if (!inRegion && !inChartTable) lines.push(before.split('\n').length);
	}
	return lines;
}

describe('tables scroll inside their own box', () => {
	it('finds an unwrapped table and accepts wrapped ones (the checker itself)', () => {
		expect(unwrappedTables('<div>\n<table></table></div>')).toEqual([2]);
		expect(unwrappedTables('<ScrollRegion label="x">\n<table></table>\n</ScrollRegion>\n<table>')).toEqual([4]);
		expect(unwrappedTables('{#snippet table()}<table></table>{/snippet}\n<table></table>')).toEqual([2]);
	});

	it('every table in every page and component', () => {
		const found = svelteFiles(root).flatMap((f) => unwrappedTables(readFileSync(f, 'utf8')).map((l) => `${relative(root, f)}:${l}`));
		expect(found).toEqual([]);
	});
});
