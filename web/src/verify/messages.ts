// The words of the incident page, the log page and their verification, in English, Urdu and Pashto
// (issue 10, item 6), chosen by <html lang>. Numbers and dates go through Intl in the page's
// language. Parameters are plain values: the caller formats numbers (fmtNumber) and dates
// (fmtDate) first, so every language gets its own digits and calendar words.
import { en as enPortal } from '../i18n/en.js';
import { ps as psPortal } from '../i18n/ps.js';
import { ur as urPortal } from '../i18n/ur.js';

export type Lang = 'en' | 'ur' | 'ps';

export interface Messages {
  // the verification banner
  checking: string;
  verified: string;
  failed: string;
  allInLog: (n: string) => string;
  cosigned: (size: string, k: string, w: string) => string;
  failedBecause: (what: string) => string;
  firstSeen: (size: string) => string;
  consistentWith: (size: string, when: string) => string;
  anotherHistory: string;
  details: string;
  downloadProof: string;
  checkpointText: string;
  policyText: string;
  keysNote: string;
  // what failed, exactly
  whyFetch: (what: string, why: string) => string;
  whyPolicy: (why: string) => string;
  whyPolicyMission: (why: string) => string;
  whyPolicyChanged: string;
  whyCheckpointSignature: (origin: string) => string;
  whyCheckpointBadCosignature: (why: string) => string;
  whyQuorum: (size: string, k: string, needed: string) => string;
  whyCheckpointMalformed: (why: string) => string;
  whyConsistency: (oldSize: string, newSize: string, why: string) => string;
  whyOlder: (oldSize: string, newSize: string) => string;
  whyNotInCheckpoint: (what: string, index: string, size: string) => string;
  whyEntryTampered: (what: string, index: string, size: string) => string;
  whyTileTampered: (what: string, index: string, size: string) => string;
  whyEntryUnreadable: (what: string, index: string, why: string) => string;
  whyEntryDiffers: (what: string, index: string, field: string) => string;
  whyNoKey: (what: string, index: string, author: string) => string;
  whyRevokedKey: (what: string, index: string, author: string) => string;
  whySignature: (what: string, index: string, author: string) => string;
  whyKeyRule: (index: string, why: string) => string;
  whyRootMismatch: (size: string) => string;
  whySealed: (what: string, index: string, why: string) => string;
  recordLabel: (kind: string, index: string) => string;
  keyEntryLabel: (index: string) => string;
  // one record
  inLogAt: (index: string) => string;
  sigVerified: (author: string) => string;
  sigPending: string;
  sigFailed: string;
  revealedMatches: (n: string) => string;
  author: string;
  organisation: string;
  claimedTime: string;
  logTime: string;
  logIndex: string;
  signature: string;
  notYetLogged: string;
  // the incident page
  loading: string;
  notFound: (id: string) => string;
  loadFailed: (why: string) => string;
  recordsHeading: (n: string) => string;
  evidenceHeading: string;
  noEvidence: string;
  mapHeading: string;
  mapUnavailable: string;
  mapLabel: (place: string) => string;
  status: string;
  verdict: string;
  attribution: string;
  fatalities: string;
  date: string;
  place: string;
  parties: string;
  terms: string;
  grade: string;
  endorsedBy: string;
  deadline: string;
  deadlineStatus: Record<string, string>;
  responseDue: string;
  deniedBy: string;
  outcome: string;
  supersedes: (index: string) => string;
  supersededBy: string;
  confidential: string;
  kinds: Record<string, string>;
  /** Words for coded values (verdicts, statuses, stances, outcomes, task kinds). */
  values: Record<string, string>;
  // the log page
  logTitle: (name: string) => string;
  logSize: string;
  checkpointHeading: string;
  witnessesHeading: string;
  witnessCosigned: (when: string) => string;
  witnessMissing: string;
  quorumIs: (k: string, n: string) => string;
  rootHash: string;
  fullCheckHeading: string;
  fullCheckStart: string;
  fullCheckProgress: (done: string, total: string) => string;
  fullCheckDone: (n: string, size: string) => string;
  fullCheckFailed: (why: string) => string;
  fullCheckExplain: string;
}

const en: Messages = {
  checking: 'Checking this page against the public log…',
  verified: 'Verified',
  failed: 'Verification failed',
  allInLog: (n) => `All ${n} records are in the public log.`,
  cosigned: (size, k, w) => `Checkpoint ${size} is cosigned by ${k} of ${w} witnesses.`,
  failedBecause: (what) => `This page could not be verified: ${what}`,
  firstSeen: (size) =>
    `This browser had not seen this log before; it keeps checkpoint ${size} to check the next one against.`,
  consistentWith: (size, when) =>
    `The log only grew since checkpoint ${size}, which this browser saw ${when}.`,
  anotherHistory:
    'This server is showing you a different history of the log than it showed this browser before.',
  details: 'Details of the check',
  downloadProof: 'Download the proof (.tlog-proof)',
  checkpointText: 'The signed checkpoint',
  policyText: 'The log’s policy (log key, witnesses, quorum)',
  keysNote:
    'Each author’s key was read from the key entries of the log, each proven like any other entry. The full check on the log page also shows that none was left out.',
  whyFetch: (what, why) => `couldn't fetch ${what} (${why}).`,
  whyPolicy: (why) => `the log's policy is malformed: ${why}.`,
  whyPolicyMission: (why) => `the log's policy does not match the mission document: ${why}.`,
  whyPolicyChanged:
    "the log's key or witnesses differ from the policy this browser saw before (a server may be impersonating the log).",
  whyCheckpointSignature: (origin) =>
    `the checkpoint is not signed by the log key in the policy (${origin}).`,
  whyCheckpointBadCosignature: (why) =>
    `a witness cosignature on the checkpoint is invalid: ${why}.`,
  whyQuorum: (size, k, needed) =>
    `checkpoint ${size} is cosigned by ${k} of the policy's witnesses; the policy needs ${needed}.`,
  whyCheckpointMalformed: (why) => `the checkpoint is malformed: ${why}.`,
  whyConsistency: (oldSize, newSize, why) =>
    `checkpoint ${newSize} is not consistent with checkpoint ${oldSize} seen earlier: ${why}.`,
  whyOlder: (oldSize, newSize) =>
    `the server's checkpoint ${newSize} is older than checkpoint ${oldSize} this browser already saw.`,
  whyNotInCheckpoint: (what, index, size) =>
    `${what} is at log index ${index}, beyond checkpoint ${size}.`,
  whyEntryTampered: (what, index, size) =>
    `the entry served for ${what} (index ${index}) is not the one in checkpoint ${size}: its hash is not the log's leaf.`,
  whyTileTampered: (what, index, size) =>
    `the tiles served for ${what} (index ${index}) do not lead to the root hash of checkpoint ${size}.`,
  whyEntryUnreadable: (what, index, why) =>
    `the log entry of ${what} (index ${index}) is not a valid envelope: ${why}.`,
  whyEntryDiffers: (what, index, field) =>
    `the page's copy of ${what} differs from the log entry at index ${index} (${field}).`,
  whyNoKey: (what, index, author) =>
    `the author of ${what} (index ${index}), ${author}, has no key registered earlier in the log.`,
  whyRevokedKey: (what, index, author) =>
    `the author of ${what} (index ${index}), ${author}, signed with a key revoked before it.`,
  whySignature: (what, index, author) =>
    `the signature of ${what} (index ${index}) does not verify with the key the log registered for ${author}.`,
  whyKeyRule: (index, why) => `the key entry at index ${index} breaks the key rule: ${why}.`,
  whyRootMismatch: (size) =>
    `the entries served do not rebuild the root hash of checkpoint ${size}: an entry was added, removed or changed.`,
  whySealed: (what, index, why) => `the reveal of ${what} (index ${index}) fails: ${why}.`,
  recordLabel: (kind, index) => `the ${kind} at index ${index}`,
  keyEntryLabel: (index) => `the key entry at index ${index}`,
  inLogAt: (index) => `In the log at index ${index}`,
  sigVerified: (author) => `Signature by ${author} verified`,
  sigPending: 'Not checked yet',
  sigFailed: 'Not verified',
  revealedMatches: (n) => `Revealed and matches commitment at index ${n}`,
  author: 'Author',
  organisation: 'Organisation',
  claimedTime: 'Signed (author’s claim)',
  logTime: 'Logged',
  logIndex: 'Log index',
  signature: 'Signature',
  notYetLogged: 'not yet',
  loading: 'Loading the incident…',
  notFound: (id) => `No released incident ${id} on this server.`,
  loadFailed: (why) => `Couldn't load the incident: ${why}`,
  recordsHeading: (n) => `Records, in log order (${n})`,
  evidenceHeading: 'Evidence (SHA-256)',
  noEvidence: 'No evidence files are referenced by these records.',
  mapHeading: 'Where',
  mapUnavailable: 'The map could not be drawn in this browser.',
  mapLabel: (place) => `Map showing ${place}`,
  status: 'Status',
  verdict: 'Verdict',
  attribution: 'Attribution',
  fatalities: 'Fatalities',
  date: 'Date',
  place: 'Place',
  parties: 'Parties',
  terms: 'Terms',
  grade: 'Admiralty grade',
  endorsedBy: 'Endorsed by',
  deadline: 'Response deadline',
  deadlineStatus: {
    answered: 'answered in time',
    answered_late: 'answered late',
    pending: 'awaiting a response',
    missed: 'missed, no response',
  },
  responseDue: 'Response due',
  deniedBy: 'Access denied by',
  outcome: 'Outcome',
  supersedes: (index) => `Corrects the entry at index ${index}`,
  supersededBy: 'Corrected later',
  confidential: 'Confidential',
  kinds: {
    report: 'Report',
    allegation: 'Allegation',
    incident: 'Incident',
    response: 'Response',
    task: 'Task',
    finding: 'Finding',
    endorsement: 'Endorsement',
    release: 'Release',
    correction: 'Correction',
    commitment: 'Commitment',
    reveal: 'Reveal',
  },
  values: {
    confirmed: 'confirmed',
    probable: 'probable',
    unconfirmed: 'unconfirmed',
    false_report: 'false report',
    inconclusive: 'inconclusive',
    reported: 'reported',
    under_review: 'under review',
    investigating: 'investigating',
    finding_drafted: 'finding drafted',
    endorsed: 'endorsed',
    released: 'released',
    closed: 'closed',
    denial: 'denial',
    acknowledgement: 'acknowledgement',
    counter_claim: 'counter-claim',
    joint_investigation_request: 'request for a joint investigation',
    completed: 'completed',
    access_denied: 'access denied',
    cancelled: 'cancelled',
    site_visit: 'site visit',
    interviews: 'interviews',
    imagery_review: 'imagery review',
    document_review: 'document review',
    other: 'other',
    undetermined: 'undetermined',
    assign: 'assigned',
    update: 'update',
    close: 'closed',
  },
  logTitle: (name) => `The public log of ${name}`,
  logSize: 'Entries in the log',
  checkpointHeading: 'Latest checkpoint',
  witnessesHeading: 'Witnesses',
  witnessCosigned: (when) => `cosigned ${when}`,
  witnessMissing: 'no cosignature on this checkpoint',
  quorumIs: (k, n) => `The policy needs ${k} of these ${n} witnesses.`,
  rootHash: 'Root hash',
  fullCheckHeading: 'Check the whole log',
  fullCheckStart: 'Check every entry',
  fullCheckProgress: (done, total) => `Checked ${done} of ${total} entries…`,
  fullCheckDone: (n, size) =>
    `All ${n} entries check out: the tree of checkpoint ${size} is rebuilt from them, and every signature verifies with a key the log registered.`,
  fullCheckFailed: (why) => `The log does not check out: ${why}`,
  fullCheckExplain:
    'Your browser downloads every entry, rebuilds the Merkle tree, and checks every signature against the keys the log itself registers. It runs in the background; the page stays usable.',
};

const ur: Messages = {
  checking: 'یہ صفحہ عوامی لاگ سے جانچا جا رہا ہے…',
  verified: 'تصدیق شدہ',
  failed: 'تصدیق ناکام',
  allInLog: (n) => `تمام ${n} ریکارڈ عوامی لاگ میں موجود ہیں۔`,
  cosigned: (size, k, w) => `چیک پوائنٹ ${size} پر ${w} میں سے ${k} گواہوں کے دستخط ہیں۔`,
  failedBecause: (what) => `اس صفحے کی تصدیق نہیں ہو سکی: ${what}`,
  firstSeen: (size) =>
    `اس براؤزر نے یہ لاگ پہلے نہیں دیکھا؛ اگلی بار موازنے کے لیے چیک پوائنٹ ${size} محفوظ کر لیا گیا ہے۔`,
  consistentWith: (size, when) =>
    `چیک پوائنٹ ${size} کے بعد سے لاگ میں صرف اضافہ ہوا ہے؛ یہ چیک پوائنٹ اس براؤزر نے ${when} دیکھا تھا۔`,
  anotherHistory:
    'یہ سرور آپ کو لاگ کی وہ تاریخ نہیں دکھا رہا جو اس نے پہلے اس براؤزر کو دکھائی تھی۔',
  details: 'جانچ کی تفصیل',
  downloadProof: 'ثبوت ڈاؤن لوڈ کریں (.tlog-proof)',
  checkpointText: 'دستخط شدہ چیک پوائنٹ',
  policyText: 'لاگ کی پالیسی (لاگ کی کلید، گواہ، کورم)',
  keysNote:
    'ہر مصنف کی کلید لاگ کے کلیدی اندراجات سے لی گئی، اور ہر اندراج دوسرے اندراجات کی طرح ثابت کیا گیا۔ لاگ کے صفحے پر مکمل جانچ یہ بھی دکھاتی ہے کہ کوئی کلید چھوڑی نہیں گئی۔',
  whyFetch: (what, why) => `${what} حاصل نہیں ہو سکا (${why})۔`,
  whyPolicy: (why) => `لاگ کی پالیسی درست نہیں: ${why}۔`,
  whyPolicyMission: (why) => `لاگ کی پالیسی مشن کی دستاویز سے مطابقت نہیں رکھتی: ${why}۔`,
  whyPolicyChanged:
    'لاگ کی کلید یا گواہ اس پالیسی سے مختلف ہیں جو اس براؤزر نے پہلے دیکھی تھی (کوئی سرور لاگ کا روپ دھار رہا ہو سکتا ہے)۔',
  whyCheckpointSignature: (origin) =>
    `چیک پوائنٹ پر پالیسی میں درج لاگ کی کلید کے دستخط نہیں (${origin})۔`,
  whyCheckpointBadCosignature: (why) => `چیک پوائنٹ پر کسی گواہ کے دستخط درست نہیں: ${why}۔`,
  whyQuorum: (size, k, needed) =>
    `چیک پوائنٹ ${size} پر پالیسی کے ${k} گواہوں کے دستخط ہیں؛ پالیسی کو ${needed} درکار ہیں۔`,
  whyCheckpointMalformed: (why) => `چیک پوائنٹ درست نہیں: ${why}۔`,
  whyConsistency: (oldSize, newSize, why) =>
    `چیک پوائنٹ ${newSize} پہلے دیکھے گئے چیک پوائنٹ ${oldSize} سے مطابقت نہیں رکھتا: ${why}۔`,
  whyOlder: (oldSize, newSize) =>
    `سرور کا چیک پوائنٹ ${newSize} اس چیک پوائنٹ ${oldSize} سے پرانا ہے جو یہ براؤزر دیکھ چکا ہے۔`,
  whyNotInCheckpoint: (what, index, size) =>
    `${what} لاگ کے اشاریہ ${index} پر ہے، چیک پوائنٹ ${size} سے آگے۔`,
  whyEntryTampered: (what, index, size) =>
    `${what} (اشاریہ ${index}) کا فراہم کردہ اندراج وہ نہیں جو چیک پوائنٹ ${size} میں ہے: اس کا ہیش لاگ کا پتّا نہیں۔`,
  whyTileTampered: (what, index, size) =>
    `${what} (اشاریہ ${index}) کے لیے فراہم کردہ ٹائلیں چیک پوائنٹ ${size} کے روٹ ہیش تک نہیں پہنچتیں۔`,
  whyEntryUnreadable: (what, index, why) =>
    `${what} (اشاریہ ${index}) کا لاگ اندراج درست لفافہ نہیں: ${why}۔`,
  whyEntryDiffers: (what, index, field) =>
    `صفحے پر ${what} کی نقل اشاریہ ${index} کے لاگ اندراج سے مختلف ہے (${field})۔`,
  whyNoKey: (what, index, author) =>
    `${what} (اشاریہ ${index}) کے مصنف ${author} کی کوئی کلید لاگ میں پہلے درج نہیں۔`,
  whyRevokedKey: (what, index, author) =>
    `${what} (اشاریہ ${index}) کے مصنف ${author} نے ایسی کلید سے دستخط کیے جو پہلے منسوخ ہو چکی تھی۔`,
  whySignature: (what, index, author) =>
    `${what} (اشاریہ ${index}) کے دستخط اس کلید سے تصدیق نہیں ہوتے جو لاگ نے ${author} کے لیے درج کی۔`,
  whyKeyRule: (index, why) => `اشاریہ ${index} کا کلیدی اندراج کلید کے اصول کے خلاف ہے: ${why}۔`,
  whyRootMismatch: (size) =>
    `فراہم کردہ اندراجات سے چیک پوائنٹ ${size} کا روٹ ہیش دوبارہ نہیں بنتا: کوئی اندراج شامل، حذف یا تبدیل کیا گیا۔`,
  whySealed: (what, index, why) => `${what} (اشاریہ ${index}) کا انکشاف ناکام ہے: ${why}۔`,
  recordLabel: (kind, index) => `اشاریہ ${index} پر ${kind}`,
  keyEntryLabel: (index) => `اشاریہ ${index} پر کلیدی اندراج`,
  inLogAt: (index) => `لاگ میں اشاریہ ${index} پر`,
  sigVerified: (author) => `${author} کے دستخط کی تصدیق ہو گئی`,
  sigPending: 'ابھی جانچا نہیں گیا',
  sigFailed: 'تصدیق نہیں ہوئی',
  revealedMatches: (n) => `منکشف، اور اشاریہ ${n} کے عہد سے مطابقت رکھتا ہے`,
  author: 'مصنف',
  organisation: 'ادارہ',
  claimedTime: 'دستخط (مصنف کا دعویٰ)',
  logTime: 'لاگ میں درج',
  logIndex: 'لاگ اشاریہ',
  signature: 'دستخط',
  notYetLogged: 'ابھی نہیں',
  loading: 'واقعہ لوڈ ہو رہا ہے…',
  notFound: (id) => `اس سرور پر کوئی جاری شدہ واقعہ ${id} نہیں۔`,
  loadFailed: (why) => `واقعہ لوڈ نہیں ہو سکا: ${why}`,
  recordsHeading: (n) => `ریکارڈ، لاگ کی ترتیب میں (${n})`,
  evidenceHeading: 'شواہد (SHA-256)',
  noEvidence: 'ان ریکارڈز میں کسی شواہد فائل کا حوالہ نہیں۔',
  mapHeading: 'مقام',
  mapUnavailable: 'اس براؤزر میں نقشہ نہیں بن سکا۔',
  mapLabel: (place) => `${place} کا نقشہ`,
  status: 'حیثیت',
  verdict: 'فیصلہ',
  attribution: 'ذمہ داری',
  fatalities: 'ہلاکتیں',
  date: 'تاریخ',
  place: 'مقام',
  parties: 'فریق',
  terms: 'شرائط',
  grade: 'ایڈمرلٹی درجہ',
  endorsedBy: 'توثیق کنندگان',
  deadline: 'جواب کی آخری تاریخ',
  deadlineStatus: {
    answered: 'وقت پر جواب دیا گیا',
    answered_late: 'تاخیر سے جواب دیا گیا',
    pending: 'جواب کا انتظار',
    missed: 'مدت گزر گئی، کوئی جواب نہیں',
  },
  responseDue: 'جواب کی آخری تاریخ',
  deniedBy: 'رسائی سے انکار',
  outcome: 'نتیجہ',
  supersedes: (index) => `اشاریہ ${index} کے اندراج کی تصحیح`,
  supersededBy: 'بعد میں تصحیح کی گئی',
  confidential: 'خفیہ',
  kinds: {
    report: 'رپورٹ',
    allegation: 'الزام',
    incident: 'واقعہ',
    response: 'جواب',
    task: 'کام',
    finding: 'نتیجۂ تحقیق',
    endorsement: 'توثیق',
    release: 'اجرا',
    correction: 'تصحیح',
    commitment: 'عہد',
    reveal: 'انکشاف',
  },
  values: {
    confirmed: 'تصدیق شدہ',
    probable: 'غالب امکان',
    unconfirmed: 'غیر تصدیق شدہ',
    false_report: 'غلط رپورٹ',
    inconclusive: 'غیر حتمی',
    reported: 'رپورٹ شدہ',
    under_review: 'زیرِ غور',
    investigating: 'زیرِ تفتیش',
    finding_drafted: 'نتیجہ تیار',
    endorsed: 'توثیق شدہ',
    released: 'جاری شدہ',
    closed: 'بند',
    denial: 'تردید',
    acknowledgement: 'اعتراف',
    counter_claim: 'جوابی دعویٰ',
    joint_investigation_request: 'مشترکہ تحقیقات کی درخواست',
    completed: 'مکمل',
    access_denied: 'رسائی سے انکار',
    cancelled: 'منسوخ',
    site_visit: 'موقع کا دورہ',
    interviews: 'انٹرویو',
    imagery_review: 'تصاویر کا جائزہ',
    document_review: 'دستاویزات کا جائزہ',
    other: 'دیگر',
    undetermined: 'غیر متعین',
    assign: 'تفویض',
    update: 'تازہ کاری',
    close: 'بند',
  },
  logTitle: (name) => `${name} کا عوامی لاگ`,
  logSize: 'لاگ میں اندراجات',
  checkpointHeading: 'تازہ ترین چیک پوائنٹ',
  witnessesHeading: 'گواہ',
  witnessCosigned: (when) => `${when} کو دستخط کیے`,
  witnessMissing: 'اس چیک پوائنٹ پر دستخط نہیں',
  quorumIs: (k, n) => `پالیسی کو ان ${n} گواہوں میں سے ${k} درکار ہیں۔`,
  rootHash: 'روٹ ہیش',
  fullCheckHeading: 'پورے لاگ کی جانچ',
  fullCheckStart: 'ہر اندراج جانچیں',
  fullCheckProgress: (done, total) => `${total} میں سے ${done} اندراجات جانچے گئے…`,
  fullCheckDone: (n, size) =>
    `تمام ${n} اندراجات درست ہیں: چیک پوائنٹ ${size} کا درخت ان سے دوبارہ بنایا گیا، اور ہر دستخط لاگ کی درج کردہ کلید سے تصدیق ہوتا ہے۔`,
  fullCheckFailed: (why) => `لاگ درست ثابت نہیں ہوا: ${why}`,
  fullCheckExplain:
    'آپ کا براؤزر ہر اندراج ڈاؤن لوڈ کرتا ہے، مرکل درخت دوبارہ بناتا ہے، اور ہر دستخط کو لاگ کی اپنی درج کردہ کلیدوں سے جانچتا ہے۔ یہ پس منظر میں چلتا ہے؛ صفحہ قابلِ استعمال رہتا ہے۔',
};

const ps: Messages = {
  checking: 'دا پاڼه د عامه لاګ سره ازمویل کېږي…',
  verified: 'تایید شوی',
  failed: 'تایید ناکام شو',
  allInLog: (n) => `ټول ${n} ریکارډونه په عامه لاګ کې دي.`,
  cosigned: (size, k, w) => `پر چک پوائنټ ${size} د ${w} شاهدانو له جملې ${k} لاسلیک کړی.`,
  failedBecause: (what) => `د دې پاڼې تایید ونه شو: ${what}`,
  firstSeen: (size) =>
    `دې براوزر دا لاګ مخکې نه و لیدلی؛ چک پوائنټ ${size} یې د راتلونکي سره د پرتلې لپاره ساتلی.`,
  consistentWith: (size, when) =>
    `له چک پوائنټ ${size} راهیسې لاګ یوازې لوی شوی؛ دا چک پوائنټ دې براوزر ${when} لیدلی و.`,
  anotherHistory: 'دا سرور تاسو ته د لاګ هغه تاریخ نه ښيي چې مخکې یې دې براوزر ته ښودلی و.',
  details: 'د ازموینې جزیات',
  downloadProof: 'ثبوت ښکته کړئ (.tlog-proof)',
  checkpointText: 'لاسلیک شوی چک پوائنټ',
  policyText: 'د لاګ پالیسي (د لاګ کیلي، شاهدان، نصاب)',
  keysNote:
    'د هر لیکوال کیلي د لاګ له کیلي ثبتونو څخه لوستل شوې، او هر ثبت د نورو په څېر ثابت شوی. د لاګ په پاڼه بشپړه ازموینه دا هم ښيي چې هېڅ کیلي نه ده پرېښودل شوې.',
  whyFetch: (what, why) => `${what} ترلاسه نه شو (${why}).`,
  whyPolicy: (why) => `د لاګ پالیسي سمه نه ده: ${why}.`,
  whyPolicyMission: (why) => `د لاګ پالیسي د ماموریت له سند سره سمون نه لري: ${why}.`,
  whyPolicyChanged:
    'د لاګ کیلي یا شاهدان د هغې پالیسۍ سره توپیر لري چې دې براوزر مخکې لیدلې وه (کېدای شي یو سرور د لاګ بڼه غوره کړې وي).',
  whyCheckpointSignature: (origin) =>
    `چک پوائنټ د پالیسۍ د لاګ کیلي لخوا نه دی لاسلیک شوی (${origin}).`,
  whyCheckpointBadCosignature: (why) => `پر چک پوائنټ د یوه شاهد لاسلیک سم نه دی: ${why}.`,
  whyQuorum: (size, k, needed) =>
    `پر چک پوائنټ ${size} د پالیسۍ ${k} شاهدانو لاسلیک کړی؛ پالیسي ${needed} غواړي.`,
  whyCheckpointMalformed: (why) => `چک پوائنټ سم نه دی: ${why}.`,
  whyConsistency: (oldSize, newSize, why) =>
    `چک پوائنټ ${newSize} د مخکې لیدل شوي چک پوائنټ ${oldSize} سره سمون نه لري: ${why}.`,
  whyOlder: (oldSize, newSize) =>
    `د سرور چک پوائنټ ${newSize} د هغه چک پوائنټ ${oldSize} څخه زوړ دی چې دې براوزر لیدلی.`,
  whyNotInCheckpoint: (what, index, size) =>
    `${what} د لاګ په شمېره ${index} کې دی، له چک پوائنټ ${size} هاخوا.`,
  whyEntryTampered: (what, index, size) =>
    `د ${what} (شمېره ${index}) لپاره ورکړل شوی ثبت هغه نه دی چې په چک پوائنټ ${size} کې دی: هش یې د لاګ پاڼه نه ده.`,
  whyTileTampered: (what, index, size) =>
    `د ${what} (شمېره ${index}) لپاره ورکړل شوې ټایلې د چک پوائنټ ${size} ریښې هش ته نه رسېږي.`,
  whyEntryUnreadable: (what, index, why) =>
    `د ${what} (شمېره ${index}) د لاګ ثبت سم لفافه نه ده: ${why}.`,
  whyEntryDiffers: (what, index, field) =>
    `په پاڼه کې د ${what} نقل د شمېرې ${index} د لاګ له ثبت سره توپیر لري (${field}).`,
  whyNoKey: (what, index, author) =>
    `د ${what} (شمېره ${index}) لیکوال ${author} په لاګ کې مخکې ثبته کیلي نه لري.`,
  whyRevokedKey: (what, index, author) =>
    `د ${what} (شمېره ${index}) لیکوال ${author} په داسې کیلي لاسلیک کړی چې مخکې لغوه شوې وه.`,
  whySignature: (what, index, author) =>
    `د ${what} (شمېره ${index}) لاسلیک د هغې کیلي سره نه تاییدېږي چې لاګ د ${author} لپاره ثبته کړې.`,
  whyKeyRule: (index, why) => `د شمېرې ${index} کیلي ثبت د کیلي قاعده ماتوي: ${why}.`,
  whyRootMismatch: (size) =>
    `ورکړل شوي ثبتونه د چک پوائنټ ${size} د ریښې هش بیا نه جوړوي: یو ثبت زیات، لرې یا بدل شوی.`,
  whySealed: (what, index, why) => `د ${what} (شمېره ${index}) افشا کول ناکام دي: ${why}.`,
  recordLabel: (kind, index) => `په شمېره ${index} کې ${kind}`,
  keyEntryLabel: (index) => `په شمېره ${index} کې د کیلي ثبت`,
  inLogAt: (index) => `په لاګ کې په شمېره ${index}`,
  sigVerified: (author) => `د ${author} لاسلیک تایید شو`,
  sigPending: 'لا نه دی ازمویل شوی',
  sigFailed: 'تایید نه شو',
  revealedMatches: (n) => `افشا شوی، او د شمېرې ${n} له ژمنې سره سمون لري`,
  author: 'لیکوال',
  organisation: 'اداره',
  claimedTime: 'لاسلیک (د لیکوال ادعا)',
  logTime: 'په لاګ کې ثبت',
  logIndex: 'د لاګ شمېره',
  signature: 'لاسلیک',
  notYetLogged: 'لا نه',
  loading: 'پېښه راپورته کېږي…',
  notFound: (id) => `په دې سرور کې خپره شوې پېښه ${id} نشته.`,
  loadFailed: (why) => `پېښه رانه وړل شوه: ${why}`,
  recordsHeading: (n) => `ریکارډونه، د لاګ په ترتیب (${n})`,
  evidenceHeading: 'شواهد (SHA-256)',
  noEvidence: 'دا ریکارډونه هېڅ شواهد فایل ته اشاره نه کوي.',
  mapHeading: 'ځای',
  mapUnavailable: 'په دې براوزر کې نقشه جوړه نه شوه.',
  mapLabel: (place) => `د ${place} نقشه`,
  status: 'حالت',
  verdict: 'پرېکړه',
  attribution: 'مسؤلیت',
  fatalities: 'مړي',
  date: 'نېټه',
  place: 'ځای',
  parties: 'اړخونه',
  terms: 'شرطونه',
  grade: 'د اډمیرلټي درجه',
  endorsedBy: 'تاییدوونکي',
  deadline: 'د ځواب وروستۍ نېټه',
  deadlineStatus: {
    answered: 'په وخت ځواب ورکړل شو',
    answered_late: 'په ځنډ ځواب ورکړل شو',
    pending: 'د ځواب په تمه',
    missed: 'موده تېره شوه، ځواب نشته',
  },
  responseDue: 'د ځواب وروستۍ نېټه',
  deniedBy: 'لاسرسی یې رد کړ',
  outcome: 'پایله',
  supersedes: (index) => `د شمېرې ${index} ثبت سموي`,
  supersededBy: 'وروسته سم شو',
  confidential: 'محرم',
  kinds: {
    report: 'راپور',
    allegation: 'تور',
    incident: 'پېښه',
    response: 'ځواب',
    task: 'دنده',
    finding: 'موندنه',
    endorsement: 'تایید',
    release: 'خپرول',
    correction: 'سمون',
    commitment: 'ژمنه',
    reveal: 'افشا',
  },
  values: {
    confirmed: 'تایید شوی',
    probable: 'احتمالي',
    unconfirmed: 'نا تایید شوی',
    false_report: 'غلط راپور',
    inconclusive: 'نا پایلې',
    reported: 'راپور شوی',
    under_review: 'تر کتنې لاندې',
    investigating: 'تر پلټنې لاندې',
    finding_drafted: 'موندنه چمتو شوه',
    endorsed: 'تایید شوی',
    released: 'خپور شوی',
    closed: 'تړل شوی',
    denial: 'انکار',
    acknowledgement: 'منل',
    counter_claim: 'مقابله ادعا',
    joint_investigation_request: 'د ګډې پلټنې غوښتنه',
    completed: 'بشپړ',
    access_denied: 'لاسرسی رد شو',
    cancelled: 'لغوه',
    site_visit: 'د ځای کتنه',
    interviews: 'مرکې',
    imagery_review: 'د انځورونو کتنه',
    document_review: 'د اسنادو کتنه',
    other: 'نور',
    undetermined: 'نا معلوم',
    assign: 'وسپارل شوه',
    update: 'تازه معلومات',
    close: 'تړل شوه',
  },
  logTitle: (name) => `د ${name} عامه لاګ`,
  logSize: 'په لاګ کې ثبتونه',
  checkpointHeading: 'وروستی چک پوائنټ',
  witnessesHeading: 'شاهدان',
  witnessCosigned: (when) => `${when} لاسلیک کړ`,
  witnessMissing: 'پر دې چک پوائنټ لاسلیک نشته',
  quorumIs: (k, n) => `پالیسي د دې ${n} شاهدانو له جملې ${k} غواړي.`,
  rootHash: 'د ریښې هش',
  fullCheckHeading: 'ټول لاګ وازمویئ',
  fullCheckStart: 'هر ثبت وازمویئ',
  fullCheckProgress: (done, total) => `د ${total} له جملې ${done} ثبتونه وازمویل شول…`,
  fullCheckDone: (n, size) =>
    `ټول ${n} ثبتونه سم دي: د چک پوائنټ ${size} ونه له دوی بیا جوړه شوه، او هر لاسلیک د لاګ په ثبته کیلي تاییدېږي.`,
  fullCheckFailed: (why) => `لاګ سم نه ثابتېږي: ${why}`,
  fullCheckExplain:
    'ستاسو براوزر هر ثبت ښکته کوي، د مرکل ونه بیا جوړوي، او هر لاسلیک د لاګ د خپلو ثبتو کیليو سره ازمويي. دا په شالید کې چلېږي؛ پاڼه د کارولو وړ پاتې کېږي.',
};

const CATALOGUE: Record<Lang, Messages> = { en, ur, ps };

/** The page's language, from <html lang> (set by the router from ?lang= or the switcher). */
let forced: Lang | undefined;

/** For a worker, which has no document: the language the page asked for. */
export function setLang(lang: Lang): void {
  forced = lang;
}

export function currentLang(): Lang {
  if (forced) return forced;
  const l = (globalThis.document?.documentElement.lang ?? 'en').slice(0, 2).toLowerCase();
  return l === 'ur' || l === 'ps' ? l : 'en';
}

/** Words for a coded value in the page's language (the code itself, readable, if unknown). */
export function valueWord(code: string | null | undefined, m: Messages = messages()): string {
  if (code === null || code === undefined) return '—';
  return m.values[code] ?? code.replace(/_/g, ' ');
}

/** Event type names: the portal's own catalogues (web/src/i18n) have them in every language. */
const EVENT_TYPE_WORDS: Record<Lang, Record<string, string>> = {
  en: enPortal.eventTypes,
  ur: urPortal.eventTypes,
  ps: psPortal.eventTypes,
};

export function eventTypeWord(type: string, lang: Lang = currentLang()): string {
  return EVENT_TYPE_WORDS[lang][type] ?? EVENT_TYPE_WORDS.en[type] ?? type.replace(/_/g, ' ');
}

export function messages(lang: Lang = currentLang()): Messages {
  return CATALOGUE[lang];
}

/** Intl locale per language: Urdu in Pakistan, Pashto in Afghanistan (their own digits). */
const LOCALES: Record<Lang, string> = { en: 'en-GB', ur: 'ur-PK', ps: 'ps-AF' };

/**
 * Some browsers' Intl (Chromium's bundled ICU among them) has no Pashto and silently falls back to
 * English; Pashto is then written here: Extended Arabic-Indic digits and the Gregorian month names
 * as Afghan Pashto writes them (the log's dates are Gregorian; ICU's own Pashto default is the
 * Solar Hijri calendar, hence calendar: 'gregory' where it has Pashto).
 */
const PS_MONTHS = [
  'جنوري',
  'فبروري',
  'مارچ',
  'اپرېل',
  'مۍ',
  'جون',
  'جولای',
  'اګست',
  'سپتمبر',
  'اکتوبر',
  'نومبر',
  'دسمبر',
];
const hasIntl = (lang: Lang) =>
  new Intl.NumberFormat(LOCALES[lang]).resolvedOptions().locale.startsWith(lang);
const psDigits = (t: string) =>
  t.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d))).replace(/,/g, '٬');

export function fmtNumber(n: number, lang: Lang = currentLang()): string {
  if (lang === 'ps' && !hasIntl('ps')) return psDigits(new Intl.NumberFormat('en-US').format(n));
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

function fmt(d: Date, lang: Lang, withTime: boolean): string {
  if (lang === 'ps' && !hasIntl('ps')) {
    const day = `${d.getUTCDate()} ${PS_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    return psDigits(withTime ? `${day} ${time}` : day);
  }
  return new Intl.DateTimeFormat(LOCALES[lang], {
    ...(withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' }),
    timeZone: 'UTC',
    calendar: 'gregory',
  }).format(d);
}

export function fmtDate(iso: string | number | null, lang: Lang = currentLang()): string {
  if (iso === null) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return fmt(d, lang, true);
}

export function fmtDay(day: string, lang: Lang = currentLang()): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return fmt(d, lang, false);
}
