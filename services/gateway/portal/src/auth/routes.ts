import { defineFeature } from '../app/feature';

export const signInFeature = defineFeature({
  name: 'sign-in',
  routes: [
    { path: 'sign-in', audience: 'public', page: () => import('./sign-in-page') },
    { path: 'forgot-password', audience: 'public', page: () => import('./forgot-password-page') },
    { path: 'reset-password', audience: 'public', page: () => import('./reset-password-page') },
  ],
});
