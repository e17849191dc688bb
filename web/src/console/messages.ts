// The console's own words (issue 11), English and Urdu. The portal's catalogue (web/src/i18n) is
// another engineer's; the console keeps its strings beside its code and follows the same language
// choice (i18n/index.ts lang()). Pashto falls back to English until it is translated.
import { EVENT_TYPES, type EventType } from '../../../src/core/taxonomy.js';
import { lang } from '../i18n/index.js';

const en = {
  title: 'Console',
  intro:
    'Sign in to file signed records. Every record is signed in this browser with your own key.',
  signInHeading: 'Sign in',
  userName: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: (user: string, org: string, role: string) =>
    `Signed in as ${user} (${org}, ${role}).`,
  sessionUntil: (when: string) => `Session until ${when}.`,
  needName: 'Enter your user name.',
  needPassword: 'Enter your password.',
  noMission: 'This account belongs to no mission: there is nothing to file.',
  // The shell's nav (sections.ts)
  sectionsNav: 'Console sections',
  navFile: 'File a report',
  noSections: (role: string) =>
    `The console has no section for the role ${role} yet; your key is above.`,
  sectionNotForRole: (id: string, role: string) =>
    `The section "${id}" is not for the role ${role}: choose one of the sections above.`,
  noSuchSection: (id: string) =>
    `The console has no section "${id}": choose one of the sections above.`,
  // Keys
  keysHeading: 'Your signing key',
  keysIntro:
    'The private key stays in this browser (IndexedDB, non-extractable: not even this page can read it back). Signing out keeps it.',
  noKey: 'No key in this browser yet.',
  createKey: 'Create a key in this browser',
  useKeyFile: 'Use a key file',
  keyFileHelp:
    'A signed-note private key file (PRIVATE+KEY+…). It is imported and not kept as a file.',
  activeKey: 'Active key',
  authorId: 'Author id',
  publicKey: 'Public key (vkey)',
  keySource: (s: 'browser' | 'file'): string =>
    s === 'browser' ? 'created in this browser' : 'imported from a key file',
  registered: (index: string) => `Registered by the log (key entry at index ${index}).`,
  registeredOther: (user: string) =>
    `Registered by the log, but to the user ${user}: the server refuses entries you sign with it.`,
  revoked: (index: string) => `Revoked (key entry at index ${index}): it can no longer sign.`,
  notRegistered:
    "Not registered by the log yet: entries signed with it are refused until your organisation's key steward consents and the log registers it.",
  checkingRegistration: 'Checking the log for this key…',
  registrationUnknown: (why: string) => `Couldn't check the log for this key: ${why}`,
  useThisKey: 'Make active',
  forgetKey: 'Remove from this browser',
  keyFailed: (why: string) => `Couldn't use the key: ${why}`,
  otherKeys: 'Other keys in this browser',
  // Filing
  fileHeading: 'File a report',
  filing: 'Filing',
  filingReport: 'Report',
  filingAllegation: 'Allegation',
  type: 'Event type',
  date: 'Date (UTC)',
  time: 'Time (UTC, optional)',
  timePrecision: 'Date precision',
  precisionDay: 'Exact day',
  precisionWeek: 'Within the week',
  precisionMonth: 'Within the month',
  place: 'Place name',
  country: 'Country',
  lat: 'Latitude',
  lon: 'Longitude',
  geoPrecision: 'Place precision',
  geoExact: 'The named place',
  geoNear: 'Near it, or part of a region',
  geoRegion: 'Only the district or province',
  accused: 'Accused party',
  fatalities: 'Fatalities (optional)',
  claimedBy: 'Who claims this figure',
  terms: 'Agreement terms concerned',
  titleField: 'Title',
  description: 'Description',
  signAndSubmit: 'Sign and submit',
  submitting: 'Signing and submitting…',
  needKey: 'Choose or create a signing key first.',
  fixFields: (n: string) => `The record was not sent: ${n} to fix.`,
  nFields: (n: number) => (n === 1 ? 'one field' : `${n} fields`),
  refusedRule: (rule: string, message: string) => `Refused by the rule "${rule}": ${message}`,
  refused: (status: string, message: string) => `Refused (${status}): ${message}`,
  filed: (index: string) => `Filed: log index ${index}.`,
  filedId: (id: string) => `Entry id ${id}.`,
  sealed: (commitment: string) =>
    `Sealed until release: the public log holds only a commitment to it (${commitment}); the record is revealed when its incident is released.`,
  networkFailed: (why: string) => `Couldn't reach the server: ${why}`,
  notNumber: 'Type a number, such as 31.9.',
  eventType: (t: EventType): string => EVENT_TYPES[t].label,
  futureDate: 'This date is after today (UTC): an event is reported once it has happened.',
  sessionEnded:
    'Your session has ended (it lasts 12 hours, and signing out elsewhere ends it): sign in again. Nothing was filed; the form keeps what you typed.',
};
export type ConsoleMessages = typeof en;

/** The taxonomy's event types in Urdu (src/core/taxonomy.ts EVENT_TYPES labels). */
const UR_EVENT_TYPES: Record<EventType, string> = {
  armed_clash: 'مسلح جھڑپ',
  airstrike: 'فضائی یا ڈرون حملہ',
  shelling: 'گولہ باری، توپ خانہ یا میزائل حملہ',
  ied: 'دیسی ساختہ بم یا بارودی سرنگ',
  suicide_bomb: 'خودکش بم دھماکا',
  grenade: 'دستی بم حملہ',
  attack_on_civilians: 'شہریوں پر حملہ',
  abduction: 'اغوا یا جبری گمشدگی',
  infiltration: 'سرحد پار دراندازی',
  territory_seized: 'چوکی یا علاقے پر قبضہ',
  ceasefire_agreement: 'جنگ بندی یا معاہدہ',
  talks: 'مذاکرات یا بات چیت',
  border_closure: 'سرحدی گزرگاہ بند',
  border_reopening: 'سرحدی گزرگاہ دوبارہ کھلی',
  crossing_restriction: 'گزرگاہ پر جزوی پابندی',
  displacement: 'شہریوں کی نقل مکانی',
  refugee_movement: 'پناہ گزینوں کی آمد و رفت یا واپسی',
  trade_disruption: 'تجارت میں خلل',
  access_denied: 'نگرانوں کو رسائی سے انکار',
  arrest: 'گرفتاریاں',
  property_destruction: 'لوٹ مار یا املاک کی تباہی',
  protest: 'احتجاج',
  riot: 'ہنگامہ یا پرتشدد مظاہرہ',
  other: 'دیگر',
};

const ur: ConsoleMessages = {
  title: 'کنسول',
  intro:
    'دستخط شدہ ریکارڈ درج کرنے کے لیے سائن ان کریں۔ ہر ریکارڈ پر اسی براؤزر میں آپ کی اپنی کلید سے دستخط ہوتے ہیں۔',
  signInHeading: 'سائن ان',
  userName: 'صارف نام',
  password: 'پاس ورڈ',
  signIn: 'سائن ان کریں',
  signingIn: 'سائن ان ہو رہا ہے…',
  signOut: 'سائن آؤٹ',
  signedInAs: (user, org, role) => `${user} کے طور پر سائن ان (${org}، ${role})۔`,
  sessionUntil: (when) => `سیشن ${when} تک۔`,
  needName: 'اپنا صارف نام لکھیں۔',
  needPassword: 'اپنا پاس ورڈ لکھیں۔',
  noMission: 'یہ اکاؤنٹ کسی مشن کا نہیں: درج کرنے کو کچھ نہیں۔',
  sectionsNav: 'کنسول کے حصے',
  navFile: 'رپورٹ درج کریں',
  noSections: (role) => `کنسول میں کردار ${role} کے لیے ابھی کوئی حصہ نہیں؛ آپ کی کلید اوپر ہے۔`,
  sectionNotForRole: (id, role) =>
    `حصہ "${id}" کردار ${role} کے لیے نہیں: اوپر کے حصوں میں سے چنیں۔`,
  noSuchSection: (id) => `کنسول میں "${id}" نام کا کوئی حصہ نہیں: اوپر کے حصوں میں سے چنیں۔`,
  keysHeading: 'آپ کی دستخطی کلید',
  keysIntro:
    'نجی کلید اسی براؤزر میں رہتی ہے (IndexedDB، ناقابلِ برآمد: یہ صفحہ بھی اسے واپس نہیں پڑھ سکتا)۔ سائن آؤٹ سے یہ نہیں مٹتی۔',
  noKey: 'اس براؤزر میں ابھی کوئی کلید نہیں۔',
  createKey: 'اس براؤزر میں کلید بنائیں',
  useKeyFile: 'کلید کی فائل استعمال کریں',
  keyFileHelp:
    'signed-note نجی کلید کی فائل (PRIVATE+KEY+…)۔ یہ درآمد ہوتی ہے، فائل محفوظ نہیں ہوتی۔',
  activeKey: 'فعال کلید',
  authorId: 'مصنف شناخت',
  publicKey: 'عوامی کلید (vkey)',
  keySource: (s) => (s === 'browser' ? 'اسی براؤزر میں بنی' : 'کلید کی فائل سے درآمد'),
  registered: (index) => `لاگ میں رجسٹرڈ (کلید کا اندراج، اشاریہ ${index})۔`,
  registeredOther: (user) =>
    `لاگ میں رجسٹرڈ، مگر صارف ${user} کے نام: اس سے آپ کے دستخط شدہ اندراج سرور رد کرے گا۔`,
  revoked: (index) => `منسوخ (کلید کا اندراج، اشاریہ ${index}): اب یہ دستخط نہیں کر سکتی۔`,
  notRegistered:
    'ابھی لاگ میں رجسٹرڈ نہیں: جب تک آپ کی تنظیم کا کلید نگران رضامندی نہ دے اور لاگ اسے رجسٹر نہ کرے، اس کے دستخط شدہ اندراج رد ہوں گے۔',
  checkingRegistration: 'لاگ میں یہ کلید دیکھی جا رہی ہے…',
  registrationUnknown: (why) => `لاگ میں یہ کلید نہیں دیکھی جا سکی: ${why}`,
  useThisKey: 'فعال کریں',
  forgetKey: 'اس براؤزر سے ہٹائیں',
  keyFailed: (why) => `کلید استعمال نہیں ہو سکی: ${why}`,
  otherKeys: 'اس براؤزر کی دوسری کلیدیں',
  fileHeading: 'رپورٹ درج کریں',
  filing: 'اندراج',
  filingReport: 'رپورٹ',
  filingAllegation: 'الزام',
  type: 'واقعے کی قسم',
  date: 'تاریخ (UTC)',
  time: 'وقت (UTC، اختیاری)',
  timePrecision: 'تاریخ کی درستی',
  precisionDay: 'ٹھیک دن',
  precisionWeek: 'ہفتے کے اندر',
  precisionMonth: 'مہینے کے اندر',
  place: 'جگہ کا نام',
  country: 'ملک',
  lat: 'عرض بلد',
  lon: 'طول بلد',
  geoPrecision: 'جگہ کی درستی',
  geoExact: 'یہی جگہ',
  geoNear: 'اس کے قریب، یا علاقے کا حصہ',
  geoRegion: 'صرف ضلع یا صوبہ',
  accused: 'ملزم فریق',
  fatalities: 'ہلاکتیں (اختیاری)',
  claimedBy: 'یہ تعداد کس کا دعویٰ ہے',
  terms: 'متعلقہ معاہدے کی شرائط',
  titleField: 'عنوان',
  description: 'تفصیل',
  signAndSubmit: 'دستخط کر کے بھیجیں',
  submitting: 'دستخط اور ترسیل ہو رہی ہے…',
  needKey: 'پہلے دستخطی کلید چنیں یا بنائیں۔',
  fixFields: (n) => `ریکارڈ نہیں بھیجا گیا: ${n} درست کریں۔`,
  nFields: (n) => (n === 1 ? 'ایک خانہ' : `${n} خانے`),
  refusedRule: (rule, message) => `قاعدہ "${rule}" کے تحت رد: ${message}`,
  refused: (status, message) => `رد (${status}): ${message}`,
  filed: (index) => `درج ہو گیا: لاگ اشاریہ ${index}۔`,
  filedId: (id) => `اندراج شناخت ${id}۔`,
  sealed: (commitment) =>
    `اجرا تک مہربند: عوامی لاگ میں صرف اس کا عہد (${commitment}) ہے؛ واقعہ جاری ہونے پر ریکارڈ ظاہر ہو گا۔`,
  networkFailed: (why) => `سرور تک رسائی نہیں ہو سکی: ${why}`,
  notNumber: 'عدد لکھیں، جیسے 31.9۔',
  eventType: (t) => UR_EVENT_TYPES[t],
  futureDate: 'یہ تاریخ آج (UTC) کے بعد کی ہے: واقعہ ہو جانے کے بعد ہی درج ہوتا ہے۔',
  sessionEnded:
    'آپ کا سیشن ختم ہو گیا (یہ 12 گھنٹے رہتا ہے، اور کہیں اور سائن آؤٹ سے بھی ختم ہوتا ہے): دوبارہ سائن ان کریں۔ کچھ درج نہیں ہوا؛ فارم میں آپ کا لکھا محفوظ ہے۔',
};

/** The console's catalogue in the page's language (read at render time, like i18n t()). */
export function cm(): ConsoleMessages {
  return lang() === 'ur' ? ur : en;
}
