import { DOCS } from '../../domain/azure';
import { report, type Rule } from '../rule';

export const pgn003: Rule = {
  id: 'PGN-003',
  title: 'Network access is server-level; PostgreSQL roles control database access',
  severity: 'info',
  docs: DOCS.private,
  source: 'seed, first list',
  why:
    'Both modes decide only who may open a connection to the server; every ' +
    'connection still authenticates, and database or table access is granted ' +
    'by PostgreSQL roles.',
  fix: 'Plan the PostgreSQL roles and credentials too; the network settings do not restrict databases or tables.',
  check() {
    return [
      report(
        this,
        'access.mode',
        'Both networking modes control access to the whole server only: every ' +
          'connection still needs valid credentials, and database and table access ' +
          'is controlled by PostgreSQL roles.',
      ),
    ];
  },
};
