import { getConnectionToken } from '@nestjs/mongoose';
import type { ClientSession, Connection } from 'mongoose';
import { runInTransaction } from '@kipp/mongo';
import { Directory } from '../../src/directory/directory';
import { EDITION_ENTRY_MODEL, type EditionEntry } from '../../src/directory/directory.schema';
import type { NotificationsReplica } from '../notifications-test-app';

export interface SeedCity {
  readonly id: string;
  readonly name: string;
  readonly provinceCode: string;
}

export interface SeedPerson {
  readonly id: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
}

export type SeedRole = 'local_admin' | 'unit_operator' | 'evaluator' | 'national_admin';

export interface SeedAccount {
  readonly roles: SeedRole[];
  /** Defaults to the local part of the person's email. */
  readonly name?: string;
  readonly institutionId?: string | null;
  readonly unitId?: string | null;
  readonly homeProvinceCode?: string | null;
}

/**
 * Writes the directory the way registration's events would, through the service's own
 * `Directory`, in one transaction.
 */
export class DirectorySeed {
  constructor(
    readonly directory: Directory,
    readonly session: ClientSession,
  ) {}

  /** In one transaction on `app`'s database. */
  static async run(
    app: NotificationsReplica,
    seed: (directory: DirectorySeed) => Promise<void>,
  ): Promise<void> {
    const directory = app.app.get(Directory);
    await runInTransaction(app.app.get<Connection>(getConnectionToken()), (session) =>
      seed(new DirectorySeed(directory, session)),
    );
  }

  async cities(...cities: readonly SeedCity[]): Promise<void> {
    for (const city of cities) {
      await this.directory.recordInstitution(
        {
          institutionId: city.id,
          name: city.name,
          type: 'city',
          provinceCode: city.provinceCode,
          revision: 1,
        },
        this.session,
      );
    }
  }

  async account(person: SeedPerson, account: SeedAccount): Promise<void> {
    await this.directory.recordAccount(
      {
        accountId: person.id,
        name: account.name ?? person.email.split('@')[0] ?? person.email,
        email: person.email,
        locale: person.locale,
        roles: account.roles,
        institutionId: account.institutionId ?? null,
        unitId: account.unitId ?? null,
        homeProvinceCode: account.homeProvinceCode ?? null,
        active: true,
      },
      this.session,
    );
  }

  /** Proposals of one unit, as submissions' events leave them in the directory. */
  async proposals(
    unit: { editionId: string; institutionId: string; unitId: string },
    entries: readonly { id: string; title: string }[],
  ): Promise<void> {
    for (const entry of entries) {
      await this.directory.recordProposal(
        { proposalId: entry.id, ...unit, title: entry.title },
        this.session,
      );
    }
  }
}

/** An edition the directory knows by name (no calendar). */
export async function seedEdition(
  app: NotificationsReplica,
  edition: { id: string; name: string },
): Promise<void> {
  await app.model<EditionEntry>(EDITION_ENTRY_MODEL).create({
    _id: edition.id,
    name: edition.name,
    year: 2027,
    calendar: [],
    revision: 1,
  });
}
