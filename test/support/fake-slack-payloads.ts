/** Request bodies shaped as Slack sends them (api.slack.com: slash commands, block_actions, view_submission). */

const TEAM = { id: 'T0001', domain: 'acme' };

export function slashCommandForm(userId: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/members',
    text,
    api_app_id: 'A0ROLLCALL',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${userId}-${Date.now()}`,
  };
}

export function blockActionForm(userId: string, actionId: string, responseUrl: string): Record<string, string> {
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLCALL',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
    trigger_id: `trigger-${userId}-${Date.now()}`,
    team: TEAM,
    channel: { id: 'C0GENERAL', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return { payload: JSON.stringify(payload) };
}

export function inviteSubmissionForm(userId: string, emails: string, role: string): Record<string, string> {
  const payload = {
    type: 'view_submission',
    team: TEAM,
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLCALL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${userId}-${Date.now()}`,
    view: {
      id: `V${userId}`,
      type: 'modal',
      callback_id: 'rollcall:invite',
      private_metadata: '',
      hash: '1700000000.abc',
      state: {
        values: {
          emails: { emails: { type: 'plain_text_input', value: emails } },
          role: {
            role: { type: 'static_select', selected_option: { value: role, text: { type: 'plain_text', text: role } } },
          },
        },
      },
    },
    response_urls: [],
  };
  return { payload: JSON.stringify(payload) };
}

/** A choice in a static select of an ephemeral message, as Slack sends it (block_actions). */
export function selectActionForm(userId: string, actionId: string, value: string, responseUrl: string) {
  const form = JSON.parse(blockActionForm(userId, actionId, responseUrl).payload ?? '{}');
  const option = { text: { type: 'plain_text', text: value }, value };
  form.actions = [
    {
      type: 'static_select',
      action_id: actionId,
      block_id: 'b1',
      selected_option: option,
      action_ts: `${Date.now() / 1000}`,
    },
  ];
  return { payload: JSON.stringify(form) };
}
