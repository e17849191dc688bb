// The page's language: English, Urdu or Pashto (issue 10 item 6). Chosen by ?lang=, then by the
// reader's last choice (localStorage), then by the browser's languages; English otherwise.
// Sets <html lang dir> (Urdu and Pashto are right to left: the CSS uses logical properties, so the
// layout mirrors), and formats every date and figure through Intl in that language.
import { en, type Messages } from './en.js';
import { ps } from './ps.js';
import { ur } from './ur.js';

export const LANGS = ['en', 'ur', 'ps'] as const;
export type Lang = (typeof LANGS)[number];

const CATALOGUES: Record<Lang, Messages> = { en, ur, ps };
/**
 * BCP 47 tags for Intl: the country decides digits and conventions. The calendar is Gregorian for
 * every language (CLDR's default for ps-AF is the Solar Hijri one): the records and the report
 * URLs are Gregorian days, and a reader comparing them must see the same day.
 */
const LOCALES: Record<Lang, string> = { en: 'en-GB', ur: 'ur-PK', ps: 'ps-AF-u-ca-gregory' };

/**
 * Chromium's ICU is trimmed and has no Pashto data (Intl falls back to English there). Then
 * Pashto figures use Dari's, fa-AF (CLDR gives both the same Extended Arabic-Indic digits and
 * separators), and dates CLDR ps's own medium pattern, "y MMMM d", with its month names.
 */
const PS_MONTHS = [
  'جنوري',
  'فېبروري',
  'مارچ',
  'اپریل',
  'مۍ',
  'جون',
  'جولای',
  'اګست',
  'سپتمبر',
  'اکتوبر',
  'نومبر',
  'دسمبر',
];
const pashtoIntl = (): boolean => Intl.DateTimeFormat.supportedLocalesOf(['ps']).length > 0;
const numberLocale = (): string => (current === 'ps' && !pashtoIntl() ? 'fa-AF' : locale());
const RTL: ReadonlySet<Lang> = new Set(['ur', 'ps']);
const STORAGE_KEY = 'truceline.lang';

export const isLang = (v: unknown): v is Lang => LANGS.includes(v as Lang);

let current: Lang = 'en';
/** The current catalogue. Read it at render time (`t().x`), never cache it across a switch. */
export let t = (): Messages => CATALOGUES[current];

export const lang = (): Lang => current;
export const locale = (): string => LOCALES[current];
export const isRtl = (l: Lang = current): boolean => RTL.has(l);

function stored(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage blocked: fall through to the browser's languages
  }
}

/** The language this URL asks for, or the reader's own. */
export function pickLang(search: string = location.search): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  const remembered = stored();
  if (remembered) return remembered;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function setLang(l: Lang, remember = false): void {
  current = l;
  t = () => CATALOGUES[current];
  document.documentElement.lang = l;
  document.documentElement.dir = isRtl(l) ? 'rtl' : 'ltr';
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not remembered; the URL still carries ?lang=
    }
  }
}

export const languageName = (l: Lang): string => CATALOGUES[l].langName;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function fmt<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  const k = `${current}|${key}`;
  let f = cache.get(k) as T | undefined;
  if (!f) cache.set(k, (f = make()));
  return f;
}

/** A figure in the page's language ("1,234", "۱٬۲۳۴"). */
export function num(n: number): string {
  return fmt('n', () => new Intl.NumberFormat(numberLocale())).format(n);
}

export function percent(x: number): string {
  return fmt('pct', () => new Intl.NumberFormat(numberLocale(), { style: 'percent' })).format(x);
}

/** A Pashto date where the browser's Intl has no Pashto: CLDR ps "y MMMM d", its digits. */
function pashtoDay(d: Date, withTime: boolean): string {
  const digits = fmt('psdigits', () => new Intl.NumberFormat('fa-AF', { useGrouping: false }));
  const two = (n: number) => digits.format(n).padStart(2, digits.format(0));
  const date = `${digits.format(d.getUTCFullYear())} ${PS_MONTHS[d.getUTCMonth()]} ${digits.format(d.getUTCDate())}`;
  return withTime ? `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC` : date;
}

/** YYYY-MM-DD (or an RFC 3339 time, whose day is taken) as a date in the page's language, UTC. */
export function day(iso: string, style: 'medium' | 'long' | 'short' = 'medium'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  if (current === 'ps' && !pashtoIntl()) return pashtoDay(d, false);
  return fmt(
    `d${style}`,
    () => new Intl.DateTimeFormat(locale(), { dateStyle: style, timeZone: 'UTC' }),
  ).format(d);
}

/** An RFC 3339 time as date and time in the page's language, UTC (stated). */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (current === 'ps' && !pashtoIntl()) return pashtoDay(d, true);
  return fmt(
    'dt',
    () =>
      new Intl.DateTimeFormat(locale(), {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }),
  ).format(d);
}

/** A list of names joined the way the language joins them ("A, B and C"). */
const listFormats = new Map<Lang, Intl.ListFormat>();
export function list(items: readonly string[]): string {
  if (current === 'ps' && !pashtoIntl()) {
    // CLDR ps: "{0}، {1}، او {2}".
    return items.length < 2
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join('، ')}، او ${items.at(-1)}`;
  }
  let f = listFormats.get(current);
  if (!f) listFormats.set(current, (f = new Intl.ListFormat(locale(), { type: 'conjunction' })));
  return f.format(items);
}

export const typeLabel = (type: string): string =>
  t().eventTypes[type] ?? type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const verdictLabel = (v: string): string =>
  (t().verdicts as Record<string, string>)[v] ?? v.replace(/_/g, ' ');
