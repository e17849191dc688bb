// Every entry kind's projection, one module each, in a table the compiler checks for completeness:
// a new kind in src/core/records/kinds.ts does not compile until it says how it is projected.
// `mission` and `key` entries are applied before (WorkflowStore.applyEntry, admission-keys.ts), and
// commitments and reveals of sealed entries by sealed-projection.ts.
import type { EntryKind } from '../../core/records/kinds.js';
import { commitmentProjection } from './commitment.js';
import type { KindProjection } from './context.js';
import { correctionProjection } from './correction.js';
import { crossingProjection } from './crossing.js';
import { endorsementProjection } from './endorsement.js';
import { findingProjection } from './finding.js';
import { incidentProjection } from './incident.js';
import { penaltyProjection } from './penalty.js';
import { releaseProjection } from './release.js';
import { reportProjection } from './report.js';
import { responseProjection } from './response.js';
import { taskProjection } from './task.js';

/** Kinds whose accepted entries add nothing beyond their wf_records row. */
const RECORD_ONLY = {};

export const PROJECTIONS: { [K in EntryKind]: KindProjection<K> } = {
  mission: RECORD_ONLY,
  key: RECORD_ONLY,
  report: reportProjection,
  incident: incidentProjection,
  response: responseProjection,
  task: taskProjection,
  finding: findingProjection,
  endorsement: endorsementProjection,
  release: releaseProjection,
  crossing: crossingProjection,
  // Coded news is read from its wf_records row (src/ingest; the news layer of the portal).
  article: RECORD_ONLY,
  correction: correctionProjection,
  commitment: commitmentProjection,
  // A reveal's effects (the commitment revealed, the record made public) are applied before the
  // rules' decision in WorkflowStore.applyEntry, since they hold for any accepted reveal.
  reveal: RECORD_ONLY,
  penalty: penaltyProjection,
};
