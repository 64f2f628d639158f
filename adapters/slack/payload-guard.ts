import type { IncomingMessage, RequestListener } from 'node:http';
import { parse } from 'node:querystring';

/** Slack's own bodies are small; anything much larger is not Slack. */
const MAX_BODY_BYTES = 1_000_000;

/** The body as Bolt would read it, or why it cannot be a Slack request. */
function malformed(raw: string, contentType: string | undefined): string | undefined {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parse(raw);
      if (payload === undefined) return undefined;
      if (typeof payload !== 'string') return 'more than one payload field';
      return isObject(JSON.parse(payload)) ? undefined : 'payload is not a JSON object';
    }
    return isObject(JSON.parse(raw)) ? undefined : 'body is not a JSON object';
  } catch {
    return 'body is not valid JSON';
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/**
 * Refuses, with 400, a body Bolt's HTTPReceiver would throw on outside its own error handling
 * (`payload=null`, a payload that is not JSON, a JSON body that is not an object); such a throw
 * would be an unhandled rejection. Bolt reuses the body buffered here (`rawBody`), so it still
 * checks the signature over the exact bytes.
 */
export function refusingMalformedPayloads(bolt: RequestListener, onRefused: (reason: string) => void): RequestListener {
  return (req, res) => {
    readBody(req).then(
      (body) => {
        const reason =
          body === undefined ? 'body too large' : malformed(body.toString('utf8'), req.headers['content-type']);
        if (reason !== undefined || body === undefined) {
          onRefused(reason ?? 'body too large');
          res.writeHead(400, { 'content-type': 'text/plain' });
          res.end('malformed request\n');
          return;
        }
        Object.assign(req, { rawBody: body });
        bolt(req, res);
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  };
}
