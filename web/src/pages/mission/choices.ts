// A multi-select filter (issue 10: type, party and verdict "several at once"): a disclosure whose
// summary says what is chosen ("Any type", "Shelling", "3 chosen") over a group of checkboxes.
// Native <details>/<fieldset>/<input type=checkbox>: keyboard (Tab, Space, Enter, Escape) and
// screen readers work without scripted ARIA widgets. Labels are text nodes (dom.ts).
import { h } from '../../dom.js';
import { num, t } from '../../i18n/index.js';

export interface Choices {
  element: HTMLElement;
  /** Shows these values as chosen (values with no option are kept for when options arrive). */
  set(values: readonly string[]): void;
  /** Replaces the options, keeping what is chosen. */
  setOptions(options: readonly (readonly [string, string])[]): void;
}

export function createChoices(opts: {
  id: string;
  label: string;
  any: string;
  options: readonly (readonly [string, string])[];
  chosen: readonly string[];
  onChange(values: string[]): void;
}): Choices {
  let chosen = [...opts.chosen];
  let options = [...opts.options];
  const state = h('span', { class: 'choices__state' });
  const summary = h(
    'summary',
    { class: 'choices__summary', id: `${opts.id}-summary` },
    h('span', { class: 'visually-hidden' }, `${opts.label}: `),
    state,
  );
  const group = h('fieldset', { class: 'choices__group', id: opts.id });
  const details = h('details', { class: 'choices', 'data-choices': opts.id }, summary, group);
  const element = h(
    'div',
    { class: 'field field--choices' },
    h('span', { class: 'field__label', 'aria-hidden': 'true' }, opts.label),
    details,
  );

  const describe = () => {
    const names = new Map(options);
    const shown = chosen.filter((v) => names.has(v));
    state.textContent =
      shown.length === 0
        ? opts.any
        : shown.length === 1
          ? (names.get(shown[0]!) ?? shown[0]!)
          : t().nChosen(num(shown.length));
  };

  const draw = () => {
    group.replaceChildren(
      h('legend', { class: 'visually-hidden' }, opts.label),
      ...options.map(([value, label]) => {
        const box = h('input', { type: 'checkbox', name: opts.id, value });
        box.checked = chosen.includes(value);
        box.addEventListener('change', () => {
          chosen = box.checked
            ? [...chosen.filter((v) => v !== value), value]
            : chosen.filter((v) => v !== value);
          describe();
          opts.onChange(chosen.filter((v) => options.some(([o]) => o === v)));
        });
        return h('label', { class: 'check' }, box, label);
      }),
    );
    describe();
  };

  // Escape closes the group and gives the focus back to its summary.
  details.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && details.open) {
      details.open = false;
      summary.focus();
    }
  });
  // A click elsewhere closes it, as a select's list would.
  document.addEventListener('click', (e) => {
    if (details.open && !details.contains(e.target as Node)) details.open = false;
  });

  draw();
  return {
    element,
    set(values) {
      chosen = [...values];
      for (const box of group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
        box.checked = chosen.includes(box.value);
      describe();
    },
    setOptions(next) {
      options = [...next];
      draw();
    },
  };
}
