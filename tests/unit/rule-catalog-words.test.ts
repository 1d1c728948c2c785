// The rule catalog's display text (queries/rules/catalog.json) is for users: titles, families,
// rationales and sources name public sources or "ClaimLens rule", never a project file, and
// spell modifier lists out instead of regex-like notation such as X{EPSU}.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/server/rules/catalog.ts';

const catalog = loadCatalog();
const rules = [...catalog.peer, ...catalog.line];
const shown = (r: (typeof rules)[number]) => ({ title: r.title, family: 'family' in r ? r.family : undefined, rationale: r.rationale, source: r.source });

describe('rule catalog display text', () => {
	it.each(rules.map((r) => [r.id, shown(r)] as const))('%s', (_id, text) => {
		for (const [field, value] of Object.entries(text)) {
			if (value === undefined) continue;
			expect(value, field).not.toMatch(/\.md\b|\.json\b|\.sql\b|\.ts\b/);
			// braces, brackets, bars, anchors (a dollar sign only before an amount)
			expect(value, field).not.toMatch(/[{}[\]\\|^]|\$(?!\d)/);
		}
		expect(text.source, 'source').toBeTruthy();
	});

	it('spells out the modifier 59 family', () => {
		const m59 = rules.find((r) => r.id === 'modifier_59_family');
		expect(m59?.title).toBe('Modifier 59 / XE, XP, XS, XU on procedure lines');
	});
});
