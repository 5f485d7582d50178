import { baseSchema, type SchemaDocument, type TableDocument } from './example-schema.js';

type Change = (schema: SchemaDocument) => void;

export interface RuleCase {
  /** Applied to the "before" copy only (default: nothing). */
  before?: Change;
  /** Applied to the "after" copy. */
  after: Change;
}

const users = (s: SchemaDocument): TableDocument => s.tables['users']!;
const orders = (s: SchemaDocument): TableDocument => s.tables['orders']!;
const col = (t: TableDocument, name: string) => t.columns[name]!;

/** One change per rule id, each producing exactly one finding: that rule's. */
export const ruleCases: Record<string, RuleCase> = {
  'table-removed': { after: (s) => delete s.tables['orders'] },
  'table-added': { after: (s) => void (s.tables['audit'] = { columns: { id: { type: 'bigint' } }, constraints: {}, indexes: [] }) },
  'column-removed': { after: (s) => delete users(s).columns['bio'] },
  'required-column-added': { after: (s) => void (users(s).columns['country'] = { type: 'char', length: 2, nullable: false }) },
  'column-added-with-table-rewrite': { after: (s) => void (users(s).columns['token'] = { type: 'uuid', default: 'gen_random_uuid()' }) },
  'column-added': { after: (s) => void (users(s).columns['nickname'] = { type: 'text' }) },
  'incompatible-type-change': { after: (s) => void (col(users(s), 'age')['type'] = 'varchar') },
  'risky-type-change': { after: (s) => void (col(users(s), 'age')['type'] = 'smallint') },
  'type-widened': { after: (s) => void (col(users(s), 'age')['type'] = 'bigint') },
  'length-reduction': { after: (s) => void (col(users(s), 'name')['length'] = 50) },
  'length-increase': { after: (s) => void (col(users(s), 'name')['length'] = 200) },
  'nullability-restriction': { after: (s) => void (col(users(s), 'name')['nullable'] = false) },
  'nullability-relaxed': { after: (s) => void (col(users(s), 'email')['nullable'] = true) },
  'required-column-default-removed': { after: (s) => delete col(users(s), 'status')['default'] },
  'default-changed': { after: (s) => void (col(users(s), 'status')['default'] = 'pending') },
  'identity-removed': { after: (s) => delete col(users(s), 'id')['auto_increment'] },
  'identity-restricted': { after: (s) => void (col(users(s), 'id')['identity'] = 'always') },
  'identity-changed': { after: (s) => void (col(orders(s), 'id')['auto_increment'] = true) },
  'comment-changed': { after: (s) => void (col(users(s), 'bio')['comment'] = 'Biography') },
  'primary-key-added': { before: (s) => delete orders(s).constraints['primary_key'], after: () => {} },
  'primary-key-removed': { after: (s) => delete orders(s).constraints['primary_key'] },
  'primary-key-modified': { after: (s) => void (orders(s).constraints['primary_key'] = ['id', 'user_id']) },
  'unique-added': { after: (s) => void (users(s).constraints['unique'] = ['email', 'name']) },
  'unique-removed': { after: (s) => void (users(s).constraints['unique'] = []) },
  'unique-modified': {
    before: (s) => void (users(s).constraints['unique'] = [{ name: 'users_email_key', columns: ['email'] }]),
    after: (s) => void (users(s).constraints['unique'] = [{ name: 'users_email_key', columns: ['email', 'name'] }]),
  },
  'foreign-key-added': { before: (s) => void (orders(s).constraints['foreign_key'] = []), after: () => {} },
  'foreign-key-removed': { after: (s) => void (orders(s).constraints['foreign_key'] = []) },
  'foreign-key-modified': {
    after: (s) => void (orders(s).constraints['foreign_key'] = [{ columns: ['user_id'], references: 'users(id)', on_delete: 'RESTRICT' }]),
  },
  'check-added': { after: (s) => void (users(s).constraints['check'] = ['age >= 0', 'length(name) > 0']) },
  'check-removed': { after: (s) => void (users(s).constraints['check'] = []) },
  'check-modified': {
    before: (s) => void (users(s).constraints['check'] = [{ name: 'users_age_check', expression: 'age >= 0' }]),
    after: (s) => void (users(s).constraints['check'] = [{ name: 'users_age_check', expression: 'age >= 18' }]),
  },
  'unique-index-added': { after: (s) => void users(s).indexes.push({ name: 'idx_users_lower_email', columns: ['lower(email)'], unique: true }) },
  'index-added': { after: (s) => void users(s).indexes.push({ name: 'idx_users_status', columns: ['status'], where: "status <> 'active'" }) },
  'index-removed': { after: (s) => void (users(s).indexes = []) },
  'index-made-unique': { after: (s) => void (users(s).indexes = [{ name: 'idx_users_name', columns: ['name'], unique: true }]) },
  'index-changed': { after: (s) => void (users(s).indexes = [{ name: 'idx_users_name', columns: ['name', 'status'] }]) },
  'view-removed': { after: (s) => delete s.views['active_users'] },
  'view-added': { after: (s) => void (s.views['adults'] = { definition: 'SELECT id FROM users WHERE age >= 18', columns: ['id'] }) },
  'view-columns-removed': { after: (s) => void (s.views['active_users'] = { definition: "SELECT id FROM users WHERE status = 'active'", columns: ['id'] }) },
  'view-columns-reordered': {
    after: (s) => void (s.views['active_users'] = { definition: "SELECT email, id FROM users WHERE status = 'active'", columns: ['email', 'id'] }),
  },
  'view-columns-added': {
    after: (s) =>
      void (s.views['active_users'] = { definition: "SELECT id, email, name FROM users WHERE status = 'active'", columns: ['id', 'email', 'name'] }),
  },
  'view-definition-changed': {
    after: (s) => void (s.views['active_users'] = { definition: "SELECT id, email FROM users WHERE status IN ('active', 'trial')", columns: ['id', 'email'] }),
  },
  'routine-removed': { after: (s) => void (s.procedures = []) },
  'routine-added': { after: (s) => void s.procedures.push({ name: 'count_users', definition: 'SELECT count(*) FROM users', returns: 'bigint' }) },
  'routine-signature-changed': { after: (s) => void (s.procedures[0]!['parameters'] = ['older_than bigint']) },
  'routine-definition-changed': { after: (s) => void (s.procedures[0]!['definition'] = 'DELETE FROM users WHERE age >= older_than') },
};

/** The before/after documents of a rule's example: the base schema, changed as its case says. */
export function ruleExample(ruleId: string): { before: SchemaDocument; after: SchemaDocument } | undefined {
  const testCase = ruleCases[ruleId];
  if (!testCase) return undefined;
  const before = baseSchema();
  testCase.before?.(before);
  const after = baseSchema();
  testCase.after(after);
  return { before, after };
}
