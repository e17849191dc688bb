// The incident page (/missions/<slug>/incidents/<id>): every record in log order, verified in the
// page (issue 10, items 4 and 5). Entry point the router calls; the page itself is being built.
export interface IncidentPageParams {
  slug: string;
  id: string;
}

export function renderIncidentPage(root: HTMLElement, params: IncidentPageParams): Promise<void> {
  const h1 = document.createElement('h1');
  h1.textContent = `Incident ${params.id}`;
  root.replaceChildren(h1);
  return Promise.resolve();
}
