import { PermissionFlagsBits } from 'discord.js';
import { confirmHandlers, type Handlers } from '../../../src/commands/handlers.ts';
import { normalizeEmail } from '../../../src/core/index.ts';
import { activityText } from '../render-activity.ts';
import { confirmationMessage } from '../render-confirmation.ts';
import { acceptedText, declinedText, inviteText, resendText, setupText } from '../render-invite.ts';
import { linkCodeText, linkedText } from '../render-link.ts';
import { domainsText, openRequestsMessage, requestMadeText } from '../render-requests.ts';
import { rosterPage } from '../render-roster.ts';
import { extendedText } from '../render-term.ts';
import { askRow } from '../request-components.ts';
import { transferPickerReply } from '../transfer-picker.ts';
import { answer, type CommandContext, type Reply, usage } from './types.ts';

/** Without a code: the invitation addressed to the linked account's email (SPEC §4), else where to look. */
function withHint(reply: Reply, verb: 'accept' | 'decline'): Reply {
  if (reply.outcome === 'ok') return reply;
  const hint = `Click the button in the DM I sent you, or run this again with the code you were given: \`/members ${verb} code:…\`.`;
  return { ...reply, content: `${reply.content} ${hint}` };
}

/** Each subcommand as one core call and its reply; confirmable commands come from the table. */
export const HANDLERS: Handlers<CommandContext, Reply> = {
  ...confirmHandlers(async (_ctx, pending) =>
    // The only owner leaving is offered whom to hand over to, not a bare refusal (SPEC §12).
    !pending.ok && pending.error.code === 'only_owner_cannot_leave'
      ? transferPickerReply(pending.error)
      : answer(pending, confirmationMessage),
  ),
  help: async (ctx) => ({ content: ctx.helpText, outcome: 'ok' }),
  invite: async ({ core, caller, interaction }, { emails, role, duration }) => {
    // Discord's own option: the invitee's account, so the bot can DM them Accept and Decline.
    const user = interaction.options.getUser('user');
    const first = emails[0];
    if (user && (emails.length !== 1 || first === undefined)) {
      return usage('The `user` option goes with exactly one email: the address of that Discord user.');
    }
    const reachable = user && first !== undefined ? { reachable: { [normalizeEmail(first)]: user.id } } : {};
    const optional = { ...(role ? { role } : {}), ...(duration ? { duration } : {}) };
    const result = await core.invite(caller, { emails, ...optional, ...reachable });
    const reply = answer(result, (outcome) => inviteText(outcome, user?.id));
    // A role the caller may not grant (SPEC §12): the refusal stands, with Ask an owner under it.
    if (result.ok || result.error.code !== 'role_not_grantable' || role === undefined) return reply;
    const offer = await core.offerAsk(caller, { emails, role });
    if (!offer.ok) return reply;
    return {
      ...reply,
      content: `${reply.content} An owner can do it for you.`,
      components: [askRow(offer.value.offerId)],
    };
  },
  extend: async ({ core, caller }, { email, duration }) =>
    answer(await core.extend(caller, { email, duration }), extendedText),
  list: async ({ core, caller }, { what }) =>
    what === 'requests'
      ? answer(await core.listRequests(caller), openRequestsMessage)
      : answer(await core.list(caller, { what }), (r) => rosterPage(r, what)),
  resend: async ({ core, caller }, { email }) => answer(await core.resend(caller, { email }), resendText),
  accept: async ({ core, caller }, { code }) =>
    code === undefined
      ? withHint(answer(await core.accept(caller, { own: true }), acceptedText), 'accept')
      : answer(await core.accept(caller, { code }), acceptedText),
  decline: async ({ core, caller }, { code }) =>
    code === undefined
      ? withHint(answer(await core.decline(caller, { own: true }), declinedText), 'decline')
      : answer(await core.decline(caller, { code }), declinedText),
  activity: async ({ core, caller }, { page }) =>
    answer(await core.activity(caller, page === undefined ? {} : { page }), activityText),
  setup: async ({ core, caller, interaction }, { orgName }) => {
    // The member's permissions as Discord computed them for this interaction; the core decides.
    const isPlatformAdmin = managesServer(interaction);
    // Discord's own option: bots cannot see emails, so the admin states theirs (SPEC §4a).
    const email = interaction.options.getString('email', true);
    return answer(await core.setup(caller, { orgName, email, isPlatformAdmin }), setupText);
  },
  channel: async ({ core, caller }, { channelId }) =>
    answer(
      await core.setChannel(caller, { channelId }),
      (set) => `Notifications for this server now go to <#${set.channelId}>.`,
    ),
  request: async ({ core, caller }, { role }) => answer(await core.requestRole(caller, { role }), requestMadeText),
  domains: async ({ core, caller }, { op, domain }) =>
    answer(await core.domains(caller, domain === undefined ? { op } : { op, domain }), domainsText),
  link: async ({ core, caller, interaction }, { code }) =>
    code === undefined
      ? answer(await core.createLinkCode(caller), linkCodeText)
      : answer(await core.redeemLinkCode(caller, { code, isPlatformAdmin: managesServer(interaction) }), linkedText),
};

/** The member's permissions as Discord computed them for this interaction; the core decides what they allow. */
function managesServer(interaction: CommandContext['interaction']): boolean {
  const permissions = interaction.memberPermissions;
  return (
    permissions?.has(PermissionFlagsBits.ManageGuild) === true ||
    permissions?.has(PermissionFlagsBits.Administrator) === true
  );
}
