import { createHash } from 'node:crypto';
import type { InvitationView, LinkAnswer, Platform } from '../../core/index.ts';
import { escapeHtml as e } from '../../email/html.ts';
import { ROLE_NAMES, timeLeft, utcTime } from '../../email/wording.ts';

/** The one stylesheet, inline so the page needs no other request; the CSP names its hash. */
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}' +
  'dt{font-weight:600}dd{margin:0 0 .75rem}form{display:inline-block;margin:0 .5rem 0 0}' +
  'button{font-size:1rem;padding:.6rem 1.4rem;border-radius:6px;border:1px solid #6b7280;background:#fff;cursor:pointer}' +
  'button.accept{background:#1d4ed8;border-color:#1d4ed8;color:#fff}';

/**
 * No scripts, no frames, no other origin: the page is complete without them, and an injected tag
 * could do nothing. Forms may post only back here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  slack: 'Slack',
  discord: 'Discord',
  console: 'the Rollcall console',
};

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${e(title)}</h1>
${body}
</main></body></html>`;
}

function answerForm(action: string, token: string, answer: 'accept' | 'decline', label: string): string {
  const css = answer === 'accept' ? ' class="accept"' : '';
  return `<form method="post" action="${e(action)}"><input type="hidden" name="token" value="${e(token)}"><input type="hidden" name="answer" value="${answer}"><button type="submit"${css}>${label}</button></form>`;
}

/** The invitation with its Accept and Decline forms (SPEC §9). */
export function invitationPage(view: InvitationView, form: { action: string; token: string; now: number }): string {
  const body = `<p><strong>${e(view.invitedBy)}</strong> invited you to join <strong>${e(view.orgName)}</strong>.</p>
<dl>
<dt>Organization</dt><dd>${e(view.orgName)}</dd>
<dt>Role</dt><dd>${e(ROLE_NAMES[view.role])}</dd>
<dt>Invited by</dt><dd>${e(view.invitedBy)}</dd>
<dt>For</dt><dd>${e(view.email)}</dd>
<dt>Time left</dt><dd>${e(timeLeft(view.expiresAt, form.now))} (until ${e(utcTime(view.expiresAt))})</dd>
</dl>
<p>${answerForm(form.action, form.token, 'accept', 'Accept')}${answerForm(form.action, form.token, 'decline', 'Decline')}</p>`;
  return htmlPage(`Join ${view.orgName}`, body);
}

function whereToFind(answer: LinkAnswer): string {
  const places = answer.platforms.map((p) => PLATFORM_NAMES[p]);
  if (places.length === 0) return e(`The owners of ${answer.orgName} will tell you where the team meets.`);
  return `Find ${e(answer.orgName)} in ${e(places.join(' and '))}: type <code>/members list</code> there to see who else is in it.`;
}

/** What accepting or declining did, and where to go next. */
export function answeredPage(answer: LinkAnswer): string {
  if (answer.answer === 'accepted') {
    const body = `<p>You (${e(answer.email)}) are now an ${e(ROLE_NAMES[answer.role])} of <strong>${e(answer.orgName)}</strong>.</p>
<p>${whereToFind(answer)}</p>`;
    return htmlPage(`Welcome to ${answer.orgName}`, body);
  }
  return htmlPage(
    'Invitation declined',
    `<p>You declined the invitation to join <strong>${e(answer.orgName)}</strong>. Whoever invited you has been told.</p>`,
  );
}

export function messagePage(title: string, text: string): string {
  return htmlPage(title, `<p>${e(text)}</p>`);
}
