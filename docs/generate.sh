#!/usr/bin/env bash
# Regenerates the committed diagrams and reports under docs/ from the maps.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
A=target/release/argmap
$A render docs/example.yaml -o docs/example.svg
for m in permanent-revolution quantum-dialectics; do
  $A render "maps/$m.yaml" -o "docs/$m.svg"
  $A support "maps/$m.yaml" -o "docs/support-$m.txt"
  $A check "maps/$m.yaml" > "docs/check-$m.txt" || true
done
# The essay map chapter by chapter: each top-level group, its sections as clusters.
mkdir -p docs/permanent-revolution
for g in preface intro ch1 ch2 ch3 ch4 ch5 conclusion; do
  $A render maps/permanent-revolution.yaml --group "$g" -o "docs/permanent-revolution/$g.svg"
done
# ... and by chapter: a box per chapter, the links between them summed.
$A render maps/permanent-revolution.yaml --overview -o docs/permanent-revolution-overview.svg
$A render maps/permanent-revolution.yaml maps/quantum-dialectics.yaml -o docs/both-maps.svg
if $A compare --help >/dev/null 2>&1; then
  $A compare maps/permanent-revolution.yaml maps/quantum-dialectics.yaml --format markdown -o docs/comparison.md
  $A compare maps/permanent-revolution.yaml maps/quantum-dialectics.yaml -o docs/comparison.svg
  $A compare maps/permanent-revolution.yaml maps/quantum-dialectics.yaml -o docs/comparison.html
fi
# The README's screenshot of the viewer (needs Chromium and `npm ci --prefix tests/browser`).
if [ -x /usr/bin/chromium ] && [ -d tests/browser/node_modules/playwright-core ]; then
  page=$(mktemp -d)/viewer.html
  $A render maps/permanent-revolution.yaml -o "$page"
  node tests/browser/screenshot.mjs "$page" C-stalin-kamenev-1917 "$PWD/docs/viewer.png"
fi
