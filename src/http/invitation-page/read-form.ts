import type { IncomingMessage } from 'node:http';

/** Far above what the page's form sends (a token and one word): anything bigger is not from it. */
const MAX_BODY_BYTES = 4096;

export type FormResult = { ok: true; fields: URLSearchParams } | { ok: false; status: 413 | 415; reason: string };

/** Reads a urlencoded form body, refusing other types and bodies larger than the page's own form. */
export async function readForm(req: IncomingMessage): Promise<FormResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return { ok: false, status: 415, reason: 'Send the form from the invitation page.' };
  }
  // Drained to the end even when too large, so the socket stays usable for the answer.
  const body = await new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
  if (body === undefined) return { ok: false, status: 413, reason: 'The form was too large.' };
  return { ok: true, fields: new URLSearchParams(body.toString('utf8')) };
}
