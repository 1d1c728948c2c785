// One review case: its flag then and now, notes and history, linked samples with their
// appraisal, and the actions of the role matrix (note / status / link: cases_work; assign, due
// date, close and reopen: cases_manage, checked again in src/lib/server/cases/cases.ts).
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { CaseOutcome, CaseStatus, IsoDate } from '$lib/schemas/cases';
import { addNote, assignCase, CaseError, CaseForbidden, getCase, linkSample, setStatus, type Actor } from '$lib/server/cases/cases';
import { allowed } from '$lib/server/auth/roles';
import { listUsers } from '$lib/server/auth/users';
import { listSamples } from '$lib/server/sampling/manifest';
import { getAppraisal } from '$lib/server/sampling/appraise';
import type { Actions, PageServerLoad } from './$types';

const Id = z.coerce.number().int().positive();

export const load = (async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const id = Id.safeParse(params.id);
	if (!id.success) error(400, 'bad case id');
	let c;
	try {
		c = await getCase(id.data);
	} catch (e) {
		if (e instanceof CaseError) error(404, e.message);
		throw e;
	}
	const role = locals.user?.role ?? null;
	const canWork = allowed('cases_work', role);
	const canManage = allowed('cases_manage', role);
	const canSamples = allowed('samples', role);
	const samples = canSamples ? await listSamples() : [];
	// each linked sample with its appraisal summary (complete once every item has a finding)
	const linked = await Promise.all(
		c.samples.map(async (sid) => {
			const s = samples.find((x) => x.sample_id === sid);
			const a = canSamples ? await getAppraisal(sid).catch(() => null) : null;
			return {
				sample_id: sid, method: s?.method ?? null, sample_size: s?.sample_size ?? null, findings: s?.findings ?? null, drawn_at: s?.drawn_at ?? null,
				status: a?.status ?? null,
				point_estimate: a?.variable?.point_estimate ?? null,
				recovery: a?.variable?.recovery.oig_audit.amount ?? null,
				error_rate: a?.attribute?.rate ?? null
			};
		})
	);
	const users = canManage ? (await listUsers()).filter((u) => !u.disabled && allowed('cases_work', u.role)).map((u) => u.email) : [];
	return { c, canWork, canManage, canSamples, linked, samples: samples.filter((s) => !c.samples.includes(s.sample_id)).map((s) => ({ sample_id: s.sample_id, label: `#${s.sample_id} · ${s.frame_name ?? `frame ${s.frame_id}`} · n ${s.sample_size} · ${s.drawn_at.slice(0, 10)}` })), users };
}) satisfies PageServerLoad;

class BadId extends CaseError {}
const caseIdOf = (raw: string): number => {
	const id = Id.safeParse(raw);
	if (!id.success) throw new BadId(`"${raw}" is not a case id`);
	return id.data;
};

const actor = (locals: App.Locals): Actor => ({ email: locals.user?.email ?? 'unknown', userId: locals.user?.user_id ?? null, role: locals.user?.role });

async function run(action: string, fn: () => Promise<unknown>) {
	try {
		// a case id that is not a number is a bad request, not a server error
		await fn();
		return { action, ok: true };
	} catch (e) {
		if (e instanceof CaseForbidden) return fail(403, { action, message: e.message });
		if (e instanceof CaseError) return fail(400, { action, message: e.message });
		throw e;
	}
}

const form = async (request: Request) => Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
const Status = z.object({ status: CaseStatus, outcome: z.union([CaseOutcome, z.literal('')]).optional().transform((v) => v || null) });
const Assign = z.object({ assignee: z.string().trim().max(254).optional().transform((v) => v || null), due_date: z.union([IsoDate, z.literal('')]).optional().transform((v) => v || null) });

export const actions = {
	note: async ({ params, request, locals }) => {
		const f = await form(request);
		return run('note', () => addNote(caseIdOf(params.id), f.text ?? '', actor(locals)));
	},
	status: async ({ params, request, locals }) => {
		const f = Status.safeParse(await form(request));
		if (!f.success) return fail(400, { action: 'status', message: `${f.error.issues[0]?.path.join('.')}: ${f.error.issues[0]?.message}` });
		return run('status', () => setStatus(caseIdOf(params.id), f.data.status, f.data.outcome, actor(locals)));
	},
	assign: async ({ params, request, locals }) => {
		const f = Assign.safeParse(await form(request));
		if (!f.success) return fail(400, { action: 'assign', message: `${f.error.issues[0]?.path.join('.')}: ${f.error.issues[0]?.message}` });
		return run('assign', () => assignCase(caseIdOf(params.id), f.data.assignee, f.data.due_date, actor(locals)));
	},
	link: async ({ params, request, locals }) => {
		const s = Id.safeParse((await form(request)).sample_id);
		if (!s.success) return fail(400, { action: 'link', message: 'choose a sample' });
		return run('link', () => linkSample(caseIdOf(params.id), s.data, actor(locals)));
	}
} satisfies Actions;
