#!/bin/sh
# trunk's post_build hook (Trunk.toml): with METROPOLIS_DEV=1 (`make dev`), renders every page of
# the application into trunk's staging folder from its index.html. Does nothing otherwise: `make
# build` runs the prerender itself, once both entries are built.
set -eu
[ "${METROPOLIS_DEV:-}" = 1 ] || exit 0
[ "${TRUNK_HTML_FILE##*/}" = index.html ] || exit 0
mkdir -p "$TRUNK_STAGING_DIR/.templates"
mv "$TRUNK_STAGING_DIR/index.html" "$TRUNK_STAGING_DIR/.templates/app.html"
cargo run --quiet --features ssr --bin prerender -- "$TRUNK_STAGING_DIR"
