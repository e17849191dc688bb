// The compliance board's penalty lines (issue 11 item 7), in English, Urdu and Pashto.
import { lang } from '../../i18n/index.js';

const en = {
  heading: 'Penalties imposed',
  none: 'No penalty has been imposed.',
  line: (title: string, agreement: string, date: string, by: string) =>
    `${title}, under the ${agreement}, imposed ${date} by ${by}`,
};
type PenaltyBoardMessages = typeof en;
const ur: PenaltyBoardMessages = {
  heading: 'نافذ شدہ جرمانے',
  none: 'ابھی تک کوئی جرمانہ نافذ نہیں ہوا۔',
  line: (title, agreement, date, by) =>
    `${title}، ${agreement} کے تحت، ${date} کو ${by} نے نافذ کیا`,
};
const ps: PenaltyBoardMessages = {
  heading: 'پلي شوې جریمې',
  none: 'تر اوسه کومه جریمه نه ده پلي شوې.',
  line: (title, agreement, date, by) =>
    `${title}، د ${agreement} له مخې، ${date} د ${by} لخوا پلي شوه`,
};

export function penaltyBoardMessages(): PenaltyBoardMessages {
  const l = lang();
  return l === 'ur' ? ur : l === 'ps' ? ps : en;
}
