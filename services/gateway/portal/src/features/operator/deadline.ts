import { useEffect, useState } from 'react';

export interface Countdown {
  readonly closed: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Time left until `close` (whole minutes, rounded down); closed from the close instant on. */
export function countdown(close: string, now: Date): Countdown {
  const left = new Date(close).getTime() - now.getTime();
  if (!(left > 0)) return { closed: true, days: 0, hours: 0, minutes: 0 };
  const minutes = Math.floor(left / 60_000);
  return {
    closed: false,
    days: Math.floor(minutes / (24 * 60)),
    hours: Math.floor((minutes % (24 * 60)) / 60),
    minutes: minutes % 60,
  };
}

/** The current time, refreshed every `intervalMs` (a minute by default) while mounted. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
