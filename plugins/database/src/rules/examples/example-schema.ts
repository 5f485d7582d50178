/** The schema every rule example starts from: small, but touching every kind of object. */
type Json = Record<string, unknown>;

export interface TableDocument {
  columns: Record<string, Json>;
  constraints: Json;
  indexes: Json[];
}

export interface SchemaDocument {
  tables: Record<string, TableDocument>;
  views: Record<string, { definition: string; columns?: string[] }>;
  procedures: Json[];
}

export function baseSchema(): SchemaDocument {
  return {
    tables: {
      users: {
        columns: {
          id: { type: 'bigint', nullable: false, auto_increment: true },
          email: { type: 'varchar', length: 255, nullable: false },
          name: { type: 'varchar', length: 100 },
          age: { type: 'integer' },
          status: { type: 'varchar', length: 20, nullable: false, default: 'active' },
          bio: { type: 'text', comment: 'About me' },
        },
        constraints: { primary_key: ['id'], unique: ['email'], check: ['age >= 0'], foreign_key: [] },
        indexes: [{ name: 'idx_users_name', columns: ['name'] }],
      },
      orders: {
        columns: {
          id: { type: 'bigint', nullable: false },
          user_id: { type: 'bigint', nullable: false },
          total: { type: 'numeric', precision: 10, scale: 2 },
        },
        constraints: { primary_key: ['id'], foreign_key: [{ columns: ['user_id'], references: 'users(id)', on_delete: 'CASCADE' }] },
        indexes: [{ name: 'idx_orders_user_id', columns: ['user_id'] }],
      },
    },
    views: {
      active_users: { definition: "SELECT id, email FROM users WHERE status = 'active'", columns: ['id', 'email'] },
    },
    procedures: [{ name: 'purge_users', parameters: ['older_than integer'], definition: 'DELETE FROM users WHERE age > older_than' }],
  };
}
