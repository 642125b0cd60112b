import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import { MembershipsUpdateSchema, UserActiveUpdateSchema, UserSummarySchema } from '../domain/users.js';
import { defineRoute } from './define-route.js';

const tags = ['users'];
const params = z.object({ id: UuidSchema });

/** The administrator's accounts and roles (creating one is `authContract.createUser`). */
export const usersContract = {
  list: defineRoute({
    method: 'GET',
    path: '/users',
    policy: 'users:manage',
    tags,
    summary: "The organisation's accounts with their roles per unit",
    response: { 200: z.array(UserSummarySchema) },
  }),
  memberships: defineRoute({
    method: 'PUT',
    path: '/users/:id/memberships',
    policy: 'users:manage',
    tags,
    summary: "Replace an account's roles per unit",
    params,
    body: MembershipsUpdateSchema,
    status: 204,
  }),
  active: defineRoute({
    method: 'PUT',
    path: '/users/:id/active',
    policy: 'users:manage',
    tags,
    summary: 'Deactivate (ends its sessions) or reactivate an account',
    params,
    body: UserActiveUpdateSchema,
    status: 204,
  }),
};
