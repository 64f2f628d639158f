import type { ServerResponse } from 'node:http';

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>${title}</h1>${body}</body></html>`,
  );
}

/** GET /slack/install: the "Add to Slack" page (Bolt sets the state cookie and builds `url`). */
export function installPage(url: string): string {
  const href = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Add Rollcall to Slack</title></head>' +
    '<body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>Add Rollcall to Slack</h1>' +
    '<p>Rollcall manages who belongs to your organization with <code>/members</code>.</p>' +
    `<p><a href="${href}">Add to Slack</a></p></body></html>`
  );
}

export function installedPage(res: ServerResponse, teamName: string | undefined): void {
  const where = teamName ? ` to ${teamName.replace(/[<>&"]/g, '')}` : '';
  page(
    res,
    200,
    'Rollcall is installed',
    `<p>Rollcall was added${where}. Type <code>/members setup</code> in Slack to create your organization.</p>`,
  );
}

/**
 * A refused or failed callback (a forged or expired state, a denied consent, Slack refusing the
 * code): nothing was stored, and the page says how to start again, never why in detail.
 */
export function failedPage(res: ServerResponse): void {
  page(
    res,
    400,
    'Rollcall was not installed',
    '<p>The installation did not complete and nothing was saved. The link may have expired or been ' +
      'opened in another browser. <a href="/slack/install">Start again</a>.</p>',
  );
}
