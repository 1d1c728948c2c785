// Overview answer: KPI cards and the monthly volume / denial-rate series. Used by the
// Overview page, GET /api/overview and `claimlens overview`.
import { z } from 'zod';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { cachedByDataVersion } from '../db/version-cache.ts';
import { MonthRow, OverviewKpis, type Overview } from '../../schemas/overview.ts';

export function getOverview(dbPath = defaultDbPath()): Promise<Overview> {
	return cachedByDataVersion('overview', null, () =>
		withConnection(async (conn) => {
			const [kpiRow] = await runQuery(conn, 'overview_kpis');
			const months = await runQuery(conn, 'lines_by_month');
			return { kpis: OverviewKpis.parse(kpiRow), months: z.array(MonthRow).parse(months) };
		}, dbPath),
	dbPath);
}
