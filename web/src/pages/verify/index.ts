// The log's own page (/missions/<slug>/verify): checkpoint, witnesses, size, and a full check of the
// whole log in a worker (issue 10, item 1). Entry point the router calls; being built.
export interface VerifyPageParams {
  slug: string;
}

export function renderVerifyPage(root: HTMLElement, params: VerifyPageParams): Promise<void> {
  const h1 = document.createElement('h1');
  h1.textContent = `The ${params.slug} log`;
  root.replaceChildren(h1);
  return Promise.resolve();
}
