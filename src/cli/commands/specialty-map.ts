// claimlens specialty-map [--year Y] [--json]            own specialty -> CMS provider type, with its basis
// claimlens specialty-map set "OWN" "CMS TYPE" --user EMAIL   edit one (audited)
// claimlens specialty-map reset "OWN" --user EMAIL            back to the default
// The mapping the national benchmark uses (src/lib/server/rules/specialty-map.ts).
import { z } from 'zod';
import { getSpecialtyMap, resetSpecialty, setSpecialty, SpecialtyMapRefused } from '../../lib/server/rules/specialty-map.ts';
import { parseFlags } from '../args.ts';
import { CliError, info, printJson } from '../output.ts';

const Flags = z.object({ json: z.boolean().optional(), db: z.string().optional(), user: z.string().max(254).optional(), year: z.coerce.number().int().min(2000).max(2099).optional() });

export async function specialtyMapCommand(argv: string[]): Promise<void> {
	const verb = argv[0] === 'set' || argv[0] === 'reset' ? argv[0] : null;
	const { flags, positionals } = parseFlags(verb ? argv.slice(1) : argv, { user: { type: 'string' }, year: { type: 'string' } }, Flags);
	if (verb) {
		if (!flags.user) throw new CliError(`specialty-map ${verb}: --user EMAIL: who changes it (audited)`);
		const [own, cms] = positionals;
		if (!own) throw new CliError(`specialty-map ${verb}: give the own specialty name`);
		try {
			if (verb === 'set') {
				if (!cms) throw new CliError('specialty-map set: give the CMS provider type');
				await setSpecialty(own, cms, { by: flags.user, dbPath: flags.db });
			} else await resetSpecialty(own, { by: flags.user, dbPath: flags.db });
		} catch (e) {
			if (e instanceof SpecialtyMapRefused) throw new CliError(e.message);
			throw e;
		}
	}
	const m = await getSpecialtyMap({ year: flags.year, dbPath: flags.db });
	if (flags.json) return printJson(m);
	if (m.year === null) info('no CMS provider-and-service file imported: the mapping applies once one is');
	else info(`CMS data year ${m.year}: ${m.types.length} provider types`);
	for (const x of m.mapping) process.stdout.write(`${x.own.padEnd(32)} -> ${(x.cms ?? '(none: no national peers)').padEnd(36)} ${x.basis}\n`);
}
