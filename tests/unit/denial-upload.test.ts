// X12 835 files can be uploaded on the Data page (src/lib/server/ingest/upload.ts): .835, .edi
// and .x12 are accepted and kept as the stored file's extension; the message names them.
import { describe, expect, it } from 'vitest';
import { uploadExtension } from '../../src/lib/server/ingest/upload.ts';

describe('upload extensions for remittances', () => {
	it.each([
		['remit.835', '.835'],
		['ERA_2025-05.EDI', '.edi'],
		['payer.x12', '.x12'],
		['claims.csv', '.csv'],
		['era.txt', '.txt']
	])('%s is stored as %s', (name, ext) => {
		expect(uploadExtension(name)).toBe(ext);
	});

	it('refuses other files, naming what is accepted', () => {
		expect(() => uploadExtension('remit.zip')).toThrow(/X12 835\/837 \(\.835, \.837, \.edi, \.x12\)/);
	});
});
