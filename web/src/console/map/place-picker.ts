// The filing form's place picker (issue 11 item 4): a map beside the latitude and longitude
// fields. Clicking the map or dragging the marker writes the coordinates into the fields (rounded
// to 5 decimals, about a metre); typing coordinates by hand moves the marker. The fields stay the
// record's source of truth, and the accessible way in: the map is a pointer shortcut to them.
// maplibre is loaded only when the form is drawn (place-map.ts, its own chunk).
import { h } from '../../dom.js';
import { mm } from './messages.js';

export interface PickerMission {
  region?: { center: [number, number]; zoom: number };
  boundaries?: { name: string; geometry?: { type: string; coordinates: unknown } }[];
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** A typed coordinate, when it is a number in range (else null: the marker is not moved). */
function typed(input: HTMLInputElement, limit: number): number | null {
  const raw = input.value.trim().replace(',', '.');
  if (raw === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

export function renderPlacePicker(
  mission: PickerMission,
  lat: HTMLInputElement,
  lon: HTMLInputElement,
): HTMLElement {
  const m = mm();
  const box = h('div', {
    class: 'place-map',
    id: 'f-map',
    role: 'region',
    'aria-label': m.mapLabel,
    'data-map': 'loading',
  });
  const status = h('p', { class: 'console-muted place-map__status' }, m.mapLoading);
  const el = h(
    'div',
    { class: 'place-picker' },
    box,
    status,
    h('p', { class: 'console-muted place-map__hint' }, m.mapHint),
  );
  const point = () => {
    const a = typed(lat, 90);
    const o = typed(lon, 180);
    return a === null || o === null ? null : { lat: a, lon: o };
  };
  void import('./place-map.js')
    .then(({ createPlaceMap }) => {
      const map = createPlaceMap(box, {
        center: mission.region?.center ?? [69.5, 32.5],
        zoom: mission.region?.zoom ?? 5,
        boundaries: mission.boundaries ?? [],
        label: m.mapLabel,
        onPick(p) {
          lat.value = String(round(p.lat));
          lon.value = String(round(p.lon));
          for (const i of [lat, lon]) i.dispatchEvent(new Event('input', { bubbles: true }));
        },
        onReady() {
          box.dataset.map = 'ready';
          status.textContent = m.mapCredit;
        },
      });
      const follow = () => map.setPoint(point());
      lat.addEventListener('input', follow);
      lon.addEventListener('input', follow);
      follow();
    })
    .catch((err: unknown) => {
      console.warn('truceline place picker:', err);
      box.dataset.map = 'unavailable';
      status.textContent = m.mapUnavailable;
    });
  return el;
}
