import { isAbsolute, resolve } from 'node:path';
import { InputDataError, UsageError } from '@migration-architect/core';
import type { Engine } from '../schema/table-shape.js';
import { redactSecrets as redactUrl } from '@migration-architect/core';

/** Which database one side is, parsed before anything connects. */
export interface ConnectionTarget {
  engine: Engine;
  /** What reports and messages show: the URL without its password, or the SQLite path as given. */
  display: string;
  /** SQLite: absolute file path. PostgreSQL: the URL for the driver (never printed). */
  location: string;
  /** PostgreSQL: the password as written in the URL, to scrub from driver messages. */
  secret: string | null;
}

const SQLITE_URL = /^sqlite:/i;
const POSTGRES_URL = /^postgres(ql)?:\/\//i;
const SQLITE_FILE = /\.(db|sqlite|sqlite3|db3)$/i;

/**
 * `sqlite:path/app.db`, `sqlite:///abs/app.db` and plain `*.db` / `*.sqlite` paths are SQLite
 * files (resolved from `cwd`); `postgres://` and `postgresql://` URLs are PostgreSQL. Anything else
 * is a usage error naming the flag.
 */
export function parseConnectionTarget(input: string, flag: string, cwd: string): ConnectionTarget {
  const value = input.trim();
  if (SQLITE_URL.test(value) || (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && SQLITE_FILE.test(value))) {
    let path = value.replace(SQLITE_URL, '');
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw new UsageError(`${flag}: "sqlite:" needs a file path, e.g. sqlite:data/app.db`);
    return { engine: 'sqlite', display: value, location: isAbsolute(path) ? path : resolve(cwd, path), secret: null };
  }
  if (POSTGRES_URL.test(value)) {
    const display = redactUrl(value);
    let url: URL;
    try {
      // A socket URL has no host (`postgres://user@/db?host=/var/run/postgresql`), which WHATWG
      // URLs refuse; pg reads it, so only the check here needs a stand-in host.
      url = new URL(value.replace(/^(postgres(?:ql)?:\/\/[^/@]*@)\//i, '$1localhost/'));
    } catch {
      throw new InputDataError(`${flag}: not a valid PostgreSQL URL: ${display} (expected postgres://user:password@host:5432/database)`);
    }
    return { engine: 'postgres', display, location: value, secret: url.password || null };
  }
  if (/^(mysql|mariadb):\/\//i.test(value)) {
    const display = redactUrl(value);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new InputDataError(`${flag}: not a valid MySQL URL: ${display} (expected mysql://user:password@host:3306/database)`);
    }
    if (url.pathname.replace(/^\//, '') === '')
      throw new UsageError(`${flag}: the MySQL URL names no database: ${display} (expected mysql://user:password@host:3306/database)`);
    // mysql2 reads mysql:// URLs; mariadb:// is the same server protocol.
    return { engine: 'mysql', display, location: value.replace(/^mariadb:/i, 'mysql:'), secret: url.password ? decodeURIComponent(url.password) : null };
  }
  throw new UsageError(
    `${flag}: cannot tell the database of "${redactUrl(value)}"; expected sqlite:path/file.db, a .db / .sqlite file, postgres://user@host/db or mysql://user@host/db`,
  );
}
