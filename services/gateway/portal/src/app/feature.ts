import type { ComponentType } from 'react';
import type { Audience } from '../auth/roles';
import type { Locale } from '../i18n';

/** Text in both portal languages (for navigation labels declared beside the routes). */
export type Localized = Readonly<Record<Locale, string>>;

/** One page of a feature. The module is loaded when the page is first visited. */
export interface FeatureRoute {
  /** Path relative to the site root, React Router syntax (`notifications`, `proposals/:id`). */
  readonly path: string;
  readonly audience: Audience;
  /** The page module; its default export is the page component. */
  readonly page: () => Promise<{ default: ComponentType }>;
}

/** An entry of the header navigation, shown to its audience only. */
export interface NavItem {
  readonly to: string;
  readonly label: Localized;
  readonly audience: Audience;
  /** Lower comes first. */
  readonly order: number;
}

export interface Feature {
  readonly name: string;
  readonly routes: readonly FeatureRoute[];
  readonly nav?: readonly NavItem[];
  /**
   * The page visitors who are not signed in see at `/` (signed-in people see their
   * dashboard there). The first feature that declares one provides it.
   */
  readonly publicHome?: FeatureRoute['page'];
}

/** Declares a feature (kept as a function so the shape is checked where it is written). */
export function defineFeature(feature: Feature): Feature {
  return feature;
}
