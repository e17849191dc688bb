// The penalties section's words (issue 11 item 7), in English, Urdu and Pashto.
import { lang } from '../../i18n/index.js';

/** What makes a step due: the parts of the server's English reason, to say in any language. */
export interface DueWhy {
  count: number;
  party: string;
  verdicts: string;
  agreement: string;
  from: string;
  to: string;
  days: number;
  /** The step imposed before, whose findings no longer count (null for the first step). */
  since: string | null;
}

const en = {
  nav: 'Penalties',
  heading: 'Penalties under the agreements',
  intro: (k: number) =>
    `A step of an agreement's penalty ladder is due when the released findings the schedule counts reach its threshold. One mediator proposes it; it is imposed once ${k} mediator organisations have endorsed it. Each entry is signed with a key held in this browser.`,
  loading: 'Loading penalties…',
  schedule: (title: string, threshold: number, days: number, verdicts: string) =>
    `${title}: ${threshold} released findings (${verdicts}) against a party within ${days} days make its next step due.`,
  ladder: (steps: string) => `Ladder: ${steps}`,
  dueHeading: 'Steps due',
  noneDue: 'No step is due.',
  proposedHeading: 'Proposed, awaiting endorsement',
  imposedHeading: 'Imposed',
  noneImposed: 'No penalty has been imposed.',
  step: (party: string, title: string, n: number, of: number) =>
    `${party}: ${title} (step ${n} of ${of})`,
  findingsBehind: 'The released findings behind it',
  /** Why a step is due, said in the page's language from the schedule and the findings. */
  dueWhy: (w: DueWhy) =>
    `${w.count} released findings against ${w.party} (${w.verdicts}) under ${w.agreement} between ${w.from} and ${w.to}, within ${w.days} days${w.since ? ` since ${w.since} was imposed` : ''}.`,
  findingLine: (date: string, verdict: string, terms: string) => `${date} · ${verdict} · ${terms}`,
  openIncident: 'Open the incident',
  statement: 'Statement',
  statementOptional: 'Statement (optional)',
  propose: 'Propose',
  endorse: 'Endorse',
  endorsements: (n: number, k: number) => `${n} of ${k} endorsements`,
  endorsedBy: (orgs: string) => `Endorsed by ${orgs}`,
  alreadyEndorsed: (org: string) => `${org} has endorsed this penalty.`,
  withdraw: 'Withdraw the proposal',
  withdrawReason: 'Why it is withdrawn (your organisation proposed it)',
  withdrawNeedsReason: 'Say why the proposal is withdrawn.',
  imposedOn: (at: string, index: string) => `Imposed ${at}, log index ${index}`,
  needStatement: 'Write the statement that goes with the proposal.',
  filed: (index: string) => `Signed and filed at log index ${index}.`,
  refusedRule: (rule: string, message: string) => `Refused by the rule "${rule}": ${message}`,
  failed: (why: string) => `Not filed: ${why}`,
};
export type PenaltyMessages = typeof en;

const ur: PenaltyMessages = {
  nav: 'جرمانے',
  heading: 'معاہدوں کے تحت جرمانے',
  intro: (k) =>
    `کسی معاہدے کی جرمانہ سیڑھی کا اگلا قدم اس وقت واجب ہوتا ہے جب جدول میں شمار ہونے والے جاری شدہ نتائج اس کی حد تک پہنچ جائیں۔ ایک ثالث اسے تجویز کرتا ہے؛ جب ${k} ثالث تنظیمیں توثیق کر دیں تو یہ نافذ ہو جاتا ہے۔ ہر اندراج اسی براؤزر کی کلید سے دستخط ہوتا ہے۔`,
  loading: 'جرمانے لوڈ ہو رہے ہیں…',
  schedule: (title, threshold, days, verdicts) =>
    `${title}: ${days} دن کے اندر کسی فریق کے خلاف ${threshold} جاری شدہ نتائج (${verdicts}) اس کا اگلا قدم واجب کرتے ہیں۔`,
  ladder: (steps) => `سیڑھی: ${steps}`,
  dueHeading: 'واجب قدم',
  noneDue: 'کوئی قدم واجب نہیں۔',
  proposedHeading: 'تجویز شدہ، توثیق کے منتظر',
  imposedHeading: 'نافذ شدہ',
  noneImposed: 'ابھی تک کوئی جرمانہ نافذ نہیں ہوا۔',
  step: (party, title, n, of) => `${party}: ${title} (${of} میں سے قدم ${n})`,
  findingsBehind: 'اس کے پیچھے جاری شدہ نتائج',
  dueWhy: (w) =>
    `${w.agreement} کے تحت ${w.from} اور ${w.to} کے درمیان، ${w.days} دن کے اندر، ${w.party} کے خلاف ${w.count} جاری شدہ نتائج (${w.verdicts})${w.since ? `، ${w.since} کے نفاذ کے بعد` : ''}۔`,
  findingLine: (date, verdict, terms) => `${date} · ${verdict} · ${terms}`,
  openIncident: 'واقعہ کھولیں',
  statement: 'بیان',
  statementOptional: 'بیان (اختیاری)',
  propose: 'تجویز کریں',
  endorse: 'توثیق کریں',
  endorsements: (n, k) => `${k} میں سے ${n} توثیقات`,
  endorsedBy: (orgs) => `توثیق کنندگان: ${orgs}`,
  alreadyEndorsed: (org) => `${org} اس جرمانے کی توثیق کر چکی ہے۔`,
  withdraw: 'تجویز واپس لیں',
  withdrawReason: 'واپس لینے کی وجہ (یہ تجویز آپ کی تنظیم نے دی تھی)',
  withdrawNeedsReason: 'تجویز واپس لینے کی وجہ لکھیں۔',
  imposedOn: (at, index) => `نافذ ${at}، لاگ اشاریہ ${index}`,
  needStatement: 'تجویز کے ساتھ جانے والا بیان لکھیں۔',
  filed: (index) => `دستخط کر کے لاگ اشاریہ ${index} پر درج کیا گیا۔`,
  refusedRule: (rule, message) => `قاعدہ "${rule}" کے تحت مسترد: ${message}`,
  failed: (why) => `درج نہیں ہوا: ${why}`,
};

const ps: PenaltyMessages = {
  nav: 'جریمې',
  heading: 'د تړونونو له مخې جریمې',
  intro: (k) =>
    `د یو تړون د جریمې د زینې بل ګام هغه وخت واجب کېږي چې د جدول له مخې شمېرل شوې خپرې شوې موندنې خپل حد ته ورسېږي. یو منځګړی یې وړاندیز کوي؛ کله چې ${k} منځګړي سازمانونه یې تایید کړي، پلي کېږي. هره ننوته په همدې براوزر کې د کیلي په واسطه لاسلیک کېږي.`,
  loading: 'جریمې پورته کېږي…',
  schedule: (title, threshold, days, verdicts) =>
    `${title}: په ${days} ورځو کې د یو اړخ پر ضد ${threshold} خپرې شوې موندنې (${verdicts}) د هغه بل ګام واجبوي.`,
  ladder: (steps) => `زینه: ${steps}`,
  dueHeading: 'واجب ګامونه',
  noneDue: 'هیڅ ګام واجب نه دی.',
  proposedHeading: 'وړاندیز شوي، د تایید په تمه',
  imposedHeading: 'پلي شوي',
  noneImposed: 'تر اوسه کومه جریمه نه ده پلي شوې.',
  step: (party, title, n, of) => `${party}: ${title} (له ${of} څخه ${n} ګام)`,
  findingsBehind: 'د هغه تر شا خپرې شوې موندنې',
  dueWhy: (w) =>
    `د ${w.agreement} له مخې د ${w.from} او ${w.to} ترمنځ، په ${w.days} ورځو کې، د ${w.party} پر ضد ${w.count} خپرې شوې موندنې (${w.verdicts})${w.since ? `، د ${w.since} له پلي کېدو وروسته` : ''}.`,
  findingLine: (date, verdict, terms) => `${date} · ${verdict} · ${terms}`,
  openIncident: 'پېښه پرانیزئ',
  statement: 'بیان',
  statementOptional: 'بیان (اختیاري)',
  propose: 'وړاندیز وکړئ',
  endorse: 'تایید کړئ',
  endorsements: (n, k) => `له ${k} څخه ${n} تاییدونه`,
  endorsedBy: (orgs) => `تایید کوونکي: ${orgs}`,
  alreadyEndorsed: (org) => `${org} دا جریمه تایید کړې ده.`,
  withdraw: 'وړاندیز بېرته واخلئ',
  withdrawReason: 'د بېرته اخیستو دلیل (دا وړاندیز ستاسو سازمان کړی و)',
  withdrawNeedsReason: 'ووایاست چې وړاندیز ولې بېرته اخیستل کېږي.',
  imposedOn: (at, index) => `پلي شوې ${at}، د لاګ شمېره ${index}`,
  needStatement: 'هغه بیان ولیکئ چې له وړاندیز سره ځي.',
  filed: (index) => `لاسلیک او د لاګ په ${index} شمېره ثبت شو.`,
  refusedRule: (rule, message) => `د "${rule}" قاعدې له مخې رد شو: ${message}`,
  failed: (why) => `ثبت نه شو: ${why}`,
};

export function pnm(): PenaltyMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
