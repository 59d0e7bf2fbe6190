import { existsSync, readFileSync } from 'node:fs';

// The initial JavaScript budget: what every visit downloads before its first lookup. That is the
// entry chunk and every chunk it imports statically, which Vite lists in index.html as
// modulepreload links: the bundler moves modules shared by the entry and lazy chunks into chunks
// of their own, so measuring index-*.js alone once missed a third of the initial JavaScript.
const INDEX_HTML = 'dist/client/index.html';

function initialScripts() {
  // Before a build there is nothing to measure; size-limit then says that no file matched.
  if (!existsSync(INDEX_HTML)) return ['dist/client/assets/index-*.js'];
  const html = readFileSync(INDEX_HTML, 'utf8');
  const sources = [
    ...html.matchAll(/<script type="module"[^>]*\ssrc="\/([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\/([^"]+)"/g),
  ].map((match) => `dist/client/${match[1]}`);
  return sources;
}

export default [
  {
    name: 'initial JavaScript (the entry chunk and the chunks it imports, gzip)',
    path: initialScripts(),
    limit: '150 KB',
    gzip: true,
  },
];
