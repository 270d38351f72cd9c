import type { Database, Statement } from 'better-sqlite3';

export interface Facet {
  id: string;
  name: string;
}

/** What the Sessions page's menus offer: every owner, initiative and plan the cache holds, by name. */
export class FacetQueries {
  private readonly owners: Statement<[], Facet>;
  private readonly initiatives: Statement<[], Facet>;
  private readonly plans: Statement<[], Facet>;

  constructor(db: Database) {
    // The bare column beside max() comes from the row holding the max: the newest name wins.
    const facet = (col: string) =>
      db.prepare<[], Facet>(`SELECT ${col}_id AS id, ${col}_name AS name, max(updated_at) FROM sessions WHERE ${col}_id IS NOT NULL GROUP BY ${col}_id`);
    this.owners = facet('owner');
    this.initiatives = facet('initiative');
    this.plans = facet('plan');
  }

  facets(which: 'owners' | 'initiatives' | 'plans'): Facet[] {
    const rows = this[which].all().map(({ id, name }) => ({ id, name }));
    return rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
