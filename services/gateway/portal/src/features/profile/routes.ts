import { defineFeature } from '../../app/feature';

export const profileFeature = defineFeature({
  name: 'profile',
  routes: [
    { path: 'profile', audience: 'signed-in', page: () => import('./profile-page') },
    // The path notification mails link to for opting out.
    {
      path: 'settings/notifications',
      audience: 'signed-in',
      page: () => import('./preferences-page'),
    },
  ],
  nav: [
    { to: '/profile', label: { id: 'Profil', en: 'Profile' }, audience: 'signed-in', order: 95 },
  ],
});
