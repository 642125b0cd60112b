import { z } from 'zod';
import { UuidSchema } from './common.js';

export const CategoryCodeSchema = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _')
  .max(60);

export const CategorySchema = z.object({
  id: UuidSchema,
  code: CategoryCodeSchema,
  label_sv: z.string(),
  label_en: z.string(),
  group_code: z.string(),
  sort_order: z.number().int(),
  active: z.boolean(),
});
export type Category = z.infer<typeof CategorySchema>;

export const CategoryCreateSchema = z.strictObject({
  code: CategoryCodeSchema,
  label_sv: z.string().trim().min(1).max(100),
  label_en: z.string().trim().min(1).max(100),
  group_code: CategoryCodeSchema,
  sort_order: z.number().int().min(0).max(10_000).default(0),
});
export type CategoryCreate = z.infer<typeof CategoryCreateSchema>;

export const CategoryUpdateSchema = CategoryCreateSchema.omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');
export type CategoryUpdate = z.infer<typeof CategoryUpdateSchema>;

/**
 * The default taxonomy every new organisation starts with (data, not code paths: admins edit it).
 * Groups let the situation picture filter "property", "disorder", "violence", "environment", "traffic".
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<Omit<CategoryCreate, 'sort_order'>> = [
  { code: 'skadegorelse', label_sv: 'Skadegörelse', label_en: 'Vandalism', group_code: 'property' },
  { code: 'klotter', label_sv: 'Klotter', label_en: 'Graffiti', group_code: 'property' },
  { code: 'nedskrapning', label_sv: 'Nedskräpning', label_en: 'Littering', group_code: 'environment' },
  { code: 'trasig_belysning', label_sv: 'Trasig belysning', label_en: 'Broken lighting', group_code: 'environment' },
  { code: 'otrygg_plats', label_sv: 'Otrygg plats', label_en: 'Place that feels unsafe', group_code: 'environment' },
  { code: 'ordningsstorning', label_sv: 'Ordningsstörning', label_en: 'Public disorder', group_code: 'disorder' },
  { code: 'narkotika', label_sv: 'Narkotika', label_en: 'Drugs', group_code: 'disorder' },
  { code: 'vald', label_sv: 'Våld', label_en: 'Violence', group_code: 'violence' },
  { code: 'hot', label_sv: 'Hot', label_en: 'Threats', group_code: 'violence' },
  { code: 'stold_inbrott', label_sv: 'Stöld/inbrott', label_en: 'Theft/burglary', group_code: 'property' },
  { code: 'brand', label_sv: 'Brand', label_en: 'Fire', group_code: 'property' },
  { code: 'trafikfara', label_sv: 'Trafikfara', label_en: 'Traffic hazard', group_code: 'traffic' },
  { code: 'annat', label_sv: 'Annat', label_en: 'Other', group_code: 'other' },
];
