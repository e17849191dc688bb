// The filing form's words added with the map picker, evidence files and actors (issue 11 item 4),
// in English, Urdu and Pashto. The rest of the form's words are in messages.ts.
import { lang } from '../i18n/index.js';
import type { InterCode } from '../../../src/core/taxonomy.js';

const en = {
  timeHint: '24-hour clock, HH:MM, e.g. 14:30.',
  actors: 'Actors (optional)',
  actorName: 'Name',
  actorInter: 'Kind',
  actorParty: 'Party',
  actorNoParty: 'None of the parties',
  addActor: 'Add an actor',
  removeActor: 'Remove',
  inter: (c: InterCode): string =>
    ({
      1: 'State forces',
      2: 'Rebel groups',
      3: 'Political militias',
      4: 'Identity militias',
      5: 'Rioters',
      6: 'Protesters',
      7: 'Civilians',
      8: 'External or other forces',
    })[c],
  evidence: 'Evidence files (optional)',
  evidenceHint:
    'Each file is hashed (SHA-256) in this browser, uploaded when you submit, and named in the record by its hash. The hash is public once the record is; the file is readable only by your organisation, analysts and mediators.',
  hashing: 'Hashing…',
  hashed: (size: string) => `${size}, SHA-256`,
  uploading: 'Uploading…',
  uploaded: 'Uploaded',
  uploadFailed: (why: string) => `Not uploaded: ${why}`,
  hashMismatch: (name: string) =>
    `The server stored ${name} under another hash than this browser computed: nothing was filed. Try again; if it repeats, the file changed while it was read.`,
  removeFile: 'Remove',
  tooManyFiles: 'A record names at most 50 evidence files.',
  bytes: (n: number) =>
    n < 1024
      ? `${n} B`
      : n < 1048576
        ? `${(n / 1024).toFixed(1)} KB`
        : `${(n / 1048576).toFixed(1)} MB`,
};
export type FilingMessages = typeof en;

const ur: FilingMessages = {
  timeHint: '24 گھنٹے کی گھڑی، HH:MM، مثلاً 14:30۔',
  actors: 'فریقین/عناصر (اختیاری)',
  actorName: 'نام',
  actorInter: 'قسم',
  actorParty: 'فریق',
  actorNoParty: 'کوئی فریق نہیں',
  addActor: 'عنصر شامل کریں',
  removeActor: 'ہٹائیں',
  inter: (c) =>
    ({
      1: 'ریاستی افواج',
      2: 'باغی گروہ',
      3: 'سیاسی ملیشیا',
      4: 'شناختی ملیشیا',
      5: 'بلوائی',
      6: 'مظاہرین',
      7: 'شہری',
      8: 'بیرونی یا دیگر افواج',
    })[c],
  evidence: 'ثبوت کی فائلیں (اختیاری)',
  evidenceHint:
    'ہر فائل کا SHA-256 ہیش اسی براؤزر میں بنتا ہے، بھیجتے وقت فائل اپ لوڈ ہوتی ہے اور ریکارڈ میں اس کا ہیش درج ہوتا ہے۔ ریکارڈ عام ہونے پر ہیش عام ہو گا؛ فائل صرف آپ کی تنظیم، تجزیہ کار اور ثالث پڑھ سکتے ہیں۔',
  hashing: 'ہیش بن رہا ہے…',
  hashed: (size) => `${size}، SHA-256`,
  uploading: 'اپ لوڈ ہو رہی ہے…',
  uploaded: 'اپ لوڈ ہو گئی',
  uploadFailed: (why) => `اپ لوڈ نہیں ہوئی: ${why}`,
  hashMismatch: (name) =>
    `سرور نے ${name} کو اس ہیش سے مختلف ہیش پر رکھا جو اس براؤزر نے بنایا: کچھ درج نہیں ہوا۔ دوبارہ کوشش کریں۔`,
  removeFile: 'ہٹائیں',
  tooManyFiles: 'ایک ریکارڈ میں زیادہ سے زیادہ 50 ثبوت فائلیں ہو سکتی ہیں۔',
  bytes: en.bytes,
};

const ps: FilingMessages = {
  timeHint: '۲۴ ساعته ګړۍ، HH:MM، لکه 14:30.',
  actors: 'لوبغاړي (اختیاري)',
  actorName: 'نوم',
  actorInter: 'ډول',
  actorParty: 'اړخ',
  actorNoParty: 'هېڅ اړخ نه',
  addActor: 'لوبغاړی زیات کړئ',
  removeActor: 'لرې کړئ',
  inter: (c) =>
    ({
      1: 'دولتي ځواکونه',
      2: 'یاغي ډلې',
      3: 'سیاسي ملېشې',
      4: 'هویتي ملېشې',
      5: 'بلواګر',
      6: 'لاریون کوونکي',
      7: 'ملکي وګړي',
      8: 'بهرني یا نور ځواکونه',
    })[c],
  evidence: 'د شواهدو فایلونه (اختیاري)',
  evidenceHint:
    'د هر فایل SHA-256 هش په همدې براوزر کې جوړېږي، د لېږلو پر مهال پورته کېږي او په ریکارډ کې د هش په نوم یادېږي. فایل یوازې ستاسو سازمان، شنونکي او منځګړي لوستلی شي.',
  hashing: 'هش جوړېږي…',
  hashed: (size) => `${size}، SHA-256`,
  uploading: 'پورته کېږي…',
  uploaded: 'پورته شو',
  uploadFailed: (why) => `پورته نه شو: ${why}`,
  hashMismatch: (name) =>
    `سرور ${name} د هغه هش پرته بل هش لاندې وساته چې دې براوزر جوړ کړ: هېڅ ونه لېږل شو. بیا هڅه وکړئ.`,
  removeFile: 'لرې کړئ',
  tooManyFiles: 'یو ریکارډ تر ۵۰ پورې د شواهدو فایلونه نومولی شي.',
  bytes: en.bytes,
};

export function fm(): FilingMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
