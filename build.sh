#!/usr/bin/env bash
# Runs this repository's build: ./build.sh [targets] [options]   (./build.sh --help lists them)
# Builds build/_build.csproj only when one of its inputs changed, then runs the built assembly directly.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT="$SCRIPT_DIR/build/_build.csproj"
BUILD_ASSEMBLY="$SCRIPT_DIR/build/bin/_build.dll"
STAMP_FILE="$SCRIPT_DIR/.nuke/temp/build.stamp"
# Everything the build project is compiled from, relative to this directory.
BUILD_INPUTS=(build src/Idp.Build Directory.Build.props Directory.Packages.props global.json)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fingerprint() {
  (
    cd "$SCRIPT_DIR"
    find "${BUILD_INPUTS[@]}" \( -name bin -o -name obj \) -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' \) -print 2>/dev/null \
      | LC_ALL=C sort > "$STAMP_FILE.list"
    { cat "$STAMP_FILE.list"; tr '\n' '\0' < "$STAMP_FILE.list" | xargs -0 cat; } | cksum
    rm -f "$STAMP_FILE.list"
  )
}

find_dotnet() {
  local candidate
  for candidate in "$(command -v dotnet 2>/dev/null)" "${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}" "$HOME/.dotnet/dotnet"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! DOTNET=$(find_dotnet); then
  sdk=$(sed -n 's/.*"version"[^"]*"\([^"]*\)".*/\1/p' "$SCRIPT_DIR/global.json" | head -n 1)
  cat >&2 <<MSG
error: the .NET SDK was not found (looked for 'dotnet' on PATH, in \$DOTNET_ROOT and in ~/.dotnet).
This build needs .NET SDK ${sdk:-10.0} or a later 10.0 feature band (global.json). Install it, then run this again:
  Debian/Ubuntu:  apt-get install dotnet-sdk-10.0      (from the Microsoft package feed your organisation mirrors)
  other systems:  https://learn.microsoft.com/dotnet/core/install/
Nothing is downloaded by this script.
MSG
  exit 127
fi

mkdir -p "$(dirname "$STAMP_FILE")"
current=$(fingerprint)
if [[ ! -f "$BUILD_ASSEMBLY" || ! -f "$STAMP_FILE" || "$(cat "$STAMP_FILE")" != "$current" ]]; then
  if ! version=$(cd "$SCRIPT_DIR" && "$DOTNET" --version 2>&1); then
    echo "error: 'dotnet --version' failed in $SCRIPT_DIR, usually because no installed SDK matches global.json:" >&2
    echo "$version" >&2
    echo "Installed SDKs: $("$DOTNET" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')" >&2
    exit 127
  fi
  echo "Building the build project (.NET SDK $version)..."
  if ! output=$("$DOTNET" build "$BUILD_PROJECT" -nologo -clp:NoSummary --verbosity quiet 2>&1); then
    echo "$output" >&2
    echo "error: the build project did not compile; fix the errors above (in build/ or the SDK sources) and run again." >&2
    exit 1
  fi
  echo "$current" > "$STAMP_FILE"
fi

exec "$DOTNET" "$BUILD_ASSEMBLY" "$@"
