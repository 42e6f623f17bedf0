import type { Clock } from '@aftercare/application';

/** A clock the test sets and moves; nothing under test reads the system time. */
export class SettableClock implements Clock {
  private current: Date;
  constructor(start: Date | string = '2026-11-23T02:00:00Z') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
