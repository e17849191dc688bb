// The mediators' section's words (issue 11 item 7, first half), in English, Urdu and Pashto.
import { lang } from '../../i18n/index.js';

const en = {
  nav: 'Findings to endorse',
  heading: 'Findings awaiting endorsement',
  intro: (k: number) =>
    `A finding is released once ${k} mediator organisations have endorsed it. Read what is behind it, endorse it with a key held in this browser, then release it.`,
  loading: 'Loading findings…',
  empty: 'No finding awaits endorsement.',
  finding: (verdict: string, attribution: string) =>
    `Finding: ${verdict}, attributed to ${attribution}`,
  grade: (g: string) => `Admiralty grade ${g}`,
  terms: (t: string) => `Terms violated: ${t}`,
  noTerms: 'No term found violated.',
  rationale: 'Rationale',
  endorsements: (n: number, k: number) => `${n} of ${k} endorsements`,
  endorsedBy: (orgs: string) => `Endorsed by ${orgs}`,
  behind: 'Everything behind it, in log order',
  recordLine: (kind: string, org: string, at: string, index: string) =>
    `${kind} · ${org} · ${at} · log index ${index}`,
  sealedMark: 'sealed until release',
  openPage: 'Open the incident page',
  statement: 'Statement (optional)',
  endorse: 'Endorse',
  alreadyEndorsed: (org: string) => `${org} has endorsed this finding.`,
  release: 'Release',
  releaseWaits: (missing: number) =>
    `Release needs ${missing} more endorsement${missing === 1 ? '' : 's'}.`,
  note: 'Release note (optional)',
  filed: (index: string) => `Signed and filed at log index ${index}.`,
  refusedRule: (rule: string, message: string) => `Refused by the rule "${rule}": ${message}`,
  failed: (why: string) => `Not filed: ${why}`,
};
export type MediatorMessages = typeof en;

const ur: MediatorMessages = {
  nav: 'توثیق کے منتظر نتائج',
  heading: 'توثیق کے منتظر نتائج',
  intro: (k) =>
    `کوئی نتیجہ اس وقت جاری ہوتا ہے جب ${k} ثالث تنظیمیں اس کی توثیق کر دیں۔ اس کے پیچھے موجود ریکارڈ پڑھیں، اسی براؤزر کی کلید سے توثیق کریں، پھر جاری کریں۔`,
  loading: 'نتائج لوڈ ہو رہے ہیں…',
  empty: 'کوئی نتیجہ توثیق کا منتظر نہیں۔',
  finding: (verdict, attribution) => `نتیجہ: ${verdict}، ذمہ دار ${attribution}`,
  grade: (g) => `ایڈمرلٹی درجہ ${g}`,
  terms: (t) => `خلاف ورزی شدہ شرائط: ${t}`,
  noTerms: 'کسی شرط کی خلاف ورزی نہیں پائی گئی۔',
  rationale: 'دلیل',
  endorsements: (n, k) => `${k} میں سے ${n} توثیقات`,
  endorsedBy: (orgs) => `توثیق کنندگان: ${orgs}`,
  behind: 'اس کے پیچھے سب کچھ، لاگ کی ترتیب میں',
  recordLine: (kind, org, at, index) => `${kind} · ${org} · ${at} · لاگ اشاریہ ${index}`,
  sealedMark: 'اجرا تک مہربند',
  openPage: 'واقعے کا صفحہ کھولیں',
  statement: 'بیان (اختیاری)',
  endorse: 'توثیق کریں',
  alreadyEndorsed: (org) => `${org} اس نتیجے کی توثیق کر چکی ہے۔`,
  release: 'جاری کریں',
  releaseWaits: (missing) => `جاری کرنے کے لیے مزید ${missing} توثیق درکار ہے۔`,
  note: 'اجرا کا نوٹ (اختیاری)',
  filed: (index) => `دستخط ہو کر لاگ اشاریہ ${index} پر درج ہو گیا۔`,
  refusedRule: (rule, message) => `قاعدہ "${rule}" کے تحت رد: ${message}`,
  failed: (why) => `درج نہیں ہوا: ${why}`,
};

const ps: MediatorMessages = {
  nav: 'د تایید په تمه موندنې',
  heading: 'د تایید په تمه موندنې',
  intro: (k) =>
    `یوه موندنه هغه وخت خپرېږي چې ${k} منځګړي سازمانونه یې تایید کړي. د هغې شاته ریکارډونه ولولئ، د همدې براوزر په کیلي یې تایید کړئ، بیا یې خپره کړئ.`,
  loading: 'موندنې پورته کېږي…',
  empty: 'هېڅ موندنه د تایید په تمه نه ده.',
  finding: (verdict, attribution) => `موندنه: ${verdict}، مسؤل ${attribution}`,
  grade: (g) => `د اډمیرالټي درجه ${g}`,
  terms: (t) => `مات شوي شرطونه: ${t}`,
  noTerms: 'هېڅ شرط مات شوی ونه موندل شو.',
  rationale: 'دلیل',
  endorsements: (n, k) => `له ${k} څخه ${n} تاییدونه`,
  endorsedBy: (orgs) => `تاییدوونکي: ${orgs}`,
  behind: 'د هغې شاته هر څه، د لاګ په ترتیب',
  recordLine: (kind, org, at, index) => `${kind} · ${org} · ${at} · د لاګ شمېره ${index}`,
  sealedMark: 'تر خپرېدو مهر شوی',
  openPage: 'د پېښې پاڼه پرانیزئ',
  statement: 'بیان (اختیاري)',
  endorse: 'تایید کړئ',
  alreadyEndorsed: (org) => `${org} دا موندنه تایید کړې ده.`,
  release: 'خپره کړئ',
  releaseWaits: (missing) => `د خپرولو لپاره ${missing} نور تاییدونه پکار دي.`,
  note: 'د خپرولو یادښت (اختیاري)',
  filed: (index) => `لاسلیک او د لاګ په ${index} شمېره ثبت شو.`,
  refusedRule: (rule, message) => `د "${rule}" قاعدې له مخې رد شو: ${message}`,
  failed: (why) => `ثبت نه شو: ${why}`,
};

export function mdm(): MediatorMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
