import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { AcceptanceLedgerSchema, readDocumentFile, validateDocument, type AcceptanceEntry, type Config } from '@migration-architect/core';

const LEDGER_NAMES = ['migration-architect.accepted.yaml', 'migration-architect.accepted.yml', 'migration-architect.accepted.json'];

/** The ledger file: `--ledger`, `gate.ledger` in the config, or `migration-architect.accepted.*` beside the config (or in cwd). */
export async function readLedger(
  cwd: string,
  explicit: string | undefined,
  configured: string | undefined,
  configFile: string | undefined,
): Promise<{ file: string | undefined; entries: AcceptanceEntry[] }> {
  const folder = configFile ? dirname(resolve(cwd, configFile)) : cwd;
  const file = explicit ?? (configured ? relative(cwd, resolve(folder, configured)) : LEDGER_NAMES.map((n) => resolve(folder, n)).find((p) => existsSync(p)));
  if (!file) return { file: undefined, entries: [] };
  const shown = relative(cwd, resolve(cwd, file)) || file;
  const raw = await readDocumentFile(shown, cwd);
  return { file: shown, entries: validateDocument(AcceptanceLedgerSchema, raw, shown, 'an acceptance ledger').accepted };
}

/**
 * Every ledger entry a command applies (the config's `accepted:` then the ledger file's), each with
 * where it is written, so reports and messages name the entry: `migration-architect.accepted.yaml, entry #2`.
 */
export async function ledgerEntries(
  cwd: string,
  explicit: string | undefined,
  config: Config,
  configFile: string | undefined,
): Promise<{ entry: AcceptanceEntry; writtenIn: string }[]> {
  const ledger = await readLedger(cwd, explicit, config.gate?.ledger, configFile);
  const configShown = configFile ? relative(cwd, resolve(cwd, configFile)) || configFile : 'config';
  return [
    ...(config.accepted ?? []).map((entry, i) => ({ entry, writtenIn: `${configShown}, accepted entry #${i + 1}` })),
    ...ledger.entries.map((entry, i) => ({ entry, writtenIn: `${ledger.file}, entry #${i + 1}` })),
  ];
}
