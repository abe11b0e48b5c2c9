#!/usr/bin/env bash
# Rebuilds dist/ and fails when it differs from what is committed: GitHub runs the committed
# bundle, so a source change without its rebuilt dist/ would ship the old behavior.
set -euo pipefail
npm run build --silent
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ differs from a fresh build of src/: run 'npm run build' and commit dist/." >&2
  git status --short -- dist >&2
  exit 1
fi
echo "dist/ matches a fresh build."
