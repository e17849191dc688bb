// The analysts' desk section of the console (issue 11 item 6, /console/desk): the review queue
// with its bulk actions (queue.ts) and, beside it, the incident being worked on (incident-panel.ts:
// opened by grouping, or by ?incident=<id> in the URL so a reload keeps it).
import { h } from '../../dom.js';
import type { ConsoleSection } from '../sections.js';
import { dm } from './messages.js';
import { renderIncidentPanel } from './incident-panel.js';
import { renderQueue } from './queue.js';

export const deskSection: ConsoleSection = {
  id: 'desk',
  label: () => dm().nav,
  // Who files incidents, tasks and findings (src/core/workflow/kinds/{incident,task,finding}.ts).
  roles: ['analyst'],
  render(ctx) {
    const slot = h('div', { class: 'desk-incident-slot' });
    const openIncident = (id: string) => {
      const params = new URLSearchParams(location.search);
      params.set('incident', id);
      history.replaceState(history.state, '', `${location.pathname}?${params}`);
      slot.replaceChildren(renderIncidentPanel(ctx, id));
      slot.scrollIntoView({ block: 'start' });
    };
    const wanted = new URLSearchParams(location.search).get('incident');
    if (wanted && /^[0-9a-f-]{36}$/.test(wanted))
      slot.replaceChildren(renderIncidentPanel(ctx, wanted));
    return h('div', { class: 'desk' }, renderQueue(ctx, openIncident), slot);
  },
};
