// The outbox's words in English, Urdu and Pashto (follows the page's language, i18n lang()).
import { lang } from '../../i18n/index.js';

const en = {
  heading: 'Outbox',
  intro:
    'Entries signed in this browser while the network was away. They are sent, in order, when it is back.',
  queued:
    'No network: the entry is signed and kept in this browser’s outbox. It is sent when the network is back.',
  waiting: 'Waiting for the network',
  sending: 'Sending…',
  sent: (index: string) => `Sent: log entry ${index}`,
  already: 'Sent (the log had it already)',
  refused: (reason: string) => `Refused: ${reason}`,
  signedAt: 'signed',
  offline:
    'No network. The console works from what this browser last saw; what you sign waits here.',
  clearDone: 'Clear sent and refused',
  taskQueued: 'An entry for this task waits in the outbox.',
  evidenceOffline:
    'Evidence files are uploaded before the record is signed, and there is no network. Remove them to keep the record in the outbox, or submit when the network is back.',
};
export type OutboxMessages = typeof en;

const ur: OutboxMessages = {
  heading: 'آؤٹ باکس',
  intro:
    'وہ اندراجات جن پر نیٹ ورک نہ ہونے کے دوران اس براؤزر میں دستخط ہوئے۔ نیٹ ورک واپس آنے پر یہ ترتیب سے بھیجے جاتے ہیں۔',
  queued:
    'نیٹ ورک نہیں: اندراج پر دستخط ہو گئے اور یہ اس براؤزر کے آؤٹ باکس میں محفوظ ہے۔ نیٹ ورک واپس آنے پر بھیج دیا جائے گا۔',
  waiting: 'نیٹ ورک کا انتظار',
  sending: 'بھیجا جا رہا ہے…',
  sent: (index) => `بھیج دیا گیا: لاگ اندراج ${index}`,
  already: 'بھیج دیا گیا (لاگ میں پہلے سے موجود تھا)',
  refused: (reason) => `مسترد: ${reason}`,
  signedAt: 'دستخط کا وقت',
  offline:
    'نیٹ ورک نہیں۔ کنسول وہی دکھا رہا ہے جو اس براؤزر نے آخری بار دیکھا؛ آپ جس پر دستخط کریں وہ یہاں انتظار کرے گا۔',
  clearDone: 'بھیجے گئے اور مسترد ہٹائیں',
  taskQueued: 'اس کام کا ایک اندراج آؤٹ باکس میں انتظار کر رہا ہے۔',
  evidenceOffline:
    'ثبوت فائلیں ریکارڈ پر دستخط سے پہلے اپ لوڈ ہوتی ہیں، اور نیٹ ورک نہیں ہے۔ ریکارڈ کو آؤٹ باکس میں رکھنے کے لیے انہیں ہٹا دیں، یا نیٹ ورک واپس آنے پر جمع کرائیں۔',
};

const ps: OutboxMessages = {
  heading: 'آوټ باکس',
  intro:
    'هغه ثبتونه چې د شبکې د نه شتون پر مهال په دې براوزر کې لاسلیک شول. کله چې شبکه بېرته راشي، په ترتیب سره لېږل کېږي.',
  queued:
    'شبکه نشته: ثبت لاسلیک شو او د دې براوزر په آوټ باکس کې ساتل کېږي. کله چې شبکه بېرته راشي، لېږل کېږي.',
  waiting: 'د شبکې په تمه',
  sending: 'لېږل کېږي…',
  sent: (index) => `ولېږل شو: د لاګ ثبت ${index}`,
  already: 'ولېږل شو (په لاګ کې مخکې موجود و)',
  refused: (reason) => `رد شو: ${reason}`,
  signedAt: 'د لاسلیک وخت',
  offline:
    'شبکه نشته. کنسول هغه څه ښيي چې دې براوزر وروستی ځل ولیدل؛ څه چې تاسې لاسلیک کړئ دلته انتظار کوي.',
  clearDone: 'لېږل شوي او رد شوي لرې کړئ',
  taskQueued: 'د دې دندې یو ثبت په آوټ باکس کې انتظار کوي.',
  evidenceOffline:
    'د شواهدو فایلونه د ثبت له لاسلیک مخکې پورته کېږي، او شبکه نشته. د دې لپاره چې ثبت په آوټ باکس کې پاتې شي هغه لرې کړئ، یا کله چې شبکه بېرته راشي وسپارئ.',
};

export function om(): OutboxMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
