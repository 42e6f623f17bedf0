import { apiRequest } from '../../../app/api/client';
import type { SessionUser } from '../../../app/session/session';

export interface LoginInput {
  tenant: string;
  username: string;
  password: string;
}

/**
 * Signs in. The server answers with a bearer token (for API clients) and sets an httpOnly cookie;
 * the browser app relies on the cookie only and deliberately drops the token.
 */
export async function login(input: LoginInput): Promise<SessionUser> {
  const body = await apiRequest<{ token: string; user: SessionUser }>('/auth/login', {
    method: 'POST',
    body: input,
  });
  return body.user;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/auth/logout', { method: 'POST' });
}
