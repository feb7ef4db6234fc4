import { Injectable } from '@nestjs/common';
import { CATEGORIES, OPTIONAL_CATEGORIES, type Category } from '../../notification/catalogue';
import type { LocalizedText } from '../../notification/contract-types';
import { CATEGORY_NAMES } from '../category-names';
import { PreferencesRepository } from '../preferences.repository';

export interface PreferencesView {
  readonly optedOut: string[];
  readonly dailyDigest: boolean;
  /** Every category: the optional ones first, then the mandatory ones (never opted out). */
  readonly categories: {
    category: Category;
    name: LocalizedText;
    optional: boolean;
    optedOut: boolean;
  }[];
}

const optional = new Set<string>(OPTIONAL_CATEGORIES);

@Injectable()
export class GetPreferencesUseCase {
  constructor(private readonly preferences: PreferencesRepository) {}

  async execute(accountId: string): Promise<PreferencesView> {
    const choices = await this.preferences.of(accountId);
    const optedOut = new Set<string>(choices.optedOut);
    const ordered = [
      ...OPTIONAL_CATEGORIES,
      ...CATEGORIES.filter((category) => !optional.has(category)),
    ];
    return {
      optedOut: [...choices.optedOut],
      dailyDigest: choices.dailyDigest,
      categories: ordered.map((category) => ({
        category,
        name: CATEGORY_NAMES[category],
        optional: optional.has(category),
        optedOut: optedOut.has(category),
      })),
    };
  }
}
