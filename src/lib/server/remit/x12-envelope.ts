// The X12 envelope every transaction set travels in, checked the same way for 835 remittances
// and 837 claims: ISA..IEA (interchange; IEA01 = functional groups, IEA02 = ISA13), GS..GE (GE01
// = transaction sets, GE02 = GS06), ST..SE (SE01 = segments from ST to SE, SE02 = ST02). The
// first violation throws an X12FormatError naming the segment. It also remembers ISA16 (the
// component separator the interchange declares) and notices an interchange that repeats an
// earlier one of the file (same sender ISA06 and control number ISA13).
import { formatError } from './remit-types.ts';
import { X12FormatError, el, label, type Segment } from './x12-segments.ts';

const ENVELOPE = new Set(['ISA', 'IEA', 'GS', 'GE']);

export class X12Envelope {
	isa: Segment | null = null;
	gs: Segment | null = null;
	st: Segment | null = null;
	/** ISA16 of the open interchange */
	component = ':';
	/** the earlier ISA the open interchange repeats (same ISA06 + ISA13), else null */
	repeatOf: Segment | null = null;
	private groups = 0;
	private sets = 0;
	private stCount = 0;
	private interchanges = new Map<string, Segment>();

	/** SE01 mismatches tolerated (lenient mode), for the import message */
	readonly warnings: string[] = [];

	/**
	 * @param transactionSet the ST01 accepted ('835', '837'); @param what its name in messages
	 * @param strictCount refuse a wrong SE01 (835: a remittance's money must be complete). When
	 *   false (837), a wrong SE01 inside a properly closed set (SE02 = ST02, then GE and IEA
	 *   counts right) is a warning: public 837 samples carry stale SE01 counts.
	 */
	constructor(private readonly transactionSet: string, private readonly what: string, private readonly strictCount = true) {}

	/** Counts s toward SE01 and handles ISA/IEA/GS/GE; true when s was one of those four. */
	push(s: Segment): boolean {
		if (this.st) this.stCount += 1;
		if (!ENVELOPE.has(s.id)) return false;
		if (s.id === 'ISA') this.onIsa(s);
		else if (s.id === 'IEA') this.onIea(s);
		else if (s.id === 'GS') this.onGs(s);
		else this.onGe(s);
		return true;
	}

	/** Opens a transaction set at ST (after push). */
	openSt(s: Segment): void {
		if (!this.gs || this.st) throw formatError(s, this.st ? `ST before the SE of ${label(this.st)}` : 'ST outside a functional group (GS..GE)');
		if (el(s, 1) !== this.transactionSet) {
			throw formatError(s, `transaction set ${el(s, 1) || '(none)'} is not an ${this.transactionSet} ${this.what}; only ${this.transactionSet} transaction sets can be imported from this file`);
		}
		this.st = s;
		this.stCount = 1;
		this.sets += 1;
	}

	/** Checks SE01 and SE02 against the open ST; returns that ST. */
	closeSe(s: Segment): Segment {
		const st = this.st;
		if (!st) throw formatError(s, 'SE without ST');
		if (Number(el(s, 1)) !== this.stCount) {
			const why = `SE01 says ${el(s, 1)} segments but the transaction set has ${this.stCount}`;
			if (this.strictCount) throw formatError(s, `${why} (truncated or damaged?)`);
			this.warnings.push(`${label(s)}: ${why}; read anyway, as SE02 matches ST02 and the envelope closes properly`);
		}
		if (el(s, 2) !== el(st, 2)) throw formatError(s, `SE02 ${el(s, 2)} does not match ST02 ${el(st, 2)}`);
		this.st = null;
		return st;
	}

	/** Throws when the file ends inside an envelope. */
	finish(): void {
		const open = this.st ?? this.gs ?? this.isa;
		if (open) throw new X12FormatError(`the file ends inside the ${open.id} started at ${label(open)}, before its closing ${{ ISA: 'IEA', GS: 'GE', ST: 'SE' }[open.id] ?? 'segment'} (truncated?)`);
	}

	/** "interchange ISA13 N from sender S repeats the one at segment K (ISA)", or '' */
	repeatNote(): string {
		return this.repeatOf && this.isa ? `interchange ISA13 ${el(this.isa, 13)} from sender ${el(this.isa, 6).trim()} repeats the one at ${label(this.repeatOf)}` : '';
	}

	private onIsa(s: Segment) {
		if (this.isa) throw formatError(s, `a new interchange before the IEA of the one at ${label(this.isa)}`);
		this.isa = s;
		this.groups = 0;
		this.component = el(s, 16) || ':';
		const key = `${el(s, 6).trim()}|${el(s, 13)}`;
		this.repeatOf = this.interchanges.get(key) ?? null;
		if (!this.repeatOf) this.interchanges.set(key, s);
	}

	private onIea(s: Segment) {
		if (!this.isa || this.gs) throw formatError(s, this.gs ? `IEA before the GE of ${label(this.gs)}` : 'IEA without ISA');
		if (el(s, 2) !== el(this.isa, 13)) throw formatError(s, `IEA02 ${el(s, 2)} does not match ISA13 ${el(this.isa, 13)}`);
		if (Number(el(s, 1)) !== this.groups) throw formatError(s, `IEA01 says ${el(s, 1)} functional groups, the interchange has ${this.groups}`);
		this.isa = null;
	}

	private onGs(s: Segment) {
		if (!this.isa || this.gs) throw formatError(s, this.gs ? `GS before the GE of ${label(this.gs)}` : 'GS outside an interchange (ISA..IEA)');
		this.gs = s;
		this.groups += 1;
		this.sets = 0;
	}

	private onGe(s: Segment) {
		if (!this.gs || this.st) throw formatError(s, this.st ? `GE before the SE of ${label(this.st)}` : 'GE without GS');
		if (el(s, 2) !== el(this.gs, 6)) throw formatError(s, `GE02 ${el(s, 2)} does not match GS06 ${el(this.gs, 6)}`);
		if (Number(el(s, 1)) !== this.sets) throw formatError(s, `GE01 says ${el(s, 1)} transaction sets, the group has ${this.sets}`);
		this.gs = null;
	}
}
