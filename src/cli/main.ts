// Entry of the `claimlens` command: dispatches to one module per command.
import { CliError } from './output.ts';
import { importKinds, TextEncodingName } from '../lib/schemas/fields.ts';

// Commands load on demand: a call pays only for its own modules (DuckDB, exceljs, the @stdlib
// distributions...), so `claimlens imports` or `--help` starts at once (issue 16).
type Command = (argv: string[]) => Promise<void>;
const commands: Record<string, () => Promise<Command>> = {
	import: () => import('./commands/import.ts').then((m) => m.importCommand),
	imports: () => import('./commands/imports.ts').then((m) => m.importsCommand),
	rejects: () => import('./commands/imports.ts').then((m) => m.rejectsCommand),
	demo: () => import('./commands/demo.ts').then((m) => m.demoCommand),
	serve: () => import('./commands/serve.ts').then((m) => m.serveCommand),
	start: () => import('./commands/start.ts').then((m) => m.startCommand),
	bench: () => import('./commands/bench.ts').then((m) => m.benchCommand),
	flags: () => import('./commands/flags.ts').then((m) => m.flagsCommand),
	'bench-rules': () => import('./commands/bench-rules.ts').then((m) => m.benchRulesCommand),
	user: () => import('./commands/user.ts').then((m) => m.userCommand),
	'audit-log': () => import('./commands/audit-log.ts').then((m) => m.auditLogCommand),
	accuracy: () => import('./commands/accuracy.ts').then((m) => m.accuracyCommand),
	'bench-load': () => import('./commands/bench-load.ts').then((m) => m.benchLoadCommand),
	denials: () => import('./commands/denials.ts').then((m) => m.denialsCommand),
	sample: () => import('./commands/sample.ts').then((m) => m.sampleCommand),
	'sample-size': () => import('./commands/sample-size.ts').then((m) => m.sampleSizeCommand),
	appraise: () => import('./commands/appraise.ts').then((m) => m.appraiseCommand),
	kinds: () => import('./commands/kinds.ts').then((m) => m.kindsCommand),
	screen: () => import('./commands/screen.ts').then((m) => m.screenCommand),
	cases: () => import('./commands/cases.ts').then((m) => m.casesCommand),
	case: () => import('./commands/cases.ts').then((m) => m.caseCommand),
	'specialty-map': () => import('./commands/specialty-map.ts').then((m) => m.specialtyMapCommand),
	alerts: () => import('./commands/alerts.ts').then((m) => m.alertsCommand),
	history: () => import('./commands/history.ts').then((m) => m.historyCommand),
	workplan: () => import('./commands/workplan.ts').then((m) => m.workplanCommand),
	education: () => import('./commands/education.ts').then((m) => m.educationCommand),
	report: () => import('./commands/report.ts').then((m) => m.reportCommand),
	'bench-national': () => import('./commands/bench-national.ts').then((m) => m.benchNationalCommand),
	'bench-screen': () => import('./commands/bench-screen.ts').then((m) => m.benchScreenCommand)
};

const usage = `usage: claimlens <command> [flags]   (every command takes --db FILE and --json)
  demo     [--lines N] [--seed S] [--replace]   generate and import the synthetic demo dataset
  import   FILE... [--kind ${importKinds.join('|')}] [--mapping map.json] [--encoding ${TextEncodingName.options.join('|')}] [--year YYYY]
                                                CSV, CSV.gz, Parquet, or X12 835 remittances and 837 claims
  kinds                                         the import kinds: label, fields and synonyms (the registry)
  imports                                       the import log
  rejects  IMPORT_ID [--csv]                    rejected rows of one import
  flags    [--rule ID] [--specialty S] [--all] [--source claims|cms] [--year YYYY | --years 2019,2020 (CMS years pooled as chosen)]
           [--from YYYY-MM-01 --to YYYY-MM-DD | --quarter 2025-Q1 | --year-period 2025 | --last-12-months] [--direction high|low]
           [--benchmark own|national|both [--national-year Y]]  own peers, national CMS peers (the imported CMS file), or both
                                                risk flags (peer-comparison and line rules, both directions); CMS: one data year
  specialty-map [--year Y] | set "OWN" "CMS TYPE" --user EMAIL | reset "OWN" --user EMAIL
                                                own specialty -> CMS provider type for the national benchmark
  alerts   [--all]                              monitoring alerts (CUSUM per provider and rule over months): the newest import's, or every one
  history  --npi N --rule R [--quarters 12]      one provider's rule, quarter by quarter (rate, peer rate, percentile, z, flagged)
  user     add EMAIL --role ROLE [--password-stdin] | list | disable EMAIL | enable EMAIL | role EMAIL --role ROLE
           | reset EMAIL                         a one-time password (shown once), changed at next sign-in
  audit-log verify | list [--limit N]            check the hash chain (exit 1 when broken)
  accuracy [--by coder|specialty|month|auditor] [--specialty S] [--coder C] [--auditor A] [--from D] [--to D]
                                                coder accuracy with 95% Wilson intervals
  denials  --by specialty|payer|month|carc|category [--exclude duplicate,eligibility]
                                                claim, line and dollar denial rates
  sample   (--frame FRAME.json | --frame-id ID) --size N --seed S [--spares K] [--method simple|stratified|probe]
           [--stratify auto[:L]|B1,B2,...] [--allocation proportional|dollars] [--out FILE]
           [--format csv|xlsx|parquet] [--tier full|limited|safe_harbor] [--user NAME]
                                                save a frame, draw a reproducible sample, export it + manifest
  sample-size (--type variable|attribute | --preset oig-sdp|cia-discovery|cia-full) (--universe N | --frame-id ID)
           [--mean M --sd S | --error-rate P [--mean-reported M --sd-reported S]] [--precision W] [--confidence C] [--net-error-rate R]
  appraise --manifest M --findings F | --sample ID [--findings F] | --variable FILE --universe N [--strata FILE]
           | --attribute --universe N --sample-size n --errors k      RAT-STATS appraisal and demand amounts
  screen   [--all] [--pdf FILE --user NAME] | confirm|dismiss MATCH_ID --user NAME [--note TEXT]
                                                exclusion screening against the loaded OIG LEIE / SAM lists
  cases    [--status S] [--assignee EMAIL] [--rule R] [--overdue]   review cases (with --json: one row per case)
  case     open --npi N --rule R [--from D --to D] [--assignee EMAIL] [--due D] --user EMAIL
           | note ID --text T --user EMAIL | status ID --status S [--outcome O] --user EMAIL
           | assign ID --assignee EMAIL [--due D] --user EMAIL | link ID --sample S --user EMAIL
  workplan [--all] [period]                     providers ranked across every rule (k of m measures flagged)
  education add --coder C --date D --topic T [--classes upcoded,...] [--note T] --user EMAIL | list [--coder C] [--limit N]
           | bands [--target 0.95] [--bands "0.80:30,0.95:90,1:365"] [--after-education DAYS] [--user EMAIL]
           | status [--coder C] [--overdue] [--today D]   coder education, accuracy target, re-audit due dates
  report   provider NPI [period] | committee [--top N] [period] | coder CODER_ID | appraisal SAMPLE_ID  --out FILE.pdf --user EMAIL [--html]
           (period: --from YYYY-MM-01 --to YYYY-MM-DD | --quarter 2025-Q1 | --year-period 2025 | --last-12-months)
                                                PDF reports (the registry: src/lib/server/reports/registry.ts)
  serve    [--port 3000] [--host 127.0.0.1]     serve the built app on this machine only unless --host (demo data on first start)
  start    [serve options]                      build quietly, then serve (what npm start runs)
  bench    [--lines N]                          import benchmark against bare DuckDB
  bench-load [--users 50] [--seconds 60]         load test of the dashboard pages (loopback)
  bench-rules [--runs 3]                        rules, drill-down and Arrow-vs-JSON timings
  bench-national [--rows 10000000] [--lines 1000000]  a synthetic national CMS file: import, rules against national peers, drill-down
  bench-screen [--providers 20000] [--list 90000]  exclusion screening on synthetic data: blocked pairs and time`;

async function main(): Promise<void> {
	const [name, ...argv] = process.argv.slice(2);
	if (!name || name === '--help' || name === 'help') {
		process.stdout.write(`${usage}\n`);
		return;
	}
	const load = commands[name];
	if (!load) throw new CliError(`unknown command "${name}"\n${usage}`);
	await (await load())(argv);
}

main().catch(async (e: unknown) => {
	// the error classes of the database and the importer load only when something went wrong
	const [{ DatabaseBusy }, { ImportRefused }] = await Promise.all([import('../lib/server/db/database.ts'), import('../lib/server/ingest/sniff.ts')]);
	const known = e instanceof CliError || e instanceof ImportRefused || e instanceof DatabaseBusy;
	const message = e instanceof Error ? e.message : String(e);
	process.stderr.write(`claimlens: ${known ? message : `unexpected error: ${message.split('\n')[0]}`}\n`);
	if (!known && process.env.CLAIMLENS_DEBUG) console.error(e);
	process.exit(1);
});
