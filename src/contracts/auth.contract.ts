import { z } from 'zod';
import {
  ApiTokenCreateSchema,
  ApiTokenSchema,
  LoginSchema,
  MeSchema,
  PasswordChangedSchema,
  PasswordChangeSchema,
  UserCreateSchema,
} from '../domain/auth.js';
import { UuidSchema } from '../domain/common.js';
import { defineRoute } from './define-route.js';

const tags = ['auth'];

export const authContract = {
  /** Also limited per client address and e-mail address by the server (a burst guard). */
  login: defineRoute({
    method: 'POST',
    path: '/auth/login',
    policy: 'public',
    tags,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    summary: 'Sign in with e-mail and password (sets the session cookie)',
    body: LoginSchema,
    response: { 200: MeSchema },
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/auth/logout',
    policy: 'signed_in',
    allowDuringPasswordChange: true,
    tags,
    summary: 'Sign out',
    status: 204,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/auth/me',
    policy: 'signed_in',
    allowDuringPasswordChange: true,
    tags,
    summary: 'The signed-in user, memberships and CSRF token',
    response: { 200: MeSchema },
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/auth/password',
    policy: 'signed_in',
    allowDuringPasswordChange: true,
    tags,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    summary:
      'Change my password (required first after a one-time password); ends my other sessions and revokes my API tokens',
    body: PasswordChangeSchema,
    response: { 200: PasswordChangedSchema },
  }),
  tokens: defineRoute({
    method: 'GET',
    path: '/auth/tokens',
    policy: 'signed_in',
    tags,
    summary: 'My API tokens',
    response: { 200: z.array(ApiTokenSchema) },
  }),
  createToken: defineRoute({
    method: 'POST',
    path: '/auth/tokens',
    policy: 'signed_in',
    tags,
    summary: 'Issue an API token (the secret is shown once)',
    body: ApiTokenCreateSchema,
    response: { 201: ApiTokenSchema.extend({ token: z.string() }) },
  }),
  revokeToken: defineRoute({
    method: 'DELETE',
    path: '/auth/tokens/:id',
    policy: 'signed_in',
    tags,
    summary: 'Revoke an API token',
    params: z.object({ id: UuidSchema }),
    status: 204,
  }),
  createUser: defineRoute({
    method: 'POST',
    path: '/users',
    policy: 'users:manage',
    tags,
    summary: 'Create an account (admin); without a password a one-time password is returned once',
    body: UserCreateSchema,
    response: { 201: z.object({ id: UuidSchema, email: z.string(), password: z.string().nullable() }) },
  }),
  providers: defineRoute({
    method: 'GET',
    path: '/auth/providers',
    policy: 'public',
    tags,
    summary: 'How one can sign in here',
    response: { 200: z.object({ password: z.literal(true), oidc: z.boolean() }) },
  }),
  /** A browser flow: both answer with redirects. */
  oidcStart: defineRoute({
    method: 'GET',
    path: '/auth/oidc/start',
    policy: 'public',
    rateLimit: { max: 30, timeWindow: '1 minute' },
    tags,
    summary: 'Start single sign-on (redirects to the identity provider)',
  }),
  oidcCallback: defineRoute({
    method: 'GET',
    path: '/auth/oidc/callback',
    policy: 'public',
    rateLimit: { max: 30, timeWindow: '1 minute' },
    tags,
    summary: 'Where the identity provider sends the browser back',
  }),
};
