import { activity } from './actions/activity.ts';
import { askOwner, offerAsk } from './actions/ask-owner.ts';
import { setChannel } from './actions/channel.ts';
import { cancel, confirm } from './actions/confirm.ts';
import { platformUserDeactivated } from './actions/deactivated.ts';
import { approveRequest, denyRequest } from './actions/decide-request.ts';
import { domains } from './actions/domains.ts';
import { extend } from './actions/extend.ts';
import { home } from './actions/home.ts';
import { answerByLink, viewInvitation } from './actions/invitation-link.ts';
import { invite } from './actions/invite.ts';
import { createLinkCode } from './actions/link-code.ts';
import { list } from './actions/list.ts';
import { listRequests } from './actions/list-requests.ts';
import { suggestEmails, whoAmI } from './actions/lookups.ts';
import { redeemLinkCode } from './actions/redeem-link.ts';
import { requestConfirmation } from './actions/request-confirmation.ts';
import { requestRole } from './actions/request-role.ts';
import { resend } from './actions/resend.ts';
import { accept, decline } from './actions/respond-to-invitation.ts';
import { describeRow, requestRowAction, resendRow } from './actions/rows.ts';
import { setup } from './actions/setup.ts';
import { undoRemoval } from './actions/undo-removal.ts';
import type { MembershipCore } from './api.ts';
import type { CoreDeps } from './deps.ts';
import { bindAfterCommit } from './transaction.ts';

export type { CoreDeps, CoreSettings, OrgChange } from './deps.ts';

/** One core for every adapter: each method is one use case in ./actions. */
export function createMembershipCore(deps: CoreDeps): MembershipCore {
  bindAfterCommit(deps);
  return {
    setup: (caller, input) => setup(deps, caller, input),
    invite: (caller, input) => invite(deps, caller, input),
    list: (caller, input) => list(deps, caller, input),
    resend: (caller, input) => resend(deps, caller, input),
    requestRevoke: (caller, { email }) => requestConfirmation(deps, caller, { kind: 'revoke', email }),
    requestRoleChange: (caller, { email, role }) => requestConfirmation(deps, caller, { kind: 'role', email, role }),
    requestRemove: (caller, { email }) => requestConfirmation(deps, caller, { kind: 'remove', email }),
    requestLeave: (caller) => requestConfirmation(deps, caller, { kind: 'leave' }),
    confirm: (caller, input) => confirm(deps, caller, input),
    cancel: (caller, input) => cancel(deps, caller, input),
    accept: (caller, input) => accept(deps, caller, input),
    decline: (caller, input) => decline(deps, caller, input),
    activity: (caller, input) => activity(deps, caller, input),
    setChannel: (caller, input) => setChannel(deps, caller, input),
    extend: (caller, input) => extend(deps, caller, input),
    undoRemoval: (caller, input) => undoRemoval(deps, caller, input),
    platformUserDeactivated: (account) => platformUserDeactivated(deps, account),
    home: (caller) => home(deps, caller),
    describeRow: (caller, input) => describeRow(deps, caller, input),
    requestRowAction: (caller, input) => requestRowAction(deps, caller, input),
    resendRow: (caller, input) => resendRow(deps, caller, input),
    whoAmI: (caller) => whoAmI(deps, caller),
    suggestEmails: (caller, input) => suggestEmails(deps, caller, input),
    viewInvitation: (input) => viewInvitation(deps, input),
    acceptByLink: (input) => answerByLink(deps, input, 'accepted'),
    declineByLink: (input) => answerByLink(deps, input, 'declined'),
    requestRole: (caller, input) => requestRole(deps, caller, input),
    offerAsk: (caller, input) => offerAsk(deps, caller, input),
    askOwner: (caller, input) => askOwner(deps, caller, input),
    approveRequest: (caller, input) => approveRequest(deps, caller, input),
    denyRequest: (caller, input) => denyRequest(deps, caller, input),
    listRequests: (caller) => listRequests(deps, caller),
    domains: (caller, input) => domains(deps, caller, input),
    requestTransfer: (caller, { email }) => requestConfirmation(deps, caller, { kind: 'transfer', email }),
    createLinkCode: (caller) => createLinkCode(deps, caller),
    redeemLinkCode: (caller, input) => redeemLinkCode(deps, caller, input),
  };
}
