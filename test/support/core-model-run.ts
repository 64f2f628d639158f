import { expect } from 'vitest';
import type { MembershipCore } from '../../src/core/index.ts';
import { endMemberships } from '../../src/jobs/end-memberships.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { lapseRequests } from '../../src/jobs/lapse-requests.ts';
import { sendReminders } from '../../src/jobs/send-reminders.ts';
import type { Store } from '../../src/store/connect.ts';
import { consoleCaller, type ManualClock } from './core-harness.ts';
import type { OrgModel, Outcome, Request } from './core-model.ts';
import { applyExtend, applyUndo, checkExtend, checkUndo, sweep } from './core-model-beyond.ts';
import { type Command, PEOPLE, TERMS } from './core-model-commands.ts';
import { checkInviteUnderPolicy, lapse, outsideAsked, stepRequest } from './core-model-requests.ts';

export interface Run {
  readonly core: MembershipCore;
  readonly store: Store;
  readonly clock: ManualClock;
  readonly workspaceId: string;
  readonly orgId: string;
  readonly model: OrgModel;
  /** Every code the core ever handed out, superseded ones included. */
  readonly codes: string[];
  /** Each invitation's last seen state: once it left Pending it may never change again. */
  readonly seen: Map<string, string>;
}

function outcomeOf(result: { ok: true } | { ok: false; error: { code: string } }): string {
  return result.ok ? 'ok' : result.error.code;
}

/** How often each command ended in each outcome, so a test can show the sequences reach the rules. */
export const tally = new Map<string, number>();

function expectOutcome(
  result: { ok: true } | { ok: false; error: { code: string } },
  predicted: Outcome,
  command: Command,
): void {
  const key = `${command.t === 'request' ? command.kind : command.t}:${outcomeOf(result)}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
  expect(outcomeOf(result), `core and model disagree on ${JSON.stringify(command)}`).toBe(predicted);
}

/** Runs one command against the core and the model and checks they agree on its outcome. */
export async function step(run: Run, command: Command): Promise<void> {
  const { core, model, clock } = run;
  const members = [...model.members.keys()].sort();
  const email = (i: number) =>
    (i < 75 && members.length > 0 ? members[i % members.length] : PEOPLE[i % PEOPLE.length]) ?? '';
  const anyone = (i: number) => PEOPLE[i % PEOPLE.length] ?? '';
  const caller = (i: number) => consoleCaller(email(i), run.workspaceId);
  switch (command.t) {
    case 'invite': {
      const emails = command.targets.map(anyone);
      const durationMs = command.term === null ? null : TERMS[command.term];
      const actor = email(command.actor);
      const fresh = model.freshAmong(emails, clock());
      const base = model.checkInvite(actor, emails, command.role, clock(), durationMs);
      const predicted = checkInviteUnderPolicy(model, actor, base, fresh, clock());
      const asked = outsideAsked(model, actor, fresh);
      const duration = command.term === null ? {} : { duration: command.term };
      const result = await core.invite(caller(command.actor), { emails, role: command.role, ...duration });
      expectOutcome(result, predicted, command);
      if (!result.ok) return;
      const invitedNow = fresh.filter((e) => !asked.includes(e));
      expect(result.value.invited.map((i) => i.email).sort()).toEqual(invitedNow.sort());
      model.applyInvite(actor, command.role, result.value.invited, clock(), durationMs);
      run.codes.push(...result.value.invited.map((i) => i.code));
      const requested = result.value.requested;
      if (requested !== undefined) {
        const ask = { purpose: 'invite' as const, emails: asked, role: command.role };
        model.requests.push({ id: requested.requestId, requester: actor, ask, createdAt: clock(), state: 'open' });
      }
      return;
    }
    case 'accept':
    case 'decline': {
      const code = run.codes[run.codes.length - 1 - (command.code % Math.max(1, run.codes.length))];
      if (code === undefined) return;
      const who =
        command.actor === null ? (model.invitations.find((i) => i.code === code)?.email ?? '') : anyone(command.actor);
      const predicted = model.checkRespond(who, code, clock());
      const result = await core[command.t](consoleCaller(who, run.workspaceId), { code });
      expectOutcome(result, predicted, command);
      if (result.ok) model.applyRespond(code, command.t === 'accept' ? 'accepted' : 'declined', clock());
      return;
    }
    case 'request': {
      const request: Request =
        command.kind === 'leave'
          ? { kind: 'leave' }
          : command.kind === 'transfer'
            ? { kind: 'transfer', email: email(command.target) }
            : {
                kind: command.kind,
                email: command.kind === 'revoke' ? anyone(command.target) : email(command.target),
                role: command.role,
              };
      const actor = caller(command.actor);
      const predicted = model.checkRequest(email(command.actor), request, clock());
      const result =
        request.kind === 'transfer'
          ? await core.requestTransfer(actor, { email: request.email })
          : request.kind === 'leave'
            ? await core.requestLeave(actor)
            : request.kind === 'role'
              ? await core.requestRoleChange(actor, { email: request.email, role: request.role })
              : request.kind === 'remove'
                ? await core.requestRemove(actor, { email: request.email })
                : await core.requestRevoke(actor, { email: request.email });
      expectOutcome(result, predicted, command);
      if (!result.ok) return;
      model.actions.push({
        actionId: result.value.actionId,
        requester: email(command.actor),
        request,
        createdAt: clock(),
        state: 'pending',
      });
      if (command.confirmNow) await step(run, { t: 'confirm', pick: model.actions.length - 1, clicker: null });
      if (command.confirmNow && command.undoNow && request.kind === 'remove')
        await step(run, { t: 'undo', pick: 0, clicker: null });
      return;
    }
    case 'confirm':
    case 'cancel': {
      const action = model.actions[command.pick % Math.max(1, model.actions.length)];
      if (action === undefined) return;
      const clicker = command.clicker === null ? action.requester : anyone(command.clicker);
      const predicted =
        command.t === 'confirm' ? model.checkConfirm(action, clicker, clock()) : model.checkCancel(action, clicker);
      const who = consoleCaller(clicker, run.workspaceId);
      if (command.t === 'cancel') {
        const result = await core.cancel(who, { actionId: action.actionId });
        expectOutcome(result, predicted, command);
        if (result.ok) action.state = 'cancelled';
        return;
      }
      const result = await core.confirm(who, { actionId: action.actionId });
      expectOutcome(result, predicted, command);
      if (result.ok) model.applyConfirm(action, clock(), result.value.undo?.undoId);
      return;
    }
    case 'resend': {
      const target = anyone(command.target);
      const predicted = model.checkResend(email(command.actor), target, clock());
      const result = await core.resend(caller(command.actor), { email: target });
      expectOutcome(result, predicted, command);
      if (!result.ok) return;
      model.applyResend(target, result.value.code, clock());
      run.codes.push(result.value.code);
      return;
    }
    case 'advance':
      clock.advance(command.ms);
      return;
    case 'expire':
      await expireInvitations(run.store, clock());
      model.expire(clock());
      return;
    case 'extend': {
      const target = email(command.target);
      const predicted = checkExtend(model, email(command.actor), target);
      const result = await core.extend(caller(command.actor), { email: target, duration: command.term });
      expectOutcome(result, predicted, command);
      if (result.ok) applyExtend(model, target, TERMS[command.term]);
      return;
    }
    case 'undo': {
      const removal = model.removals[model.removals.length - 1 - (command.pick % Math.max(1, model.removals.length))];
      if (removal === undefined) return;
      const clicker = command.clicker === null ? removal.removedBy : email(command.clicker);
      const predicted = checkUndo(model, clicker, removal, clock());
      const result = await core.undoRemoval(consoleCaller(clicker, run.workspaceId), { undoId: removal.undoId });
      expectOutcome(result, predicted, command);
      if (result.ok) applyUndo(model, removal, clock());
      return;
    }
    case 'sweep':
      await expireInvitations(run.store, clock());
      await sendReminders(run.store, clock());
      await endMemberships(run.store, clock());
      await lapseRequests(run.store, clock());
      sweep(model, clock());
      lapse(model, clock());
      return;
    default:
      return stepRequest(run, command, email, (result, predicted) => expectOutcome(result, predicted, command));
  }
}
