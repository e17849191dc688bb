export { IngestError, INGEST_ERROR_CODES, type IngestErrorCode } from './errors.js';
export type { Article, CodedActor, CodedEvent, CodedLocation, FatalityClaim } from './types.js';
export { parsePlainText, type ArticleHints } from './article/plain-text.js';
export { parseHtml } from './article/html.js';
export { parseFeed, isFeed } from './article/feed.js';
export { parseJsonLines } from './article/json-lines.js';
export {
  parseDocument,
  listInputFiles,
  readArticlesFromFile,
  readStdin,
  ARTICLE_EXTENSIONS,
} from './article/read-inputs.js';
export {
  fetchFeed,
  pollFeeds,
  assertAllowedHost,
  DEFAULT_FEED_INTERVAL_MS,
  type FeedPollerOptions,
} from './article/feed-poller.js';
export { loadGazetteer, Gazetteer, type GazetteerOptions, type Place } from './geo/gazetteer.js';
export {
  NO_REGION,
  regionFromMission,
  type CodingRegion,
  type RegionLine,
  type RegionCrossing,
} from './geo/region.js';
export { regionOfMission, codingGazetteer } from './geo/mission-region.js';
export { distanceKm } from './geo/distance.js';
export { codeArticle, type CoderOptions } from './code/coder.js';
export {
  ingestInputs,
  type IngestOptions,
  type IngestProgress,
  type IngestResult,
} from './pipeline.js';
export {
  eventMatchesIncident,
  matchIncidents,
  groupCandidates,
  MATCH_MAX_DAYS,
  MATCH_MAX_KM,
  type IncidentRef,
  type CandidateIncident,
} from './match/incidents.js';
export { articleBody, FACT_SOURCE, type ArticleBody } from './commit/article-body.js';
