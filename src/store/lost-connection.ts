/**
 * SQLSTATEs of a PostgreSQL session that is gone: the server ended it (57P01 admin shutdown, as a
 * failover or `pg_terminate_backend` does; 57P02 crash; 57P03 not accepting connections yet) or the
 * link broke (class 08).
 */
const LOST_SESSION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** What node-postgres and the socket say when the connection died under a query. */
const LOST_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED']);
const LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'terminating connection due to administrator command',
];

/**
 * True when a statement failed because its database connection was lost, not because of what it
 * asked: running the same work again on a fresh connection can succeed. Never true on SQLite, whose
 * "connection" is a file handle in this process.
 */
export function isLostConnection(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (LOST_SESSION_CODES.has(code) || LOST_SOCKET_CODES.has(code)) return true;
  const message = 'message' in error ? String(error.message) : '';
  return LOST_MESSAGES.some((known) => message.includes(known));
}
