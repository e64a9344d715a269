#!/usr/bin/env bash
# Refresh the web editor's vendored browser code (generator/outputs/vendor/) from the npm
# registry: `npm pack` downloads the released tarballs, nothing is installed or built.
#   scripts/vendor-editor.sh [DECAP_CMS_VERSION] [JS_YAML_VERSION]
# Then change the versions in generator/outputs/vendor/README.md, build, and run
# tests/browser/test_editor.py (the editor saves a unit through decap-server).
set -euo pipefail
decap="${1:-3.16.3}"
jsyaml="${2:-5.5.0}"
cd "$(dirname "$0")/.."
vendor=generator/outputs/vendor
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "decap-cms@$decap" "js-yaml@$jsyaml" >/dev/null)
mkdir "$tmp/decap" "$tmp/js-yaml"
tar xzf "$tmp/decap-cms-$decap.tgz" -C "$tmp/decap"
tar xzf "$tmp/js-yaml-$jsyaml.tgz" -C "$tmp/js-yaml"

# decap-cms.js and the chunks it loads on demand from beside itself (code-editor modes and
# the like); not the source maps, the duplicate cms.js build, nor the WebAssembly image
# encoders, which only the image and file widgets use (the catalogue has none).
rm -rf "$vendor/decap-cms"
mkdir -p "$vendor/decap-cms"
cp "$tmp/decap/package/dist/decap-cms.js" "$tmp/decap/package/dist/"*.decap-cms.js \
   "$tmp/decap/package/dist/decap-cms.js.LICENSE.txt" "$vendor/decap-cms/"
rm -rf "$vendor/js-yaml"
mkdir -p "$vendor/js-yaml"
cp "$tmp/js-yaml/package/dist/browser/js-yaml.umd.min.js" "$tmp/js-yaml/package/LICENSE" \
   "$vendor/js-yaml/"
echo "decap-cms $decap and js-yaml $jsyaml copied into $vendor/"
