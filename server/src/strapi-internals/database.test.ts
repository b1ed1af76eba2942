import { SUPPORTED_DATABASE_CLIENTS, unsupportedDatabaseReason } from './database';

describe('unsupportedDatabaseReason', () => {
  it.each(SUPPORTED_DATABASE_CLIENTS)('accepts %s', (client) => {
    expect(unsupportedDatabaseReason(client)).toBeNull();
  });

  it('refuses MySQL and MariaDB (Strapi\'s "mysql" client) naming the client, the supported ones and why', () => {
    const reason = unsupportedDatabaseReason('mysql');
    expect(reason).toContain('"mysql" (MySQL or MariaDB)');
    expect(reason).toContain('SQLite ("sqlite") and PostgreSQL ("postgres")');
    expect(reason).toContain('json_each');
  });

  it('refuses any other client by its name', () => {
    expect(unsupportedDatabaseReason('mssql')).toMatch(
      /^intelligence-stories: this app's database client is "mssql", which/
    );
  });
});
