// Which entries the public may read at filing (issue 9, finding 2: sealed by default). Mission data:
// a mission doc may carry `disclosure`; without it the defaults below apply. Kept free of
// ../records/kinds.ts (which imports the mission schema); disclosure.test.ts checks that the kind
// names here are exactly the entry kinds.
import { z } from 'zod';

export const DISCLOSABLE_KINDS = [
  'mission',
  'key',
  'report',
  'incident',
  'response',
  'task',
  'finding',
  'endorsement',
  'release',
  'crossing',
  'article',
  'correction',
  'commitment',
  'reveal',
  'penalty',
] as const;
const KindNameSchema = z.enum(DISCLOSABLE_KINDS);

export type DisclosableKind = (typeof DISCLOSABLE_KINDS)[number];

/** The mission doc's `disclosure` field; built from the mission's role enum (which imports this). */
export function disclosureSchema<R extends z.ZodType<string>>(roleSchema: R) {
  return z.strictObject({
    /** Kinds public at filing whoever files them. */
    publicKinds: z.array(KindNameSchema),
    /** Kinds public at filing only when their author has one of these roles. */
    publicByRole: z.partialRecord(KindNameSchema, z.array(roleSchema)).default({}),
  });
}

export interface Disclosure {
  publicKinds: DisclosableKind[];
  publicByRole: Partial<Record<DisclosableKind, string[]>>;
}

/**
 * The defaults of the issue: mission, key, crossing by monitors, article, release, correction of
 * public records. Commitments and reveals are the sealing machinery itself and always public.
 * Penalties are public at filing: they rest only on released findings under the mission's public
 * schedule, and, having no incident, a sealed one would never be opened by a release.
 */
export const DEFAULT_DISCLOSURE: Disclosure = {
  publicKinds: [
    'mission',
    'key',
    'article',
    'release',
    'correction',
    'commitment',
    'reveal',
    'penalty',
  ],
  publicByRole: { crossing: ['monitor'] },
};
