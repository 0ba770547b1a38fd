#!/usr/bin/env bash
# A real Taro 4 build of migrated code.
#
# Writes a minimal Taro 4.2.1 React + TypeScript weapp project (webpack5 compiler) into a
# temporary folder, installs it from the npm registry, migrates its src/ with this repo's
# CLI (bin/startrecord-codemod.js, so run `npm ci` first: it builds dist/), then proves
# that the migrated code type-checks with Taro's template tsconfig (`tsc --noEmit`) and
# builds with `taro build --type weapp` (NODE_ENV=production). Two pages:
#   pages/record: Taro.startRecord({ success }) + Taro.stopRecord() -> converted to
#                 Taro.getRecorderManager();
#   pages/memo:   `await Taro.startRecord({})` + Taro.stopRecord() -> the start shimmed:
#                 imports ../../startrecord-shim (written into src/ by the CLI); the stop
#                 shimmed or converted (the Taro import goes when nothing uses it);
#   pages/note:   `await Taro.startRecord({})` alone (runs to the 60 s limit) -> shimmed,
#                 its preview `Taro.playVoice({ filePath, duration: 3 })` -> the shim's
#                 playVoice, and its only Taro import is removed;
#   pages/echo:   record (converted), then play / pause / stop the recording -> the shim's
#                 playVoice/pauseVoice/stopVoice (a Taro file's player is created at the
#                 first play, not on import; SPEC §8).
# Then it rebuilds with the shim replaced by a two-line stub to measure, gzipped, what the
# shim adds to the built JS (SIZE_DELTA=0 skips that second build).
#
# Usage: bash scripts/taro-build-check.sh      (from anywhere; KEEP=1 keeps the folder)
# Exit status: 0 when every check passed, non-zero on the first failure.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="$REPO/bin/startrecord-codemod.js"
TARO_VERSION=4.2.1
SIZE_DELTA="${SIZE_DELTA:-1}"

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAIL: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
T_START=$(now)

[ -f "$REPO/dist/src/cli/main.js" ] || fail "dist/ is missing: run npm ci (or npm run build) in $REPO first"
[ -f "$REPO/dist/shim-files/startrecord-shim.esm.js" ] || fail "dist/shim-files/ is missing: run npm run build in $REPO first"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/taro-build-check.XXXXXX")"
cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
APP="$WORK/app"
mkdir -p "$APP/config" "$APP/types" "$APP/src/pages/record" "$APP/src/pages/memo" "$APP/src/pages/note" "$APP/src/pages/echo"
cd "$APP"

say "writing a Taro $TARO_VERSION React TypeScript weapp project in $APP"

# The dependencies of Taro 4.2.1's own template (@tarojs/cli templates/default/package.json.tmpl)
# for React + TypeScript + Webpack5 and the weapp platform alone, less the lint, test, git-hook
# and code-generator tools. With --legacy-peer-deps npm installs no peer dependency, so the
# peers the build needs are listed: webpack 5.91.0 (@tarojs/webpack5-runner pins it), postcss
# (runner), @babel/preset-react (babel-preset-taro for React).
cat > package.json <<EOF
{
  "name": "taro-build-check",
  "version": "1.0.0",
  "private": true,
  "description": "startrecord-codemod: a real Taro $TARO_VERSION weapp build of migrated code",
  "templateInfo": { "name": "default", "typescript": true, "css": "None", "framework": "React" },
  "scripts": {
    "build:weapp": "taro build --type weapp"
  },
  "browserslist": [
    "defaults and fully supports es6-module",
    "maintained node versions"
  ],
  "dependencies": {
    "@babel/runtime": "7.29.16",
    "@tarojs/components": "$TARO_VERSION",
    "@tarojs/helper": "$TARO_VERSION",
    "@tarojs/plugin-framework-react": "$TARO_VERSION",
    "@tarojs/plugin-platform-weapp": "$TARO_VERSION",
    "@tarojs/react": "$TARO_VERSION",
    "@tarojs/runtime": "$TARO_VERSION",
    "@tarojs/shared": "$TARO_VERSION",
    "@tarojs/taro": "$TARO_VERSION",
    "react": "18.3.1",
    "react-dom": "18.3.1"
  },
  "devDependencies": {
    "@babel/core": "7.29.16",
    "@babel/plugin-transform-class-properties": "7.25.9",
    "@babel/preset-react": "7.29.7",
    "@tarojs/cli": "$TARO_VERSION",
    "@tarojs/taro-loader": "$TARO_VERSION",
    "@tarojs/webpack5-runner": "$TARO_VERSION",
    "@types/node": "18.19.130",
    "@types/react": "18.3.32",
    "@types/webpack-env": "1.18.8",
    "babel-preset-taro": "$TARO_VERSION",
    "postcss": "8.5.6",
    "typescript": "5.9.3",
    "webpack": "5.91.0"
  }
}
EOF

cat > config/index.ts <<'EOF'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'taro-build-check',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: 'dist',
    plugins: [],
    defineConstants: {},
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      }
    }
  }
  return merge({}, baseConfig, {})
})
EOF

cat > babel.config.js <<'EOF'
// babel-preset-taro, as Taro's template configures it
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }]
  ]
}
EOF

# Taro 4.2.1's template tsconfig.json for React + TypeScript, with two changes: the `paths`
# alias is left out (the template pairs it with tsconfig-paths-webpack-plugin, which nothing
# here uses), and skipLibCheck is on: with the template's tsconfig as it is, `tsc --noEmit`
# on a fresh Taro 4.2.1 project reports ~100 errors inside node_modules (@tarojs/taro,
# @tarojs/components, webpack-chain and webpack's own .d.ts files). A second run below
# checks with the libraries checked too that every error it reports is in node_modules.
cat > tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "target": "es2017",
    "module": "commonjs",
    "removeComments": false,
    "preserveConstEnums": true,
    "moduleResolution": "node",
    "experimentalDecorators": true,
    "noImplicitAny": false,
    "allowSyntheticDefaultImports": true,
    "outDir": "lib",
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "strictNullChecks": true,
    "sourceMap": true,
    "rootDir": ".",
    "jsx": "react-jsx",
    "allowJs": true,
    "resolveJsonModule": true,
    "skipLibCheck": true,
    "typeRoots": [
      "node_modules/@types"
    ]
  },
  "include": ["./src", "./types", "./config"],
  "compileOnSave": false
}
EOF

cat > types/global.d.ts <<'EOF'
/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production',
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
  }
}
EOF

cat > project.config.json <<'EOF'
{
  "miniprogramRoot": "./dist",
  "projectname": "taro-build-check",
  "appid": "touristappid",
  "setting": { "urlCheck": true, "es6": false, "enhance": false, "postcss": false, "minified": false },
  "compileType": "miniprogram"
}
EOF

cat > src/app.config.ts <<'EOF'
export default defineAppConfig({
  pages: [
    'pages/record/index',
    'pages/memo/index',
    'pages/note/index',
    'pages/echo/index'
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: 'WeChat',
    navigationBarTextStyle: 'black'
  }
})
EOF

cat > src/app.ts <<'EOF'
import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'

import './app.css'

function App({ children }: PropsWithChildren<any>) {
  useLaunch(() => {
    console.log('App launched.')
  })

  // children is the page to render
  return children
}

export default App
EOF
printf '.record, .memo, .note { padding: 20px; }\n' > src/app.css

cat > src/pages/record/index.config.ts <<'EOF'
export default definePageConfig({
  navigationBarTitleText: 'Record'
})
EOF
cp src/pages/record/index.config.ts src/pages/memo/index.config.ts
sed -i "s/'Record'/'Memo'/" src/pages/memo/index.config.ts
cp src/pages/record/index.config.ts src/pages/note/index.config.ts
sed -i "s/'Record'/'Note'/" src/pages/note/index.config.ts
cp src/pages/record/index.config.ts src/pages/echo/index.config.ts
sed -i "s/'Record'/'Echo'/" src/pages/echo/index.config.ts

# Converts: a callback start, a plain stop.
cat > src/pages/record/index.tsx <<'EOF'
import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function RecordPage() {
  const [path, setPath] = useState('')

  const onStart = () => {
    Taro.startRecord({
      success: (res) => setPath(res.tempFilePath),
    })
  }

  const onStop = () => {
    Taro.stopRecord()
  }

  return (
    <View className='record'>
      <Button onClick={onStart}>Start</Button>
      <Button onClick={onStop}>Stop</Button>
      <Text>{path}</Text>
    </View>
  )
}
EOF

# Shimmed: the start's Promise is used (settles when the recording ends).
cat > src/pages/memo/index.tsx <<'EOF'
import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function MemoPage() {
  const [path, setPath] = useState('')

  const onStart = async () => {
    const res = await Taro.startRecord({})
    setPath(res.tempFilePath)
  }

  const onStop = () => {
    Taro.stopRecord()
  }

  return (
    <View className='memo'>
      <Button onClick={onStart}>Start</Button>
      <Button onClick={onStop}>Stop</Button>
      <Text>{path}</Text>
    </View>
  )
}
EOF

# Shimmed, no stop: a voice note that records to the 60 s limit; Taro is used for nothing else.
cat > src/pages/note/index.tsx <<'EOF'
import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function NotePage() {
  const [path, setPath] = useState('')

  const onRecord = async () => {
    const res = await Taro.startRecord({})
    setPath(res.tempFilePath)
  }

  const onPreview = () => {
    Taro.playVoice({ filePath: path, duration: 3 })
  }

  return (
    <View className='note'>
      <Button onClick={onRecord}>Record a 60 s note</Button>
      <Button onClick={onPreview}>Preview 3 s</Button>
      <Text>{path}</Text>
    </View>
  )
}
EOF

# Converted, playback too: record, then play (complete resets the flag), pause, stop.
cat > src/pages/echo/index.tsx <<'EOF'
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function EchoPage() {
  const [path, setPath] = useState('')
  const [playing, setPlaying] = useState(false)

  const onStart = () => {
    Taro.startRecord({ success: (res) => setPath(res.tempFilePath) })
  }

  const onStop = () => {
    Taro.stopRecord()
  }

  const onPlay = () => {
    setPlaying(true)
    Taro.playVoice({
      filePath: path,
      complete: () => setPlaying(false),
    })
  }

  const onPause = () => {
    Taro.pauseVoice()
    setPlaying(false)
  }

  const onStopPlaying = () => {
    Taro.stopVoice()
    setPlaying(false)
  }

  return (
    <View className='echo'>
      <Button onTouchStart={onStart} onTouchEnd={onStop}>Hold to record</Button>
      <Button onClick={playing ? onPause : onPlay}>{playing ? 'Pause' : 'Play'}</Button>
      <Button onClick={onStopPlaying}>Stop</Button>
    </View>
  )
}
EOF

say "npm install (Taro $TARO_VERSION and its toolchain)"
t0=$(now)
npm install --no-audit --no-fund --legacy-peer-deps --loglevel=error \
  || fail "npm install failed"
t1=$(now)
INSTALL_S=$(elapsed "$t0" "$t1")
NM_SIZE=$(du -sh node_modules | cut -f1)
NM_PACKAGES=$(node -e 'const l = require("./package-lock.json"); console.log(Object.keys(l.packages).filter((k) => k.startsWith("node_modules/")).length)')
echo "installed in ${INSTALL_S}s: node_modules ${NM_SIZE}, ${NM_PACKAGES} packages"
for bin in tsc taro; do
  [ -x "node_modules/.bin/$bin" ] || fail "node_modules/.bin/$bin is missing after npm install"
done
for pkg in @tarojs/cli @tarojs/taro @tarojs/webpack5-runner babel-preset-taro; do
  v=$(node -p "require('$pkg/package.json').version")
  [ "$v" = "$TARO_VERSION" ] || fail "$pkg is $v, not $TARO_VERSION"
done

say "tsc --noEmit -p . before the migration (baseline)"
if npx --no-install tsc --noEmit -p . > "$WORK/tsc-before.log" 2>&1; then
  TSC_BEFORE="no error"
else
  TSC_BEFORE="$(grep -c 'error TS' "$WORK/tsc-before.log" || true) errors (see above)"
  cat "$WORK/tsc-before.log"
fi
echo "tsc before the migration: $TSC_BEFORE"

say "migrating src/ with $CLI"
set +e
node "$CLI" --yes --force --no-progress --report "$WORK/report.json" src
CLI_RC=$?
set -e
[ "$CLI_RC" = 0 ] || fail "the codemod exited $CLI_RC"
[ -f src/startrecord-shim.js ] || fail "src/startrecord-shim.js was not written"
[ -f src/startrecord-shim.d.ts ] || fail "src/startrecord-shim.d.ts was not written"
# What the report must say: no error, no site left alone, pages/record converted, the
# starts of pages/memo and pages/note shimmed. memo's stop may go either way (a stop that converts may stay
# converted next to a shimmed start: stop() on the one manager ends the shim's recording).
MEMO_STOP=$(node -e '
  const r = require(process.argv[1]);
  const bad = (m) => { console.error("report: " + m); process.exit(1); };
  if (r.summary.errors || r.summary.skipped) bad(`${r.summary.errors} errors, ${r.summary.skipped} skipped`);
  const sites = (page, api) => {
    const f = r.files.find((x) => x.path.endsWith(`pages/${page}/index.tsx`));
    return f ? f.sites.filter((x) => x.api === api).map((x) => x.action) : [];
  };
  const want = (page, api, ok) => {
    const got = sites(page, api);
    if (got.length !== 1 || !ok.includes(got[0])) bad(`pages/${page} ${api}: ${got.join(",") || "no site"}, expected ${ok.join(" or ")}`);
    return got[0];
  };
  want("record", "startRecord", ["converted"]);
  want("record", "stopRecord", ["converted"]);
  want("memo", "startRecord", ["shimmed"]);
  want("note", "startRecord", ["shimmed"]);
  want("note", "playVoice", ["shimmed"]);
  for (const api of ["startRecord", "stopRecord"]) want("echo", api, ["converted"]);
  for (const api of ["playVoice", "pauseVoice", "stopVoice"]) want("echo", api, ["shimmed"]);
  console.log(want("memo", "stopRecord", ["converted", "shimmed"]));
' "$WORK/report.json") || fail "the report is not what this project should get"
grep -q 'getRecorderManager()' src/pages/record/index.tsx || fail "pages/record was not converted"
grep -q 'startrecord-shim' src/pages/record/index.tsx && fail "pages/record imports the shim"
for page in memo note; do
  grep -q "from '../../startrecord-shim'" src/pages/$page/index.tsx || fail "pages/$page does not import ../../startrecord-shim"
done
grep -q '@tarojs/taro' src/pages/note/index.tsx && fail "pages/note still imports @tarojs/taro, unused"
grep -qE "import \{ [^}]*playVoice[^}]* \} from '../../startrecord-shim'" src/pages/note/index.tsx || fail "pages/note does not import the shim's playVoice"
grep -qE "import \{ [^}]*pauseVoice[^}]* \} from '../../startrecord-shim'" src/pages/echo/index.tsx || fail "pages/echo does not import the shim's playback"
grep -q 'createInnerAudioContext' src/pages/echo/index.tsx && fail "pages/echo creates a player on import"
if grep -q 'Taro\.' src/pages/memo/index.tsx; then
  grep -q "^import Taro from '@tarojs/taro'" src/pages/memo/index.tsx || fail "pages/memo uses Taro but lost its import"
  MEMO_TARO="kept (still used: its stop was ${MEMO_STOP})"
else
  grep -q '@tarojs/taro' src/pages/memo/index.tsx && fail "pages/memo still imports @tarojs/taro, unused"
  MEMO_TARO="removed (its stop was ${MEMO_STOP})"
fi
for f in src/pages/record/index.tsx src/pages/memo/index.tsx src/pages/note/index.tsx src/pages/echo/index.tsx; do
  printf -- '--- %s (migrated)\n' "$f"; cat "$f"
done

say "tsc --noEmit -p . (Taro's template tsconfig + skipLibCheck: noUnusedLocals, strictNullChecks, react-jsx)"
t0=$(now)
npx --no-install tsc --noEmit -p . || fail "tsc reported errors in the migrated project"
TSC_S=$(elapsed "$t0" "$(now)")
echo "tsc: no error (${TSC_S}s)"

say "tsc --noEmit -p . --skipLibCheck false (the template's setting): no error outside node_modules"
npx --no-install tsc --noEmit -p . --skipLibCheck false > "$WORK/tsc-libcheck.log" 2>&1 || true
LIB_ERRORS=$(grep -c 'error TS' "$WORK/tsc-libcheck.log" || true)
OUR_ERRORS=$(grep 'error TS' "$WORK/tsc-libcheck.log" | grep -v '^node_modules/' || true)
if [ -n "$OUR_ERRORS" ]; then
  echo "$OUR_ERRORS"
  fail "with the libraries checked, tsc reports errors outside node_modules"
fi
echo "${LIB_ERRORS} errors, all in node_modules/ (Taro's and webpack's own .d.ts files)"

# taro build draws a progress bar: its output goes to a log, shown whole only on failure.
build() {
  local log="$1"
  rm -rf dist
  if ! NODE_ENV=production npx --no-install taro build --type weapp > "$log" 2>&1; then
    cat "$log"; fail "taro build failed (log above)"
  fi
  [ -f dist/app.js ] || { cat "$log"; fail "taro build wrote no dist/app.js"; }
}

say "NODE_ENV=production taro build --type weapp"
t0=$(now)
build "$WORK/build.log"
BUILD_S=$(elapsed "$t0" "$(now)")
grep -aE 'Taro v|Compiled successfully|WARNING|[Ww]arning' "$WORK/build.log" | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' || true
echo "built in ${BUILD_S}s"

say "checking dist/"
for page in record memo note; do
  [ -f dist/pages/$page/index.js ] || fail "no dist/pages/$page/index.js"
done
SHIM_RE='startrecord-codemod\.shim|startRecord:fail:audio is recording'
SHIM_HITS=$(grep -rlE "$SHIM_RE" --include='*.js' dist | sort || true)
[ -n "$SHIM_HITS" ] || fail "the shim's code is not in dist/**/*.js"
grep -q 'getRecorderManager' dist/pages/record/index.js || fail "dist/pages/record/index.js has no getRecorderManager"
grep -rq 'createInnerAudioContext' dist --include='*.js' || fail "the built JS has no createInnerAudioContext (the shim's player)"
grep -qE "$SHIM_RE" dist/pages/record/index.js && fail "the shim landed in pages/record's chunk, which does not import it"
echo "dist/app.js: present"
echo "shim code found in: $(echo "$SHIM_HITS" | tr '\n' ' ')"
echo "dist/pages/record/index.js: calls getRecorderManager"
ls -l dist/*.js dist/pages/*/index.js | awk '{ print "  " $5 "\t" $NF }'

# Sizes: each file gzipped alone (as a mini program ships them), summed over the built JS.
js_gz() { local t=0 f; for f in $(find dist -name '*.js' | sort); do t=$((t + $(gz "$f"))); done; echo "$t"; }
js_raw() { find dist -name '*.js' -exec cat {} + | wc -c | tr -d ' '; }
size_of() { printf '%s B, %s B gzip' "$(wc -c < "$1" | tr -d ' ')" "$(gz "$1")"; }
RECORD_SIZE=$(size_of dist/pages/record/index.js)
MEMO_SIZE=$(size_of dist/pages/memo/index.js)
NOTE_SIZE=$(size_of dist/pages/note/index.js)
ALL_RAW=$(js_raw); ALL_GZ=$(js_gz)

DELTA_LINE="(not measured: SIZE_DELTA=0)"
if [ "$SIZE_DELTA" = 1 ]; then
  say "rebuilding with the shim replaced by a stub, to measure what the shim adds"
  cp src/startrecord-shim.js "$WORK/startrecord-shim.js"
  cat > src/startrecord-shim.js <<'EOF'
export function startRecord() { return Promise.resolve({ errMsg: 'startRecord:ok', tempFilePath: '' }) }
export function stopRecord() {}
EOF
  mv dist "$WORK/dist-shim"
  t0=$(now)
  build "$WORK/stub-build.log"
  STUB_S=$(elapsed "$t0" "$(now)")
  STUB_RAW=$(js_raw); STUB_GZ=$(js_gz)
  rm -rf dist; mv "$WORK/dist-shim" dist
  cp "$WORK/startrecord-shim.js" src/startrecord-shim.js
  DELTA_LINE="+$((ALL_RAW - STUB_RAW)) B minified, +$((ALL_GZ - STUB_GZ)) B gzip over all built JS, against a 2-line stub (stub build ${STUB_S}s)"
fi

say "summary"
cat <<EOF
Taro $TARO_VERSION React TypeScript weapp (webpack5), node $(node -v), npm $(npm -v)
  npm install:        ${INSTALL_S}s, node_modules ${NM_SIZE}, ${NM_PACKAGES} packages
  codemod:            pages/record converted; pages/memo: start shimmed, stop ${MEMO_STOP},
                      Taro import ${MEMO_TARO}; pages/note: shimmed, Taro import removed;
                      src/startrecord-shim.js + .d.ts written
  tsc --noEmit:       before the migration: ${TSC_BEFORE}; after: no error (${TSC_S}s)
  tsc, libs checked:  ${LIB_ERRORS} errors, none outside node_modules
  taro build weapp:   ok in ${BUILD_S}s (NODE_ENV=production)
  pages/record chunk: ${RECORD_SIZE} (converted: getRecorderManager)
  pages/memo chunk:   ${MEMO_SIZE}
  pages/note chunk:   ${NOTE_SIZE}
  shim's code is in:  $(echo "$SHIM_HITS" | tr '\n' ' ')
  all built JS:       ${ALL_RAW} B, ${ALL_GZ} B gzip (files gzipped one by one)
  shim's cost:        ${DELTA_LINE}
  whole check:        $(elapsed "$T_START" "$(now)")s
PASS
EOF
