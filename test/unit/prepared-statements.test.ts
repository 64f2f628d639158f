import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/connect.ts';
import { insertOrg } from '../../src/store/repositories/organizations.repo.ts';
import { prepared } from '../../src/store/repositories/prepared.ts';
import { availableDialects, openTestStore } from '../support/stores.ts';

const orgsNamed = prepared((db, v: { name: string; limit: number }) =>
  db.selectFrom('organizations').select(['id', 'name']).where('name', '=', v.name).where('member_limit', '<=', v.limit),
);

const renameOrg = prepared((db, v: { id: string; name: string }) =>
  db.updateTable('organizations').set({ name: v.name }).where('id', '=', v.id),
);

async function withOrgs(store: Store) {
  await insertOrg(store.db, { id: 'o1', name: 'Acme', limit: 10, now: 1 });
  await insertOrg(store.db, { id: 'o2', name: 'Globex', limit: 100, now: 2 });
}

// Both dialects share each prepared statement, as stores of both kinds in one process do.
for (const dialect of await availableDialects()) {
  describe(`prepared statements (${dialect})`, () => {
    it('binds each run its own values, on the store and in a transaction', async () => {
      const store = await openTestStore(dialect);
      try {
        await withOrgs(store);
        expect((await orgsNamed(store.db, { name: 'Acme', limit: 10 })).rows).toEqual([{ id: 'o1', name: 'Acme' }]);
        expect((await orgsNamed(store.db, { name: 'Globex', limit: 10 })).rows).toEqual([]);
        expect((await orgsNamed(store.db, { name: 'Globex', limit: 100 })).rows).toEqual([
          { id: 'o2', name: 'Globex' },
        ]);
        await store.db.transaction().execute(async (trx) => {
          expect((await renameOrg(trx, { id: 'o1', name: 'Initech' })).numAffectedRows).toBe(1n);
          expect((await orgsNamed(trx, { name: 'Initech', limit: 10 })).rows).toEqual([{ id: 'o1', name: 'Initech' }]);
        });
        expect((await renameOrg(store.db, { id: 'nobody', name: 'x' })).numAffectedRows).toBe(0n);
      } finally {
        await store.close();
      }
    });

    it('refuses a statement that leaves a given value unbound, or binds one it is not given', async () => {
      const store = await openTestStore(dialect);
      try {
        const ignoresLimit = prepared((db, v: { name: string; limit: number }) =>
          db.selectFrom('organizations').select('id').where('name', '=', v.name),
        );
        await expect(ignoresLimit(store.db, { name: 'Acme', limit: 1 })).rejects.toThrow(/does not bind limit/);
        const bindsMore = prepared((db, v: { name: string; limit?: number }) =>
          db
            .selectFrom('organizations')
            .select('id')
            .where('name', '=', v.name)
            .where('member_limit', '=', v.limit ?? 0),
        );
        await expect(bindsMore(store.db, { name: 'Acme' })).rejects.toThrow(/binds limit, which it is not given/);
      } finally {
        await store.close();
      }
    });
  });
}
