import type { NotificationEvent } from '../core/model.ts';
import { emailHtml, escapeHtml } from './html.ts';
import { ROLE_NAMES, timeLeft, utcTime } from './wording.ts';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface EmailContext {
  /** The recipient's own invitation code; only an invitation email has one. */
  readonly code: string | undefined;
  /** Where people reach the HTTP server (PUBLIC_URL), without a trailing slash. */
  readonly publicUrl: string;
  readonly now: number;
}

/** The invitation page's address for a code (SPEC §4). */
export function invitationLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invitations/${encodeURIComponent(code)}`;
}

function invitation(event: Extract<NotificationEvent, { kind: 'invitation_offer' }>, ctx: EmailContext) {
  if (ctx.code === undefined) return undefined;
  const link = invitationLink(ctx.publicUrl, ctx.code);
  const role = ROLE_NAMES[event.role];
  const expires = `${utcTime(event.expiresAt)} (in ${timeLeft(event.expiresAt, ctx.now)})`;
  const subject = `${event.invitedBy} invited you to join ${event.orgName}`;
  const text = [
    `${event.invitedBy} invited you (${event.email}) to join ${event.orgName} as ${role}.`,
    `Accept or decline here: ${link}`,
    `Or, in the organization's Slack or Discord, type: /members accept ${ctx.code}`,
    `The invitation expires ${expires}.`,
    `You received this email because ${event.invitedBy} invited this address with Rollcall. If you did not expect it, ignore it: nothing happens unless you accept.`,
  ].join('\n\n');
  const e = escapeHtml;
  const html = emailHtml(subject, [
    `<strong>${e(event.invitedBy)}</strong> invited you (${e(event.email)}) to join <strong>${e(event.orgName)}</strong> as ${e(role)}.`,
    `<a href="${e(link)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">Review the invitation</a>`,
    `Or open this address: ${e(link)}<br>Or, in the organization's Slack or Discord, type: <code>/members accept ${e(ctx.code)}</code>`,
    `The invitation expires ${e(expires)}.`,
    `You received this email because ${e(event.invitedBy)} invited this address with Rollcall. If you did not expect it, ignore it: nothing happens unless you accept.`,
  ]);
  return { subject, text, html };
}

function removal(event: Extract<NotificationEvent, { kind: 'member_removed' }>): EmailContent {
  const subject = `You were removed from ${event.orgName}`;
  const lines = [
    `You were removed from ${event.orgName} by ${event.by}.`,
    `You (${event.email}) no longer have access to ${event.orgName}. If you think this is a mistake, ask ${event.by} or another owner of ${event.orgName}.`,
    `You received this email because Rollcall manages the membership of ${event.orgName}.`,
  ];
  return { subject, text: lines.join('\n\n'), html: emailHtml(subject, lines.map(escapeHtml)) };
}

function roleChange(event: Extract<NotificationEvent, { kind: 'role_changed' }>): EmailContent {
  const subject = `Your role in ${event.orgName} is now ${ROLE_NAMES[event.to]}`;
  const lines = [
    `Your role in ${event.orgName} is now ${ROLE_NAMES[event.to]} (it was ${ROLE_NAMES[event.from]}).`,
    `${event.by} made the change for ${event.email}.`,
    `You received this email because Rollcall manages the membership of ${event.orgName}.`,
  ];
  return { subject, text: lines.join('\n\n'), html: emailHtml(subject, lines.map(escapeHtml)) };
}

function ownershipTransfer(event: Extract<NotificationEvent, { kind: 'ownership_transferred' }>): EmailContent {
  const subject = `You are now the owner of ${event.orgName}`;
  const lines = [
    `${event.from} handed ${event.orgName} to you: your role is now ${ROLE_NAMES.owner}, and ${event.from} is now a member.`,
    `You (${event.email}) can now invite people with any role, change roles, remove members and hand ${event.orgName} on in turn.`,
    `You received this email because Rollcall manages the membership of ${event.orgName}.`,
  ];
  return { subject, text: lines.join('\n\n'), html: emailHtml(subject, lines.map(escapeHtml)) };
}

/**
 * The emails of SPEC §6: the invitation (with the recipient's own code), the removal and the role
 * change (an ownership transfer is the new owner's role change). Any other notice, or an invitation without its code, has no email: undefined.
 */
export function renderEmail(event: NotificationEvent, ctx: EmailContext): EmailContent | undefined {
  switch (event.kind) {
    case 'invitation_offer':
      return invitation(event, ctx);
    case 'member_removed':
      return removal(event);
    case 'role_changed':
      return roleChange(event);
    case 'ownership_transferred':
      return ownershipTransfer(event);
    default:
      return undefined;
  }
}
