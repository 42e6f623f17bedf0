/**
 * Where to go after sign-in. Only same-site paths are followed, so a crafted link
 * (`/login?next=//evil.example`) cannot send the user to another site.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/login') ? '/' : next;
}
