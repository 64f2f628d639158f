/** What an OAuth code grants when the app exchanges it (oauth.v2.access): a workspace's bot token. */
export interface FakeGrant {
  readonly teamId: string;
  readonly teamName: string;
  readonly botToken: string;
  readonly installerId: string;
}

/** The fake Slack's side of "Add to Slack": codes from the consent screen and the tokens they became. */
export class FakeSlackOAuth {
  readonly #grants = new Map<string, FakeGrant>();
  readonly #teamOfToken = new Map<string, string>();

  /** Slack's consent screen, approved: `code` is what Slack appends to the redirect. One use, like Slack's. */
  grant(code: string, grant: FakeGrant): void {
    this.#grants.set(code, grant);
  }

  /** The workspace of a token, from an `Authorization: Bearer …` header. */
  teamOf(authorization: string | undefined): string | undefined {
    return this.#teamOfToken.get(authorization?.replace(/^Bearer /, '') ?? '');
  }

  /** oauth.v2.access as Slack answers it for a bot install (api.slack.com/methods/oauth.v2.access). */
  exchange(body: Record<string, unknown>): { status: number; body: unknown } {
    const grant = this.#grants.get(String(body.code));
    if (!grant) return { status: 200, body: { ok: false, error: 'invalid_code' } };
    if (!body.client_id || !body.client_secret) return { status: 200, body: { ok: false, error: 'invalid_client_id' } };
    this.#grants.delete(String(body.code));
    this.#teamOfToken.set(grant.botToken, grant.teamId);
    return {
      status: 200,
      body: {
        ok: true,
        app_id: 'A0ROLLCALL',
        authed_user: { id: grant.installerId },
        scope: 'commands,chat:write,im:write,users:read,users:read.email',
        token_type: 'bot',
        access_token: grant.botToken,
        bot_user_id: 'UBOT',
        team: { id: grant.teamId, name: grant.teamName },
        enterprise: null,
        is_enterprise_install: false,
      },
    };
  }
}
