// HTTP for importers: retries 429 and 5xx with exponential back-off (honouring Retry-After), and turns
// failures into Danish ImportErrors with the status. Never logs request headers (the API key).
import { ImportError } from './errors.ts';

export interface HttpOptions {
  retries?: number;
  /** First back-off in ms; doubles each retry. */
  backoffMs?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  opts: HttpOptions = {},
): Promise<Response> {
  const retries = opts.retries ?? 4;
  const backoff = opts.backoffMs ?? 500;
  const f = opts.fetchImpl ?? fetch;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await f(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
    } catch (err) {
      if (attempt < retries) {
        await sleep(backoff * 2 ** attempt);
        continue;
      }
      throw new ImportError(
        `Kunne ikke hente ${redact(url)}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (res.ok) return res;
    if ((res.status === 429 || res.status >= 500) && attempt < retries) {
      const after = Number(res.headers.get('retry-after'));
      await res.body?.cancel();
      await sleep(
        Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 30_000) : backoff * 2 ** attempt,
      );
      continue;
    }
    const body = (await res.text()).slice(0, 500);
    throw new ImportError(explain(res.status, body), { httpStatus: res.status });
  }
}

function explain(status: number, body: string): string {
  let cause = body.trim();
  try {
    const j = JSON.parse(body) as { cause?: string; message?: string; errorTypeCode?: string };
    cause = j.cause ?? j.message ?? cause;
  } catch {
    // plain text body
  }
  if (status === 401 || status === 403)
    return `Adgang nægtet af kilden (${cause || 'ugyldig eller udløbet nøgle'})`;
  if (status === 404) return `Kilden kender ikke forespørgslen (${cause || 'ikke fundet'})`;
  if (status === 422 || status === 400) return `Kilden afviste forespørgslen: ${cause}`;
  if (status === 429)
    return 'Kilden afviser flere forespørgsler lige nu (for mange forespørgsler); prøv igen senere';
  return `Kilden svarede med en fejl: ${cause || 'ingen forklaring'}`;
}

function redact(url: string): string {
  return url.replace(/([?&](key|token|apikey)=)[^&]+/gi, '$1***');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
