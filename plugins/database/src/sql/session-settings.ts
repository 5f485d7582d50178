/**
 * Put first in every script that takes an ACCESS EXCLUSIVE lock. A DDL statement waiting for its
 * lock blocks every query queued behind it, so it should give up quickly and be retried rather
 * than stall the application (strong_migrations, Squawk and pgroll all default to a short timeout).
 */
export const LOCK_TIMEOUT = "SET lock_timeout = '5s';";
