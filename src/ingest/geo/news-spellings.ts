// Spellings news uses for GeoNames places that GeoNames lacks (or holds only as an alternate name),
// and the few places and regions the packages lack altogether (data/news-spellings.json). A spelling
// becomes a name of the GeoNames place itself, so it competes with its namesakes on population and
// context like any other name, without the alternate-name penalty.
import { z } from 'zod';
import { readDataFile } from './data-files.js';
import type { PlaceKind } from './gazetteer.js';

const NewsSpellings = z.object({
  spellings: z.array(z.object({ name: z.string(), of: z.string(), country: z.string() })),
  places: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['town', 'district', 'province', 'region']),
      country: z.string(),
      admin1: z.string().nullable(),
      admin2: z.string().nullable(),
      lat: z.number(),
      lon: z.number(),
      population: z.number(),
      approx: z.boolean().optional(),
      variants: z.array(z.string()),
    }),
  ),
});

export interface ExtraPlace {
  name: string;
  kind: Extract<PlaceKind, 'town' | 'district' | 'province' | 'region'>;
  country: string;
  admin1: string | null;
  admin2: string | null;
  lat: number;
  lon: number;
  population: number;
  variants: string[];
}

export function readNewsSpellings(): {
  spellings: { name: string; of: string; country: string }[];
  places: ExtraPlace[];
} {
  return NewsSpellings.parse(readDataFile('news-spellings.json'));
}
