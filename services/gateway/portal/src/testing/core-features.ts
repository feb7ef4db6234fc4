import type { Feature } from '../app/feature';
import { signInFeature } from '../auth/routes';
import { dashboardFeature } from '../features/dashboard/routes';
import { notificationsFeature } from '../features/notifications/routes';
import { profileFeature } from '../features/profile/routes';

/** The features every portal has (sign-in, dashboard, inbox, profile), without the role areas. */
export const CORE_FEATURES: readonly Feature[] = [
  signInFeature,
  dashboardFeature,
  notificationsFeature,
  profileFeature,
];
