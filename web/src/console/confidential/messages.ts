// The confidential filing's words in English, Urdu and Pashto (follows the page's language,
// i18n lang()), beside the code that says them, as the outbox's are.
import { lang } from '../../i18n/index.js';

const en = {
  choice: 'File confidentially (only a commitment goes in the public log now; you reveal it later)',
  choiceHint:
    'The record and a commitment to it are both signed with your key. The public log holds only the commitment (a salted SHA-256 and your side); your side, analysts and mediators can read the record.',
  needsNetwork:
    'A confidential filing needs the network: the record is stored privately by the server, so it cannot wait in the outbox. Submit when the network is back, or untick “File confidentially”.',
  filed: (index: string) =>
    `Filed confidentially: the public log holds only its commitment, at log index ${index}.`,
  recordId: (id: string) => `Record id ${id} (private to your side until you reveal it).`,
  commitmentId: (id: string) => `Commitment id ${id}.`,
  revealLater: 'Reveal it later from the inbox, under “Confidential filings”.',
  heading: 'Confidential filings',
  intro:
    'Records your side filed confidentially. The public log holds only their commitments until one of you reveals them.',
  none: 'Your side has filed nothing confidentially.',
  colRecord: 'Record',
  colCommitted: 'Commitment',
  colState: 'State',
  kindReport: 'Report',
  kindAllegation: 'Allegation',
  kindResponse: 'Response',
  committedAt: (index: string) => `log index ${index}`,
  stateCommitted: 'Committed (not public)',
  stateRevealed: (index: string) => `Revealed at log index ${index}`,
  reveal: 'Reveal',
  revealing: 'Revealing…',
  revealLabel: (title: string) => `Reveal “${title}”`,
  revealed: (index: string) => `Revealed: the reveal is at log index ${index}.`,
  unreadable: 'Could not be read back',
};
export type ConfidentialMessages = typeof en;

const ur: ConfidentialMessages = {
  choice:
    'خفیہ طور پر درج کریں (ابھی عوامی لاگ میں صرف ایک وابستگی جائے گی؛ آپ اسے بعد میں ظاہر کریں گے)',
  choiceHint:
    'ریکارڈ اور اس کی وابستگی دونوں پر آپ کی کلید سے دستخط ہوتے ہیں۔ عوامی لاگ میں صرف وابستگی (نمک ملا SHA-256 اور آپ کا فریق) ہوتی ہے؛ ریکارڈ آپ کا فریق، تجزیہ کار اور ثالث پڑھ سکتے ہیں۔',
  needsNetwork:
    'خفیہ اندراج کے لیے نیٹ ورک ضروری ہے: سرور ریکارڈ کو نجی طور پر محفوظ کرتا ہے، اس لیے یہ آؤٹ باکس میں انتظار نہیں کر سکتا۔ نیٹ ورک واپس آنے پر جمع کرائیں، یا ”خفیہ طور پر درج کریں“ کا نشان ہٹا دیں۔',
  filed: (index) =>
    `خفیہ طور پر درج ہو گیا: عوامی لاگ میں صرف اس کی وابستگی ہے، لاگ اشاریہ ${index} پر۔`,
  recordId: (id) => `ریکارڈ شناخت ${id} (ظاہر کرنے تک صرف آپ کے فریق کے لیے)۔`,
  commitmentId: (id) => `وابستگی شناخت ${id}۔`,
  revealLater: 'اسے بعد میں ان باکس میں ”خفیہ اندراجات“ کے تحت ظاہر کریں۔',
  heading: 'خفیہ اندراجات',
  intro:
    'وہ ریکارڈ جو آپ کے فریق نے خفیہ طور پر درج کیے۔ جب تک آپ میں سے کوئی انہیں ظاہر نہ کرے، عوامی لاگ میں صرف ان کی وابستگیاں ہیں۔',
  none: 'آپ کے فریق نے کچھ بھی خفیہ طور پر درج نہیں کیا۔',
  colRecord: 'ریکارڈ',
  colCommitted: 'وابستگی',
  colState: 'کیفیت',
  kindReport: 'رپورٹ',
  kindAllegation: 'الزام',
  kindResponse: 'جواب',
  committedAt: (index) => `لاگ اشاریہ ${index}`,
  stateCommitted: 'وابستہ (عوامی نہیں)',
  stateRevealed: (index) => `لاگ اشاریہ ${index} پر ظاہر کیا گیا`,
  reveal: 'ظاہر کریں',
  revealing: 'ظاہر کیا جا رہا ہے…',
  revealLabel: (title) => `”${title}“ ظاہر کریں`,
  revealed: (index) => `ظاہر ہو گیا: انکشاف لاگ اشاریہ ${index} پر ہے۔`,
  unreadable: 'واپس پڑھا نہ جا سکا',
};

const ps: ConfidentialMessages = {
  choice: 'په پټه توګه یې ثبت کړئ (اوس یوازې یوه ژمنه عامه لاګ ته ځي؛ تاسې یې وروسته ښکاره کوئ)',
  choiceHint:
    'ریکارډ او د هغه ژمنه دواړه ستاسې په کیلي لاسلیک کېږي. عامه لاګ یوازې ژمنه لري (مالګه لرونکی SHA-256 او ستاسې لوری)؛ ریکارډ ستاسې لوری، شنونکي او منځګړي لوستلای شي.',
  needsNetwork:
    'پټ ثبت شبکې ته اړتیا لري: سرور ریکارډ په پټه ساتي، نو په آوټ باکس کې انتظار نشي کولای. کله چې شبکه بېرته راشي وسپارئ، یا د ”په پټه توګه یې ثبت کړئ“ نښه لرې کړئ.',
  filed: (index) => `په پټه ثبت شو: عامه لاګ یوازې د هغه ژمنه لري، د لاګ په شمېره ${index}.`,
  recordId: (id) => `د ریکارډ پېژند ${id} (تر ښکاره کولو پورې یوازې ستاسې لوري ته).`,
  commitmentId: (id) => `د ژمنې پېژند ${id}.`,
  revealLater: 'وروسته یې په ان باکس کې د ”پټ ثبتونه“ لاندې ښکاره کړئ.',
  heading: 'پټ ثبتونه',
  intro:
    'هغه ریکارډونه چې ستاسې لوري په پټه ثبت کړي. تر هغه چې یو مو یې ښکاره نه کړي، عامه لاګ یوازې د هغوی ژمنې لري.',
  none: 'ستاسې لوري هېڅ شی په پټه نه دی ثبت کړی.',
  colRecord: 'ریکارډ',
  colCommitted: 'ژمنه',
  colState: 'حالت',
  kindReport: 'راپور',
  kindAllegation: 'تور',
  kindResponse: 'ځواب',
  committedAt: (index) => `د لاګ شمېره ${index}`,
  stateCommitted: 'ژمنه شوې (عامه نه ده)',
  stateRevealed: (index) => `د لاګ په شمېره ${index} ښکاره شو`,
  reveal: 'ښکاره کړئ',
  revealing: 'ښکاره کېږي…',
  revealLabel: (title) => `”${title}“ ښکاره کړئ`,
  revealed: (index) => `ښکاره شو: ښکاره کول د لاګ په شمېره ${index} کې دي.`,
  unreadable: 'بېرته ونه لوستل شو',
};

export function cfm(): ConfidentialMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
