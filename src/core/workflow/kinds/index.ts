// Every entry kind's rules, one module each, in a table the compiler checks for completeness: a new
// kind in src/core/records/kinds.ts does not compile until it has its rules here.
import type { EntryKind } from '../../records/kinds.js';
import { articleRules } from './article.js';
import { commitmentRules } from './commitment.js';
import type { KindRules } from './context.js';
import { correctionRules } from './correction.js';
import { crossingRules } from './crossing.js';
import { endorsementRules } from './endorsement.js';
import { findingRules } from './finding.js';
import { incidentRules } from './incident.js';
import { keyRules } from './key.js';
import { missionRules } from './mission.js';
import { penaltyRules } from './penalty.js';
import { releaseRules } from './release.js';
import { reportRules } from './report.js';
import { responseRules } from './response.js';
import { revealRules } from './reveal.js';
import { taskRules } from './task.js';

export const KIND_RULES: { [K in EntryKind]: KindRules<K> } = {
  mission: missionRules,
  key: keyRules,
  report: reportRules,
  incident: incidentRules,
  response: responseRules,
  task: taskRules,
  finding: findingRules,
  endorsement: endorsementRules,
  release: releaseRules,
  crossing: crossingRules,
  article: articleRules,
  correction: correctionRules,
  commitment: commitmentRules,
  reveal: revealRules,
  penalty: penaltyRules,
};
