import type { TemplateId } from '../../../notification/catalogue';
import type { NotifyInput, Notifier } from '../../../notification/notifier';

/** A `Notifier` that keeps every notice it is given, for the trigger use cases' specs. */
export function recordingNotifier(): {
  readonly notifier: Notifier;
  readonly notices: NotifyInput<TemplateId>[];
} {
  const notices: NotifyInput<TemplateId>[] = [];
  const notifier: Pick<Notifier, 'notify'> = {
    notify: (input) => {
      notices.push(input);
      return Promise.resolve({ created: 1, byStatus: {} });
    },
  };
  return { notifier: notifier as Notifier, notices };
}
