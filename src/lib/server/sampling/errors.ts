// The sampling errors a user can act on (bad frame, refused findings, unreadable value file),
// as one-line messages: the CLI turns them into CliError, routes into 400 responses.
import { SamplingError } from './frames.ts';
import { FindingsRefused } from './findings.ts';
import { ValuesFileError } from './values-file.ts';

export function userMessage(e: unknown): string | null {
	if (e instanceof SamplingError || e instanceof FindingsRefused || e instanceof ValuesFileError) return e.message;
	if (e instanceof RangeError) return e.message;
	return null;
}
