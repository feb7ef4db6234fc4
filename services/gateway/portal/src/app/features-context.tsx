import { createContext, useContext } from 'react';
import type { Feature } from './feature';

const FeaturesContext = createContext<readonly Feature[]>([]);

export const FeaturesProvider = FeaturesContext;

/** The features of the running portal (as the route registry lists them). */
export function useFeatures(): readonly Feature[] {
  return useContext(FeaturesContext);
}
