#!/usr/bin/env bash
# Runs this repository's build: ./build.sh [targets] [options]   (./build.sh --help lists them)
# Builds build/_build.csproj only when one of its inputs changed, then runs the built assembly directly.
# The build is compiled ahead of time (ReadyToRun) for this machine, so a build with many targets does not pay
# the JIT for them at every start; where that cannot be restored, a plain dotnet build is used instead.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT="$SCRIPT_DIR/build/_build.csproj"
BUILD_ASSEMBLY="$SCRIPT_DIR/build/bin/_build.dll"
STAMP_FILE="$SCRIPT_DIR/.nuke/temp/build.stamp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# What the build project is compiled from: build/, the files that configure every project, and the folders of the
# projects it references, followed from project to project (an SDK built from source rebuilds the build when it
# changes; one taken from a feed changes through the project files).
build_inputs() {
  local pending=("$BUILD_PROJECT") seen=" " project reference referenced name
  for name in build Directory.Build.props Directory.Build.targets Directory.Packages.props global.json nuget.config NuGet.Config; do
    [[ -e "$SCRIPT_DIR/$name" ]] && echo "$SCRIPT_DIR/$name"
  done
  while [[ ${#pending[@]} -gt 0 ]]; do
    project=${pending[0]}
    pending=("${pending[@]:1}")
    while IFS= read -r reference; do
      reference=${reference//\\//}
      [[ "$reference" == /* ]] || reference="$(dirname "$project")/$reference"
      referenced=$(cd "$(dirname "$reference")" 2>/dev/null && pwd) || continue
      [[ "$seen" == *" $referenced "* ]] && continue
      seen+="$referenced "
      echo "$referenced"
      pending+=("$referenced/$(basename "$reference")")
    done < <(sed -n 's/.*<ProjectReference[^>]*Include="\([^"]*\)".*/\1/p' "$project")
  done
}

fingerprint() {
  local inputs=() line
  while IFS= read -r line; do inputs+=("$line"); done < <(build_inputs)
  find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '*.config' \) -print 2>/dev/null \
    | LC_ALL=C sort > "$STAMP_FILE.list"
  { cat "$STAMP_FILE.list"; tr '\n' '\0' < "$STAMP_FILE.list" | xargs -0 cat; } | cksum
  rm -f "$STAMP_FILE.list"
}

# The runtime identifier of this machine for a ReadyToRun build, e.g. linux-x64; fails when there is none.
runtime_identifier() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux; if compgen -G '/lib/ld-musl-*' > /dev/null; then os=linux-musl; fi ;;
    Darwin) os=osx ;;
    MINGW* | MSYS* | CYGWIN*) os=win ;;
    *) return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) return 1 ;;
  esac
  echo "$os-$arch"
}

# Compiles build/_build.csproj into build/bin: ReadyToRun when it can, else a plain build. Exits on a compile error.
# Runs dotnet from this directory so that its global.json picks the SDK.
compile() {
  local dotnet=$1 rid output reason
  if rid=$(runtime_identifier); then
    if output=$(cd "$SCRIPT_DIR" && "$dotnet" publish "$BUILD_PROJECT" -c Debug -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$SCRIPT_DIR/build/bin" -nologo -clp:NoSummary --verbosity quiet 2>&1); then
      return 0
    fi
    # A compile error fails the plain build too: report it now rather than compile twice.
    if [[ $output == *': error CS'* ]]; then compile_failed "$output"; fi
    reason=$(sed -n '/error [A-Z]*[0-9]*: /{s/.*\(error [A-Z]*[0-9]*: .*\)/\1/;s/ \[[^]]*\]$//;p;q;}' <<< "$output")
    echo "warning: no ReadyToRun build for $rid (${reason:-dotnet publish failed}); building without it, which starts slower." >&2
  else
    echo "warning: no ReadyToRun build for $(uname -s) $(uname -m) (no known runtime identifier); building without it." >&2
  fi
  if ! output=$(cd "$SCRIPT_DIR" && "$dotnet" build "$BUILD_PROJECT" -nologo -clp:NoSummary --verbosity quiet 2>&1); then
    compile_failed "$output"
  fi
}

compile_failed() {
  echo "$1" >&2
  echo "error: the build project did not compile; fix the errors above (in build/ or the SDK sources) and run again." >&2
  exit 1
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
  compile "$DOTNET"
  echo "$current" > "$STAMP_FILE"
fi

exec "$DOTNET" "$BUILD_ASSEMBLY" "$@"
