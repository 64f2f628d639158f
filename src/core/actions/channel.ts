import { recordActivity } from '../../store/repositories/activity.repo.ts';
import { setBindingChannel } from '../../store/repositories/organizations.repo.ts';
import { writeAsMember } from '../access.ts';
import type { Caller } from '../caller.ts';
import type { CoreDeps } from '../deps.ts';
import { err, ok, type Result } from '../result.ts';

const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where this platform's notifications for the organization are posted (owners only). */
export async function setChannel(
  deps: CoreDeps,
  caller: Caller,
  input: { channelId: string },
): Promise<Result<{ channelId: string }>> {
  const channelId = input.channelId.trim();
  if (!CHANNEL_ID.test(channelId)) return err({ code: 'invalid_channel' });
  return writeAsMember(deps, caller, { ownerOnly: true }, async (trx, member) => {
    await setBindingChannel(trx, caller.platform, caller.workspaceId, channelId);
    await recordActivity(trx, {
      orgId: member.org.orgId,
      at: deps.clock(),
      actor: member.email,
      action: 'channel_set',
      subject: null,
      details: { platform: caller.platform, channel: channelId },
    });
    return ok({ channelId });
  });
}
