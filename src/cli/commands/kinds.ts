// claimlens kinds [--json]: the import kinds from the registry (src/lib/import-kinds/): label,
// help, target table and fields with their synonyms. The README's kind list mirrors this.
import { z } from 'zod';
import { kindsForDisplay as tableKinds, x12Kinds } from '../../lib/import-kinds/index.ts';
import { parseFlags } from '../args.ts';
import { printJson } from '../output.ts';

const Flags = z.object({ db: z.string().optional(), json: z.boolean().optional() });

export async function kindsCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, {}, Flags);
	const rows = tableKinds.map((k) => ({
		id: k.id, label: k.label, help: k.help, target: k.target,
		fields: k.fields.map((f) => ({ name: f.name, type: f.type, required: Boolean(f.required), synonyms: f.synonyms }))
	}));
	if (flags.json) return printJson({ table: rows, x12: x12Kinds });
	for (const k of rows) {
		process.stdout.write(`${k.id}  (${k.label})\n  ${k.help}\n`);
		for (const f of k.fields) process.stdout.write(`    ${f.required ? '*' : ' '} ${f.name.padEnd(22)} ${f.type.padEnd(7)} ${f.synonyms.slice(0, 6).join(', ')}\n`);
	}
	for (const k of x12Kinds) process.stdout.write(`${k.label} (recognised by content)\n  ${k.help}\n`);
}
