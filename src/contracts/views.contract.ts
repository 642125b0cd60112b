import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import { CityViewSchema, DistrictViewSchema, UnitViewSchema } from '../domain/views.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const UnitParams = z.object({ unit_id: UuidSchema });

/** The programme seen from a district, a unit and the whole city. */
export const viewsContract = {
  district: defineRoute({
    method: 'GET',
    path: '/views/districts/:unit_id',
    policy: 'programme:read',
    tags,
    summary: "District coordination view: every unit's work in the district, with areas and points for a map",
    params: UnitParams,
    response: { 200: DistrictViewSchema },
  }),
  unit: defineRoute({
    method: 'GET',
    path: '/views/units/:unit_id',
    policy: 'programme:read',
    tags,
    summary: 'Unit view: its measures across all districts and its premises as resources',
    params: UnitParams,
    response: { 200: UnitViewSchema },
  }),
  city: defineRoute({
    method: 'GET',
    path: '/views/city',
    policy: 'programme:read',
    tags,
    summary: 'City view: districts side by side with counts and quality figures',
    response: { 200: CityViewSchema },
  }),
};
