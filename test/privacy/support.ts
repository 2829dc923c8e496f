import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Store } from '../../src/store/db.js';
import { sqlitePath } from '../../src/store/db.js';

/** Every row of every table of the store, as JSON text (for scanning the database for a person's values). */
export async function dumpAllTables(store: Store): Promise<string> {
  const names =
    store.engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db)).rows.map(
          (r) => r.name,
        )
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema()`.execute(store.db)
        ).rows.map((r) => r.name);
  const out: string[] = [];
  for (const name of names) {
    const rows = (await sql<any>`select * from ${sql.table(name)}`.execute(store.db)).rows;
    out.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return out.join('\n');
}

/** The raw bytes of a SQLite database and its write-ahead log, as text (UTF-8, where SQLite keeps text). */
export function rawSqliteFiles(url: string): string {
  const path = sqlitePath(url);
  const parts = [path, `${path}-wal`, `${path}-journal`].map((p) => {
    try {
      return readFileSync(p).toString('latin1');
    } catch {
      return '';
    }
  });
  return parts.join('\n');
}

/** The values of a person that must be gone after erasure, as they would appear in UTF-8 bytes read as latin1. */
export const asBytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

/** A prospect with values found nowhere else (so a scan cannot hit another record). */
export function person(id: string) {
  return {
    id,
    firstname: `Vorname${id}x`,
    lastname: `Nachname${id}q`,
    email: `person${id}@privat-beispiel.de`,
    phone: `+49 171 55${id}`,
    jobtitle: `Einkaufsleitung${id}z`,
  };
}
export type Person = ReturnType<typeof person>;
export const personValues = (p: Person) => [p.firstname, p.lastname, p.email, p.phone, p.jobtitle];

import { type Lead, newMqlLead } from '../../src/domain/model.js';

/** A lead of `p` in `state`, owned by Alex, with the person's data in it (as evaluate-contact makes one). */
export function leadOf(p: Person, o: Partial<Lead> & { id: string }): Lead {
  const start = newMqlLead(
    {
      id: o.id,
      portalId: 62515,
      contactId: p.id,
      cycle: 1,
      owner: { id: '101', email: 'alexw@example.com', name: 'Alex Wilber' },
      contact: {
        id: p.id,
        firstName: p.firstname,
        lastName: p.lastname,
        email: p.email,
        jobTitle: p.jobtitle,
        score: 85,
      },
      company: { id: '2901', name: `Firma von ${p.lastname}` },
    },
    1_000,
  );
  return { ...start, ...o };
}
