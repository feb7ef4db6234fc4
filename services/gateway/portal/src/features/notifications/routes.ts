import { defineFeature } from '../../app/feature';

// No navigation entry: the header's unread badge is the link to the inbox.

export const notificationsFeature = defineFeature({
  name: 'notifications',
  routes: [
    { path: 'inbox', audience: 'signed-in', page: () => import('./inbox-page') },
    { path: 'inbox/:messageId', audience: 'signed-in', page: () => import('./message-page') },
  ],
});
