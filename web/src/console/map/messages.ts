// The place picker's words (issue 11 item 4), in English, Urdu and Pashto; the page's language
// is i18n/index.ts lang(), as for the rest of the console.
import { lang } from '../../i18n/index.js';

const en = {
  mapLabel: 'Map: click or drag the marker to set the place',
  mapHint:
    'Click the map, or drag the marker, to fill in the latitude and longitude; typing them moves the marker.',
  mapLoading: 'Loading the map…',
  mapUnavailable:
    'The map could not be drawn in this browser: type the latitude and longitude instead.',
  mapCredit: 'Map: Natural Earth via world-atlas (public domain), served by this server.',
};
export type MapMessages = typeof en;

const ur: MapMessages = {
  mapLabel: 'نقشہ: جگہ مقرر کرنے کے لیے کلک کریں یا نشان کھینچیں',
  mapHint:
    'عرض بلد اور طول بلد بھرنے کے لیے نقشے پر کلک کریں یا نشان کھینچیں؛ انہیں لکھنے سے نشان ہلتا ہے۔',
  mapLoading: 'نقشہ لوڈ ہو رہا ہے…',
  mapUnavailable: 'اس براؤزر میں نقشہ نہیں بن سکا: عرض بلد اور طول بلد لکھ دیں۔',
  mapCredit: 'نقشہ: Natural Earth بذریعہ world-atlas (عوامی ملکیت)، اسی سرور سے۔',
};

const ps: MapMessages = {
  mapLabel: 'نقشه: د ځای ټاکلو لپاره کلیک وکړئ یا نښه کش کړئ',
  mapHint:
    'د عرض البلد او طول البلد ډکولو لپاره په نقشه کلیک وکړئ یا نښه کش کړئ؛ د هغوی لیکل نښه خوځوي.',
  mapLoading: 'نقشه پورته کېږي…',
  mapUnavailable: 'په دې براوزر کې نقشه جوړه نه شوه: عرض البلد او طول البلد ولیکئ.',
  mapCredit: 'نقشه: Natural Earth د world-atlas له لارې (عامه ملکیت)، له همدې سرور څخه.',
};

export function mm(): MapMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
