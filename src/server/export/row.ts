// What the exports format: one row of the incident list. The shape is that of the workflow read
// model's IncidentRow (src/store/workflow-store.ts), restated here so the formatters stay pure and
// any IncidentRow is assignable; callers may add extras (actors, sources, notes). Every text field
// is attacker-controlled.

export interface ExportActor {
  name: string;
  /** ACLED inter code 1–8. */
  inter: number;
}

export interface ExportRow {
  id: string;
  /** Log index of the entry that opened the incident. */
  index: number;
  title: string;
  type: string;
  status: string;
  /** YYYY-MM-DD. */
  date: string;
  timePrecision: number;
  location: {
    name: string;
    admin1?: string | null;
    admin2?: string | null;
    country: string;
    lat: number;
    lon: number;
    geo_precision: number;
  };
  fatalities: number | null;
  parties: string[];
  verdict: string | null;
  attribution: string | null;
  releasedIndex: number | null;
  actors?: ExportActor[];
  sources?: string[];
  notes?: string;
}

export interface ExportOptions {
  /** The mission slug (names the default source). */
  mission: string;
  /** When the export was made: ACLED's `timestamp` column (Unix seconds). */
  generatedAt: Date;
}
