#!/usr/bin/env bash
# Runs the shared library's Groovy tests with Debian's Groovy 2.4 (the Groovy of Jenkins' CPS engine).
# Usage: test/run-tests.sh [--report results.json] [TestClass...]   (from anywhere)
set -euo pipefail

LIBRARY=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if ! command -v groovy >/dev/null 2>&1; then
  echo "error: 'groovy' is not installed; the Jenkins shared library tests need Groovy 2.4 (Debian package 'groovy')." >&2
  echo "Run ./build.sh Prerequisites (or, as root: apt-get install -y groovy), then run the tests again." >&2
  exit 127
fi

# Jenkins runs on JDK 17/21; prefer JDK 17 when the caller did not choose one, since Groovy 2.4 predates newer JDKs.
if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/java-21-openjdk-*; do
    if [[ -x "$candidate/bin/java" ]]; then export JAVA_HOME="$candidate"; break; fi
  done
fi

cd "$LIBRARY"
exec groovy -cp "src:test" -Didp.library="$LIBRARY" test/TestRunner.groovy "$@"
