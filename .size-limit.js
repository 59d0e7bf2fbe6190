import { readFileSync } from 'node:fs';

// What a first visit downloads before it can run: the entry script index.html loads and every
// chunk it preloads because the entry imports it statically (shared code the bundler split off).
// Read from the built index.html, so that a new split cannot move code out of the measure.
function initialScripts() {
  let html;
  try {
    html = readFileSync('dist/client/index.html', 'utf8');
  } catch {
    throw new Error('dist/client/index.html is missing: run `npm run build` first.');
  }
  const sources = [
    ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
  ];
  return sources.map((match) => `dist/client/${match[1]}`);
}

export default [
  {
    name: 'initial JavaScript (the entry chunk and the chunks it imports statically, gzip)',
    path: initialScripts(),
    limit: '150 KB',
    gzip: true,
  },
];
