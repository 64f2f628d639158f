import { describe, expect, it } from 'vitest';
import { consoleCaller, expectErr, expectOk, fixtures, join } from '../support/core-harness.ts';
import { outboxRows, snapshot } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('domain policy (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('owners list, add and remove domains, normalized and recorded', async () => {
    const { core, owner } = await make.withOrg();
    expect(expectOk(await core.domains(owner, { op: 'list' }))).toEqual({ op: 'list', domains: [] });
    expectOk(await core.domains(owner, { op: 'add', domain: ' Acme.TEST ' }));
    const added = expectOk(await core.domains(owner, { op: 'add', domain: 'xn--bcher-kva.example' }));
    expect(added).toEqual({
      op: 'add',
      domain: 'xn--bcher-kva.example',
      domains: ['acme.test', 'xn--bcher-kva.example'],
    });
    const removed = expectOk(await core.domains(owner, { op: 'remove', domain: 'acme.test' }));
    expect(removed.domains).toEqual(['xn--bcher-kva.example']);
    const entries = expectOk(await core.activity(owner, {})).entries.slice(0, 3);
    expect(entries.map((e) => [e.action, e.details.domain])).toEqual([
      ['domain_removed', 'acme.test'],
      ['domain_added', 'xn--bcher-kva.example'],
      ['domain_added', 'acme.test'],
    ]);
  });

  it('refuses a bad domain, a duplicate, an unlisted removal and a non-owner, changing nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@x.test');
    expectOk(await core.domains(owner, { op: 'add', domain: 'acme.test' }));
    const before = await snapshot(core, store, owner);
    for (const bad of [
      '',
      'acme',
      '@acme.test',
      'bob@acme.test',
      'ac me.test',
      'bücher.example',
      '-acme.test',
      `${'a'.repeat(250)}.com`,
    ]) {
      const error = expectErr(await core.domains(owner, { op: 'add', domain: bad }), 'invalid_domain');
      expect(error.maxLength).toBe(253);
    }
    expectErr(await core.domains(owner, { op: 'add', domain: 'ACME.test' }), 'domain_already_listed');
    expectErr(await core.domains(owner, { op: 'remove', domain: 'other.test' }), 'domain_not_listed');
    expectErr(await core.domains(bob, { op: 'add', domain: 'x.test' }), 'owner_only');
    expectErr(await core.domains(bob, { op: 'list' }), 'owner_only');
    expectErr(await core.domains(consoleCaller('nobody@x.test'), { op: 'list' }), 'not_a_member');
    expect(await snapshot(core, store, owner)).toEqual(before);
  });

  it('an owner invites anyone and is told who is outside the list', async () => {
    const { core, owner } = await make.withOrg();
    expectOk(await core.domains(owner, { op: 'add', domain: 'acme.test' }));
    const outcome = expectOk(await core.invite(owner, { emails: ['in@acme.test', 'out@gmail.test'] }));
    expect(outcome.invited.map((i) => i.email)).toEqual(['in@acme.test', 'out@gmail.test']);
    expect(outcome.outsideDomains).toEqual(['out@gmail.test']);
    expect(outcome.requested).toBeUndefined();
  });

  it("a non-owner's outside addresses become one request; the rest are invited; approval invites them", async () => {
    const { core, store, owner } = await make.withOrg();
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    const bob = await join(core, owner, 'bob@acme.test');
    expectOk(await core.domains(owner, { op: 'add', domain: 'acme.test' }));
    const outcome = expectOk(
      await core.invite(bob, { emails: ['in@acme.test', 'out@gmail.test', 'eu@sub.acme.test'] }),
    );
    expect(outcome.invited.map((i) => i.email)).toEqual(['in@acme.test']);
    expect(outcome.outsideDomains).toBeUndefined();
    expect(outcome.requested?.ask).toEqual({
      purpose: 'invite',
      emails: ['out@gmail.test', 'eu@sub.acme.test'],
      role: 'member',
      reason: 'domain',
    });
    const pending = expectOk(await core.list(owner, { what: 'pending' })).pending.map((p) => p.email);
    expect(pending).toEqual(['in@acme.test']);
    const asked = (await outboxRows(store)).filter((r) => r.event.kind === 'request_made');
    expect(asked.map((r) => r.destination)).toEqual([{ kind: 'channel', channelId: 'C-team' }]);

    const requestId = outcome.requested?.requestId ?? '';
    const decided = expectOk(await core.approveRequest(owner, { requestId }));
    expect(decided.invited?.outsideDomains).toEqual(['out@gmail.test', 'eu@sub.acme.test']);
    const after = expectOk(await core.list(owner, { what: 'pending' })).pending.map((p) => p.email);
    expect(after.sort()).toEqual(['eu@sub.acme.test', 'in@acme.test', 'out@gmail.test']);
  });

  it('with a request already open, a second outside invite is refused whole and changes nothing', async () => {
    const { core, store, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@acme.test');
    expectOk(await core.domains(owner, { op: 'add', domain: 'acme.test' }));
    expectOk(await core.invite(bob, { emails: ['out@gmail.test'] }));
    const before = await snapshot(core, store, owner);
    expectErr(await core.invite(bob, { emails: ['in@acme.test', 'two@gmail.test'] }), 'request_already_open');
    expect(await snapshot(core, store, owner)).toEqual(before);
    // Inside the list needs nobody's approval.
    expect(expectOk(await core.invite(bob, { emails: ['in@acme.test'] })).invited).toHaveLength(1);
  });

  it('without a list nobody is outside', async () => {
    const { core, owner } = await make.withOrg();
    const bob = await join(core, owner, 'bob@acme.test');
    const outcome = expectOk(await core.invite(bob, { emails: ['out@gmail.test'] }));
    expect(outcome.invited).toHaveLength(1);
    expect(outcome.requested).toBeUndefined();
  });
});
