/// <reference types="vite/client" />
// Test harness for the incident and log pages: the production CSP (copied from web/index.html),
// the app's base stylesheet, and a three-line stand-in for the router (path → entry point, and
// ?lang= → <html lang dir>), so the pages are tested exactly through the entry points the router
// calls, whatever state the router is in.
import '../../../web/src/style.css';
import { renderIncidentPage } from '../../../web/src/pages/incident/index.js';
import { renderVerifyPage } from '../../../web/src/pages/verify/index.js';

const lang = new URLSearchParams(location.search).get('lang') ?? 'en';
document.documentElement.lang = lang;
document.documentElement.dir = lang === 'ur' || lang === 'ps' ? 'rtl' : 'ltr';
const root = document.getElementById('app')!;
const incident = /^\/missions\/([^/]+)\/incidents\/([^/]+)$/.exec(location.pathname);
const log = /^\/missions\/([^/]+)\/verify$/.exec(location.pathname);
if (incident) void renderIncidentPage(root, { slug: incident[1]!, id: incident[2]! });
else if (log) void renderVerifyPage(root, { slug: log[1]! });
else root.textContent = `harness: no page at ${location.pathname}`;
