// An import that cannot be carried out: a Danish reason and where (file line or HTTP status).
import { formatNumber } from '../domain/numbers.ts';

/** Longest quoted value echoed whole in a message; longer ones are cut and their length given. */
const MAX_QUOTED = 80;
/** Longest message kept at all (the refresh log and the public import list show it). */
const MAX_MESSAGE = 600;

/** Cuts quoted values and the message itself so that a 2 MB cell never ends up in a message. */
function cutMessage(message: string): string {
  const cut = message.replace(/"([^"]{81,})"/g, (_m, inner: string) => {
    return `"${inner.slice(0, MAX_QUOTED)}…" (${formatNumber(inner.length)} tegn)`;
  });
  return cut.length > MAX_MESSAGE ? `${cut.slice(0, MAX_MESSAGE)}… (forkortet)` : cut;
}

export class ImportError extends Error {
  constructor(
    message: string,
    readonly where: { line?: number; httpStatus?: number; file?: string } = {},
  ) {
    super(
      cutMessage(
        where.line !== undefined
          ? `Linje ${where.line}: ${message}`
          : where.httpStatus !== undefined
            ? `HTTP ${where.httpStatus}: ${message}`
            : message,
      ),
    );
    this.name = 'ImportError';
  }
}
