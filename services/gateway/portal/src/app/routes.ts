// The route registry: every feature of the portal, one line each. A feature lives in
// src/features/<name>/ (or src/auth/ for sign-in) and declares its pages and navigation
// entries in its own routes.ts with defineFeature; its pages load on first visit.
import { signInFeature } from '../auth/routes';
import { adminFeature } from '../features/admin/routes';
import { dashboardFeature } from '../features/dashboard/routes';
import { localAdminFeature } from '../features/local-admin/routes';
import { evaluatorFeature } from '../features/evaluator/routes';
import { linksFeature } from '../features/links/routes';
import { localAdminInterviewFeature } from '../features/local-admin/interview/routes';
import { notificationsFeature } from '../features/notifications/routes';
import { operatorFeature } from '../features/operator/routes';
import { profileFeature } from '../features/profile/routes';
import { publicFeature } from '../features/public/routes';
import type { Feature } from './feature';

export const FEATURES: readonly Feature[] = [
  signInFeature,
  dashboardFeature,
  notificationsFeature,
  profileFeature,
  operatorFeature,
  localAdminFeature,
  adminFeature,
  evaluatorFeature,
  localAdminInterviewFeature,
  publicFeature,
  linksFeature,
];
