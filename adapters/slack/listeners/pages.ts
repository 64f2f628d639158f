import type { App, BlockAction } from '@slack/bolt';
import { PAGE_PATTERN, parsePage } from '../../shared/rows.ts';
import { describeError } from '../../shared/wording.ts';
import type { HomePublisher } from '../home/publisher.ts';
import { slackMessages } from '../messages.ts';
import { rosterReply } from '../render/roster.ts';
import { guarded } from './boundary.ts';
import { countCommand, type ListenerDeps } from './deps.ts';
import { yieldAfterAck } from './yield-after-ack.ts';

/**
 * Previous / Next: the Home is republished at that page; a list reply is replaced by that page,
 * read afresh (each click brings its own response_url, so paging never runs out of its five uses).
 */
export function registerPages(app: App, deps: ListenerDeps, publisher: HomePublisher): void {
  app.action<BlockAction>(PAGE_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    await yieldAfterAck();
    const target = 'action_id' in action ? parsePage(action.action_id) : undefined;
    if (target === undefined) return;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const tell = (text: string) => respond({ replace_original: false, response_type: 'ephemeral', text });
    await guarded(deps, `page_${target.surface}`, tell, async () => {
      if (target.surface === 'home') return publisher.show(teamId, body.user.id, target.page);
      const caller = await deps.directory.caller(teamId, body.user.id);
      const roster = await deps.core.list(caller, { what: target.what });
      countCommand(deps, 'list', roster.ok ? 'ok' : roster.error.code);
      if (!roster.ok) return void (await tell(describeError(slackMessages, roster.error)));
      const reply = rosterReply(roster.value, target.what, deps.clock(), target.page);
      await respond({
        replace_original: true,
        response_type: 'ephemeral',
        text: reply.text,
        blocks: reply.blocks ?? [],
      });
    });
  });
}
