// What GET …/desk/queue answers, as the desk reads it (src/server/routes/desk.ts DeskItemSchema;
// web/ may not import src/server, so the shape is restated here and tested against the server's
// answer in test/browser/console-desk.test.ts).
export interface DeskItem {
  id: string;
  index: number;
  kind: 'report' | 'article';
  author: string;
  org: string | null;
  role: string | null;
  at: string;
  title: string;
  types: string[];
  date: string | null;
  place: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  accused: string | null;
  fatalities: number | null;
  terms: string[];
  evidence: number;
  sealed: boolean;
  state: 'open' | 'dismissed' | 'duplicate';
  triage: { entry: string; reason: string | null; of: string | null } | null;
  body: unknown;
}
