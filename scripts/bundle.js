#!/usr/bin/env node
// Bundles src/bundle.ts (the CLI, its worker, the jscodeshift transform and the library
// API) into ONE file, dist/bundle/startrecord-codemod.js, with everything it uses inside
// (jscodeshift's collections, @babel/parser, @vue/compiler-sfc, commander...), so that the
// published package has no runtime dependencies: `npx startrecord-codemod` installs one
// package instead of a hundred (jscodeshift's own runner, Babel presets, flow-parser are
// never used by this tool). Then writes the jscodeshift entry, a small loader of that file.
// Runs after `tsc` (which still emits the type declarations); see `npm run build`.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { builtinModules } = require('module');

const root = path.join(__dirname, '..');
const outfile = path.join(root, 'dist', 'bundle', 'startrecord-codemod.js');

/**
 * Modules that are required but never run here. @vue/compiler-sfc hands `<template
 * lang="pug">` & co. to one of forty template engines through consolidate, and React
 * templates to Babel 6: the migration reads script blocks only, so none of them ever runs,
 * whether or not a devDependency happens to have installed it (lodash, babel-core and
 * core-js did: 1.2 MB of the bundle, parsed at every start). jscodeshift/recast reach
 * flow-parser and esprima for parsing text, while this tool parses with @babel/parser
 * itself and gives them ASTs.
 */
const NEVER_RUN = new Set(['flow-parser', 'esprima']);
/** What @vue/compiler-sfc loads to parse a file (its top-level requires); everything else it names is a template engine. */
const SFC_NEEDS = /^(@vue\/|@babel\/parser$|estree-walker$|magic-string$|postcss$|source-map-js$)/;
const neverRun = {
  name: 'never-run',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (NEVER_RUN.has(args.path)) return { path: args.path, namespace: 'never-run' };
      if (!/@vue[\\/]compiler-sfc/.test(args.importer) || builtinModules.includes(args.path.replace(/^node:/, ''))) return undefined;
      if (SFC_NEEDS.test(args.path)) return undefined;
      return { path: args.path, namespace: 'never-run' };
    });
    build.onLoad({ filter: /.*/, namespace: 'never-run' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`startrecord-codemod: ${args.path} is not bundled (this tool never runs it)`)});`,
      loader: 'js',
    }));
  },
};

/**
 * The migration needs one table of @babel/types (VISITOR_KEYS, see src/migrate/node-index.ts),
 * not its builders and validators: the bundle gets that table as data, read from the
 * installed @babel/types (the same version as @babel/parser) at build time.
 */
const babelTypesKeysOnly = {
  name: 'babel-types-keys-only',
  setup(build) {
    build.onResolve({ filter: /^@babel\/types$/ }, (args) =>
      args.importer.startsWith(path.join(root, 'src') + path.sep) ? { path: '@babel/types', namespace: 'babel-types-keys' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'babel-types-keys' }, () => ({
      contents: `exports.VISITOR_KEYS = ${JSON.stringify(require('@babel/types').VISITOR_KEYS)};`,
      loader: 'js',
    }));
  },
};

const LOADER = `'use strict';
// jscodeshift entry: \`npx jscodeshift -t <this file> src/\`. The code is in
// ../bundle/startrecord-codemod.js (no dependencies); it is loaded with Node's own
// loader, so jscodeshift's Babel hook (on unless --no-babel) does not recompile 3 MB of
// already compiled JavaScript at every run.
const fs = require('fs');
const path = require('path');
const Module = require('module');

const file = path.join(__dirname, '..', 'bundle', 'startrecord-codemod.js');
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(path.dirname(file));
bundle._compile(fs.readFileSync(file, 'utf8'), file);

module.exports = bundle.exports.transform;
module.exports.default = bundle.exports.transform;
`;

fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
// `require('startrecord-codemod')`: the documented library API (README "Library API",
// types in dist/src/index.d.ts), and nothing else of the bundle.
const LIBRARY = `'use strict';
const bundle = require('./startrecord-codemod.js');

exports.migrateSource = bundle.migrateSource;
exports.mightContainLegacyCalls = bundle.mightContainLegacyCalls;
exports.MigrationError = bundle.MigrationError;
`;

esbuild
  .build({
    entryPoints: [path.join(root, 'src', 'bundle.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    define: { __STARTRECORD_BUNDLE__: 'true' },
    // Whitespace and syntax only: names stay, so an internal error's stack still reads.
    // BUNDLE_READABLE=1 keeps lines and whitespace, for CPU profiles that name lines.
    minifyWhitespace: !process.env.BUNDLE_READABLE,
    minifySyntax: !process.env.BUNDLE_READABLE,
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [neverRun, babelTypesKeysOnly],
  })
  .then(() =>
    // The CLI's and the workers' loader of the bundle, with the code cache: a file of its
    // own, since it runs before the bundle.
    esbuild.build({
      entryPoints: [path.join(root, 'src', 'load-bundle.ts')],
      outfile: path.join(path.dirname(outfile), 'load-bundle.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      logLevel: 'warning',
    }),
  )
  .then(() => {
    fs.writeFileSync(path.join(root, 'dist', 'transforms', 'startrecord-to-recorder-manager.js'), LOADER);
    fs.writeFileSync(path.join(path.dirname(outfile), 'index.js'), LIBRARY);
  })
  .catch(() => process.exit(1));
