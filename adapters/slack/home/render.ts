import type { types } from '@slack/bolt';
import type { HomeView, MemberHome, OwnInvitation, StrangerHome } from '../../../src/core/index.ts';
import { ellipsis } from '../../shared/fit.ts';
import { roleLabel } from '../../shared/roles.ts';
import { pageOf } from '../../shared/rows.ts';
import { relativeTime } from '../../shared/time.ts';
import { activityLine } from '../render/activity.ts';
import { packSections } from '../render/paged.ts';
import { context, escapeText, section } from '../render/reply.ts';
import { rosterRows } from '../render/roster.ts';
import { choiceButton, pager } from '../render/row-menu.ts';

/** The Home's Invite people button: it opens the invite modal. */
export const HOME_INVITE_ID = 'rollcall:home-invite';
/**
 * Slack: a Home tab holds at most 100 blocks. 80 rows leave room for the header, the seats, the
 * group titles, the pager and ten activity entries (at most three sections).
 */
export const HOME_ROWS_PER_PAGE = 80;
/** Slack: a header's text ≤ 150 characters. */
const HEADER_CHARS = 150;

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text });

function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(ellipsis(text, HEADER_CHARS)) };
}

function memberBlocks(home: MemberHome, page: number, now: number): types.KnownBlock[] {
  const { roster } = home;
  const rows = rosterRows(roster, now);
  const shown = pageOf(rows, page, HOME_ROWS_PER_PAGE);
  const firstPending = roster.members.length;
  const start = (shown.page - 1) * HOME_ROWS_PER_PAGE;
  const rowBlocks = shown.items.flatMap((row, i) => {
    const index = start + i;
    const title =
      index === 0 && firstPending > 0
        ? [section(`*Members* (${roster.members.length})`)]
        : index === firstPending
          ? [section(`*Pending invitations* (${roster.pending.length})`)]
          : [];
    return [...title, row];
  });
  const seats = `*${roster.seatsUsed} of ${roster.limit} seats used* (pending invitations included) · you are ${roleLabel(home.viewer.role)}`;
  const paging = pager({ surface: 'home', what: 'all' }, shown.page, shown.pages);
  const activity = home.activity.map((entry) => activityLine(entry, now));
  return [
    header(`Members of ${roster.orgName}`),
    {
      type: 'section',
      text: { type: 'mrkdwn', text: seats },
      accessory: { type: 'button', action_id: HOME_INVITE_ID, text: plain('Invite people'), style: 'primary' },
    },
    { type: 'divider' },
    ...rowBlocks,
    ...(shown.pages > 1 ? [context(`Page ${shown.page} of ${shown.pages}.`)] : []),
    ...(paging ? [paging] : []),
    ...(activity.length === 0
      ? []
      : [{ type: 'divider' } as const, section('*Recent activity*'), ...packSections(activity, '\n').blocks]),
  ];
}

function invitationBlocks(invitation: OwnInvitation, now: number): types.KnownBlock[] {
  const row = { invitationId: invitation.invitationId };
  return [
    section(
      `*${escapeText(invitation.orgName)}* invites you as ${roleLabel(invitation.role)}\nfrom ${escapeText(invitation.invitedBy)} · expires ${relativeTime(invitation.expiresAt, now)}`,
    ),
    {
      type: 'actions',
      elements: [choiceButton({ action: 'accept', row }, 'primary'), choiceButton({ action: 'decline', row })],
    },
  ];
}

const STRANGER_INTRO: Readonly<Record<StrangerHome['reason'], string>> = {
  org_not_set_up:
    'No organization uses Rollcall in this workspace yet. A workspace admin can create one with `/members setup <name>`.',
  not_linked: 'Your Slack profile has no email, so Rollcall cannot tell which invitations are yours.',
  not_a_member: 'You are not a member of this workspace’s organization.',
};

function strangerBlocks(home: StrangerHome, now: number): types.KnownBlock[] {
  const invitations = home.invitations.flatMap((invitation) => invitationBlocks(invitation, now));
  return [
    header('Rollcall'),
    section(STRANGER_INTRO[home.reason]),
    { type: 'divider' },
    ...(invitations.length === 0
      ? [section('You have no pending invitations.')]
      : [section(`*Your invitations* (${home.invitations.length})`), ...invitations]),
  ];
}

/** The whole Home tab for one viewer. */
export function homeView(home: HomeView, page: number, now: number): types.HomeView {
  const blocks = home.kind === 'member' ? memberBlocks(home, page, now) : strangerBlocks(home, now);
  return { type: 'home', blocks };
}

/** What the Home says when it cannot be built (an unexpected error): the reference for the logs. */
export function homeFailedView(text: string): types.HomeView {
  return { type: 'home', blocks: [header('Rollcall'), section(text)] };
}
