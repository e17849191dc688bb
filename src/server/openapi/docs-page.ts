// The documentation page at /api/docs: static HTML plus a same-origin script that fetches the
// OpenAPI document and builds the page with createElement/textContent only (no HTML from data, no
// CDN, nothing inline to run), so it works offline under the strict CSP.

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Truceline API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1b1f24; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; text-transform: capitalize; }
.op { border: 1px solid #d8dde4; border-radius: 6px; margin: .8rem 0; padding: .6rem .9rem; }
.method { display: inline-block; min-width: 4.2rem; font-weight: 700; font-family: ui-monospace, monospace; }
.path { font-family: ui-monospace, monospace; }
.access { color: #4b5563; font-size: .9em; }
details pre { background: #f6f8fa; padding: .6rem; overflow: auto; max-height: 24rem; font-size: .85em; }
table { border-collapse: collapse; margin: .3rem 0; } td, th { border: 1px solid #e1e4e8; padding: .15rem .5rem; text-align: left; font-size: .9em; }
</style>
</head>
<body>
<h1>Truceline API</h1>
<p id="intro">Loading <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>…</p>
<main id="ops"></main>
<script src="/api/docs/docs.js" defer></script>
</body>
</html>
`;

export const DOCS_JS = `// Renders /api/v1/openapi.json with textContent only.
(function () {
  'use strict';
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function schemaBlock(title, schema) {
    var d = el('details');
    d.appendChild(el('summary', title));
    d.appendChild(el('pre', JSON.stringify(schema, null, 2)));
    return d;
  }
  fetch('/api/v1/openapi.json', { headers: { accept: 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (doc) {
      var intro = document.getElementById('intro');
      intro.textContent = (doc.info && doc.info.description) || '';
      intro.appendChild(el('br'));
      intro.appendChild(el('span', 'OpenAPI ' + doc.openapi + ', version ' + doc.info.version + '. '));
      var raw = el('a', 'The document as JSON');
      raw.href = '/api/v1/openapi.json';
      intro.appendChild(raw);
      var byTag = {};
      Object.keys(doc.paths).forEach(function (path) {
        Object.keys(doc.paths[path]).forEach(function (method) {
          var op = doc.paths[path][method];
          var tag = (op.tags && op.tags[0]) || 'other';
          (byTag[tag] = byTag[tag] || []).push({ path: path, method: method, op: op });
        });
      });
      var main = document.getElementById('ops');
      Object.keys(byTag).sort().forEach(function (tag) {
        main.appendChild(el('h2', tag));
        byTag[tag].forEach(function (x) {
          var box = el('section', null, 'op');
          var head = el('div');
          head.appendChild(el('span', x.method.toUpperCase(), 'method'));
          head.appendChild(el('span', x.path, 'path'));
          box.appendChild(head);
          box.appendChild(el('div', x.op.summary || ''));
          if (x.op.description) box.appendChild(el('p', x.op.description, 'access'));
          var params = x.op.parameters || [];
          if (params.length) {
            var t = el('table');
            var hr = el('tr');
            ['parameter', 'in', 'required', 'description'].forEach(function (h) { hr.appendChild(el('th', h)); });
            t.appendChild(hr);
            params.forEach(function (p) {
              var tr = el('tr');
              [p.name, p.in, p.required ? 'yes' : 'no', p.description || ''].forEach(function (c) { tr.appendChild(el('td', c)); });
              t.appendChild(tr);
            });
            box.appendChild(t);
          }
          if (x.op.requestBody) box.appendChild(schemaBlock('request body', x.op.requestBody));
          var rt = el('table');
          Object.keys(x.op.responses || {}).forEach(function (s) {
            var tr = el('tr');
            tr.appendChild(el('td', s));
            tr.appendChild(el('td', x.op.responses[s].description));
            rt.appendChild(tr);
          });
          box.appendChild(rt);
          box.appendChild(schemaBlock('responses (schemas)', x.op.responses));
          main.appendChild(box);
        });
      });
      main.appendChild(el('h2', 'schemas'));
      Object.keys((doc.components && doc.components.schemas) || {}).forEach(function (name) {
        main.appendChild(schemaBlock(name, doc.components.schemas[name]));
      });
    })
    .catch(function (err) {
      document.getElementById('intro').textContent = "couldn't load the API description: " + err;
    });
})();
`;
