// Loads the rule catalog (queries/rules/catalog.json) once and validates it with zod, so a
// malformed rule stops the app at start-up with the rule and field named.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appRoot } from '../db/query-files.ts';
import { RuleCatalog, inCodeSet, type PeerRule } from '../../schemas/rules.ts';

let cached: RuleCatalog | undefined;

export function loadCatalog(): RuleCatalog {
	if (cached) return cached;
	const path = resolve(appRoot(), 'queries', 'rules', 'catalog.json');
	const parsed = RuleCatalog.safeParse(JSON.parse(readFileSync(path, 'utf8')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`${path}: invalid rule at ${issue?.path.join('.')}: ${issue?.message}`);
	}
	const ids = [...parsed.data.peer, ...parsed.data.line].map((r) => r.id);
	const dup = ids.find((id, i) => ids.indexOf(id) !== i);
	if (dup) throw new Error(`${path}: rule id ${dup} appears twice`);
	cached = parsed.data;
	return cached;
}

export function ruleIds(): string[] {
	const c = loadCatalog();
	return [...c.peer, ...c.line].map((r) => r.id);
}

/** Resolve a rule's code sets against the codes present in the data. */
export function resolveCodes(rule: PeerRule, present: string[]): { den: string[]; num: string[] } {
	const den = present.filter((c) => inCodeSet(c, rule.denominator));
	const num = den.filter((c) => inCodeSet(c, rule.numerator));
	return { den, num };
}
