// The [id] route parameter of /api/samples/[id]/*: a positive whole number or 400.
import { error } from '@sveltejs/kit';
import { z } from 'zod';

export function sampleIdParam(raw: string): number {
	const id = z.coerce.number().int().positive().safeParse(raw);
	if (!id.success) error(400, 'bad sample id');
	return id.data;
}
