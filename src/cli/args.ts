// Flag parsing for every command: node's parseArgs for the syntax, zod for the values.
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { CliError } from './output.ts';

type Spec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export function parseFlags<S extends z.ZodType>(argv: string[], spec: Spec, schema: S): { flags: z.infer<S>; positionals: string[] } {
	let parsed;
	try {
		parsed = parseArgs({ args: argv, options: { ...spec, db: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
	} catch (e) {
		throw new CliError((e as Error).message);
	}
	const result = schema.safeParse(parsed.values);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new CliError(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid value'}`);
	}
	return { flags: result.data, positionals: parsed.positionals };
}
