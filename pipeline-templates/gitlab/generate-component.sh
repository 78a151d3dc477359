#!/usr/bin/env bash
# Writes templates/golden-path/template.yml: the component's spec header (component/header.yml) followed by
# the jobs of idp.gitlab-ci.yml, so the jobs exist once. Run it after editing either file; with --check it
# only compares and exits 1 when the committed component has drifted (the pipeline tests do the same).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
marker='# ---- jobs'
target="$here/templates/golden-path/template.yml"

generate() {
  cat "$here/component/header.yml"
  if ! grep -q "^$marker" "$here/idp.gitlab-ci.yml"; then
    echo "error: no line starting with '$marker' in $here/idp.gitlab-ci.yml; the generator copies the jobs from that line down. Put the marker back above 'stages:'." >&2
    exit 2
  fi
  sed -n "/^$marker/,\$p" "$here/idp.gitlab-ci.yml"
}

if [[ "${1:-}" == "--check" ]]; then
  if ! diff -u "$target" <(generate); then
    echo "error: $target is out of date; run pipeline-templates/gitlab/generate-component.sh and commit the result." >&2
    exit 1
  fi
  exit 0
fi
generate > "$target"
