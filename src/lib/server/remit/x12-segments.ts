// X12 segments from a file, streamed through the x12-parser package (tastypackets/x12-parser,
// MIT): it reads the delimiters from the fixed-width ISA header and emits one object per
// segment. We check the ISA header ourselves first (x12-parser trusts fixed positions blindly)
// and number the segments so every error can name the one at fault.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { open } from 'node:fs/promises';
import { X12parser, type FormattedSegment } from 'x12-parser';

/** A malformed X12 file; the message names the segment (number in the file and id). */
export class X12FormatError extends Error {}

export interface Segment {
	/** 1-based position in the file (the count SE01 and error messages use) */
	n: number;
	id: string;
	raw: FormattedSegment;
}

/** Element i (1-based, as X12 numbers them: CLP01 = el(s, 1)); '' when absent. */
export function el(s: Segment, i: number): string {
	return s.raw[String(i)] ?? '';
}

/**
 * Component j (1-based) of element i: SVC01-2 = comp(s, 1, 2). x12-parser stores the first
 * component under "1" and the following ones under "1-1", "1-2", ... (one less than X12's
 * numbering), which this hides.
 */
export function comp(s: Segment, i: number, j: number): string {
	return (j === 1 ? s.raw[String(i)] : s.raw[`${i}-${j - 1}`]) ?? '';
}

export function label(s: Segment): string {
	return `segment ${s.n} (${s.id})`;
}

const HEAD_BYTES = 4096;

async function head(path: string): Promise<string> {
	const fh = await open(path, 'r');
	try {
		const { buffer, bytesRead } = await fh.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
		return buffer.subarray(0, bytesRead).toString('latin1');
	} finally {
		await fh.close();
	}
}

/** Byte offset of the ISA that opens an X12 file (after a BOM or blank lines), or -1. */
export async function x12Offset(path: string): Promise<number> {
	const text = await head(path).catch(() => '');
	const m = /^(\uFEFF|\xEF\xBB\xBF)?[\s]*/.exec(text);
	const start = m ? m[0].length : 0;
	return text.startsWith('ISA', start) ? start : -1;
}

/**
 * ST01 of the file's first transaction set ('835', '837', ...), from its first 4 KB; '' when
 * none is found there (the parser then reports what is wrong).
 */
export async function x12TransactionSet(path: string): Promise<string> {
	const offset = await x12Offset(path);
	if (offset < 0) return '';
	const text = (await head(path)).slice(offset);
	const element = text[3] ?? '*';
	const esc = element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const m = new RegExp(`(?:^|[^A-Za-z0-9])ST${esc}(\\d{3})`).exec(text.slice(106));
	return m?.[1] ?? '';
}

/** True when the first non-blank bytes are "ISA": an X12 interchange. */
export async function isX12File(path: string): Promise<boolean> {
	return (await x12Offset(path)) >= 0;
}

/** ISA01..ISA16 widths: the interchange header is fixed-width (X12 5010 ISA). */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

export interface IsaDelimiters {
	element: string;
	component: string;
	terminator: string;
	/** whitespace characters between ISA16 and the segment terminator (tolerated, skipped) */
	padding: number;
}

/**
 * Checks the 106-character ISA header (element separator at position 3, 16 elements of fixed
 * widths, segment terminator right after ISA16) and returns its delimiters. Spaces or tabs
 * between ISA16 and the terminator (seen in public parser bug reports) are tolerated when a
 * terminator follows them; a line break alone (CR LF) is a terminator.
 */
export function checkIsa(isa: string): IsaDelimiters {
	const element = isa[3] ?? '';
	const fail = (why: string) => new X12FormatError(`segment 1 (ISA): ${why}; the interchange header is 106 characters of fixed-width elements`);
	if (!isa.startsWith('ISA') || !element || /[A-Za-z0-9 \r\n]/.test(element)) throw fail('no element separator after "ISA"');
	const parts = isa.slice(0, 105).split(element);
	for (let i = 1; i <= 16; i++) {
		const width = ISA_WIDTHS[i - 1] as number;
		if ((parts[i] ?? '').length !== width) throw fail(`ISA${String(i).padStart(2, '0')} is ${(parts[i] ?? '').length} characters, expected ${width}`);
	}
	if (parts.length !== 17) throw fail(`${parts.length - 1} elements, expected 16`);
	const component = isa[104] ?? '';
	let padding = 0;
	while (isa[105 + padding] === ' ' || isa[105 + padding] === '\t') padding++;
	let terminator = isa[105 + padding] ?? '';
	if (terminator === '\r' && isa[106 + padding] === '\n') terminator = '\n';
	if (padding && (!terminator || /[A-Za-z0-9]/.test(terminator))) {
		throw fail(`the segment terminator position after ISA16 holds a space (found ${JSON.stringify(isa.slice(105, 108))}), and no terminator follows it`);
	}
	if (!terminator || /[A-Za-z0-9]/.test(terminator) || terminator === element || terminator === component) {
		throw fail(`no segment terminator after ISA16 (found ${JSON.stringify(isa.slice(105, 107))})`);
	}
	return { element, component, terminator, padding };
}

/** Every segment of the file, in order (blank segments skipped). */
export async function* readSegments(path: string): AsyncGenerator<Segment> {
	const offset = await x12Offset(path);
	if (offset < 0) throw new X12FormatError('segment 1: the file does not start with an ISA interchange header');
	const text = (await head(path)).slice(offset);
	const { padding } = checkIsa(text);
	const parser = new X12parser('utf8');
	// x12-parser takes the terminator from position 105: drop the padding before it
	const source = padding
		? Readable.from((async function* () {
			// the first chunk must hold the whole ISA: x12-parser reads its delimiters from it
			yield Buffer.from(text.slice(0, 105) + text.slice(105 + padding), 'latin1');
			yield* createReadStream(path, { start: offset + text.length });
		})())
		: createReadStream(path, { start: offset });
	source.on('error', (e: Error) => parser.destroy(e));
	source.pipe(parser);
	let n = 0;
	for await (const raw of parser as AsyncIterable<FormattedSegment>) {
		if (!raw.name) continue;
		n += 1;
		yield { n, id: raw.name, raw };
	}
}

/**
 * Why a composite element (qualifier, code, modifiers...) yields no code: the value found, the
 * component separator the ISA declares (ISA16) and, when another usual separator appears in the
 * value, that one. Every 835 and 837 writer must use ISA16 (X12 5010 ISA16; the IGs' section
 * B.1.1.2.4), so a file mixing them is refused rather than guessed.
 */
export function compositeProblem(value: string, declared: string, name: string, qualifier: string, example: string): string {
	const other = [...'>:^|\\!'].find((c) => c !== declared && value.includes(c));
	if (!value) return `${name} is empty (expected ${qualifier}${declared}code, e.g. ${qualifier}${declared}${example})`;
	if (other) {
		return `${name} "${value}" uses "${other}" between its components, but ISA16 declares "${declared}" as the component separator ` +
			`(expected ${qualifier}${declared}code, e.g. ${qualifier}${declared}${example})`;
	}
	return `${name} "${value}" has no procedure code after the qualifier: ISA16 declares "${declared}" as the component separator, so ${name} must read ${qualifier}${declared}code (e.g. ${qualifier}${declared}${example})`;
}
