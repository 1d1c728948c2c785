import { randomInt } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { DrawRequest, FrameDefinition, FrameQuery, SizeRequest, frameQueryToInput } from '$lib/schemas/sampling';
import { createFrame, frameAmounts, frameFilterOptions, getFrame, listFrames, parseDefinition, previewFrame } from '$lib/server/sampling/frames';
import { drawSample, UNKNOWN_USER } from '$lib/server/sampling/draw';
import { listSamples } from '$lib/server/sampling/manifest';
import { computeSampleSize } from '$lib/server/sampling/size';
import { userMessage } from '$lib/server/sampling/errors';
import { actorName } from '$lib/server/sampling/access';
import { loadCatalog } from '$lib/server/rules/catalog';
import { CaseError, linkSample } from '$lib/server/cases/cases';
import type { Actions, PageServerLoad } from './$types';

const FrameId = z.coerce.number().int().positive();
const CaseId = z.coerce.number().int().positive();
const formObject = (f: FormData) => Object.fromEntries([...f.entries()].filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;

export const load = (async ({ url, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const params = Object.fromEntries(url.searchParams);
	const q = FrameQuery.safeParse(params);
	if (!q.success) error(400, `bad frame filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const frameParam = url.searchParams.get('frame');
	const frameId = frameParam ? FrameId.safeParse(frameParam) : null;
	if (frameId && !frameId.success) error(400, 'bad frame id');
	const hasFilter = ['npi', 'rule', 'codes', 'specialty', 'payer', 'from', 'to', 'min', 'max'].some((k) => url.searchParams.get(k));
	let preview: { size: number; total_paid: number; lines: number } | null = null;
	let previewError: string | null = null;
	let definition: FrameDefinition | null = null;
	if (hasFilter) {
		try {
			definition = parseDefinition(frameQueryToInput(q.data));
			preview = await previewFrame(definition);
		} catch (e) {
			previewError = userMessage(e) ?? 'the frame could not be evaluated';
		}
	}
	const [frames, samples, options] = await Promise.all([listFrames(), listSamples(), frameFilterOptions()]);
	let selected = null;
	if (frameId?.success) {
		try {
			selected = await getFrame(frameId.data);
		} catch {
			error(404, `no frame ${frameId.data}`);
		}
	}
	const catalog = loadCatalog();
	const rules = [...catalog.peer, ...catalog.line].map((r) => ({ id: r.id, title: r.title }));
	return {
		query: q.data,
		definition,
		preview,
		previewError,
		frames,
		samples,
		selected,
		options,
		rules,
		suggestedSeed: randomInt(100_000, 1_000_000_000),
		unknownUser: UNKNOWN_USER,
		user: locals.user?.email ?? null,
		caseId: CaseId.safeParse(url.searchParams.get('case')).data ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	saveFrame: async ({ request, locals }) => {
		const form = formObject(await request.formData());
		const q = FrameQuery.safeParse(form);
		if (!q.success) return fail(400, { action: 'saveFrame', message: 'bad frame filter' });
		let frame;
		try {
			frame = await createFrame(parseDefinition(frameQueryToInput(q.data)), { createdBy: actorName(locals.user, form.drawn_by) });
		} catch (e) {
			const msg = userMessage(e);
			if (msg) return fail(400, { action: 'saveFrame', message: msg });
			throw e;
		}
		const caseId = CaseId.safeParse(form.case);
		redirect(303, `/samples?frame=${frame.frame_id}${caseId.success ? `&case=${caseId.data}` : ''}`);
	},
	size: async ({ request }) => {
		const form = formObject(await request.formData());
		const parsed = SizeRequest.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'size', message: `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, input: form });
		try {
			// the frame's paid amounts are the defaults for a size from an error rate (RAT-STATS' mean and SD of the reported amounts)
			const frameId = FrameId.safeParse(form.frame_id);
			const amounts = frameId.success ? await frameAmounts(frameId.data) : undefined;
			return { action: 'size', size: computeSampleSize(parsed.data, amounts), input: form };
		} catch (e) {
			const msg = userMessage(e);
			if (msg) return fail(400, { action: 'size', message: msg, input: form });
			throw e;
		}
	},
	draw: async ({ request, locals }) => {
		const form = formObject(await request.formData());
		const frameId = FrameId.safeParse(form.frame_id);
		if (!frameId.success) return fail(400, { action: 'draw', message: 'choose a saved frame first' });
		const boundaries = (form.boundaries ?? '').split(/[\s,;]+/).filter(Boolean).map(Number);
		const method = form.method === 'probe30' || form.method === 'probe50' ? 'probe' : form.method;
		const size = form.method === 'probe30' ? '30' : form.method === 'probe50' ? '50' : form.size;
		const req = DrawRequest.safeParse({ ...form, method, size, boundaries, drawn_by: actorName(locals.user, form.drawn_by) });
		if (!req.success) return fail(400, { action: 'draw', message: `${req.error.issues[0]?.path.join('.')}: ${req.error.issues[0]?.message}` });
		let sampleId: number;
		try {
			sampleId = (await drawSample(frameId.data, req.data)).sample_id;
		} catch (e) {
			const msg = userMessage(e);
			if (msg) return fail(400, { action: 'draw', message: msg });
			throw e;
		}
		// drawn for a review case (the case page's "Draw a sample"): link it; the sample stands either way
		const caseId = CaseId.safeParse(form.case);
		if (caseId.success && locals.user) {
			try {
				await linkSample(caseId.data, sampleId, { email: locals.user.email, userId: locals.user.user_id, role: locals.user.role });
			} catch (e) {
				if (!(e instanceof CaseError)) throw e;
				redirect(303, `/samples/${sampleId}?case_link=${encodeURIComponent(e.message)}`);
			}
		}
		redirect(303, `/samples/${sampleId}`);
	}
} satisfies Actions;
