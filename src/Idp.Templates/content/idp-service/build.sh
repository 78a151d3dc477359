#!/usr/bin/env bash
# Runs this repository's build: ./build.sh [targets] [options]   (./build.sh --help lists them)
# Builds build/_build.csproj only when one of its inputs changed, then runs the built assembly directly.
# The build is compiled ahead of time (ReadyToRun) for this machine, so a build with many targets does not pay
# the JIT for them at every start; where that cannot be restored, a plain dotnet build is used instead.
# At a terminal the build stays up between runs as this repository's build server, so the next run starts at once:
# IDP_BUILD_SERVER=on|off|auto (auto, the default: on at a terminal, off in CI); ./build.sh --stop-build-server
# stops it. See docs/engine/build-server.md.
# IDP_BUILD_NATIVE=on compiles the build with Native AOT instead: minutes for each change to the build, then every run
# starts in milliseconds, with no build server. See docs/engine/native-build.md.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT="$SCRIPT_DIR/build/_build.csproj"
BUILD_OUTPUT="$SCRIPT_DIR/build/bin"
BUILD_ASSEMBLY="$BUILD_OUTPUT/_build.dll"
STAMP_FILE="$SCRIPT_DIR/.nuke/temp/build.stamp"
INPUTS_FILE="$SCRIPT_DIR/.nuke/temp/build.inputs"
SERVER_FILE="$SCRIPT_DIR/.nuke/temp/build-server"
NATIVE=0

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

# The fingerprint of the contents of the build's inputs, and of the system they are compiled for; keeps the list of
# inputs for unchanged_since_stamp. Paths count relative to this folder, so a checkout elsewhere (another CI runner)
# with the same sources has the same fingerprint.
fingerprint() {
  local inputs=() line
  while IFS= read -r line; do inputs+=("$line"); done < <(build_inputs)
  printf '%s\n' "${inputs[@]}" > "$INPUTS_FILE"
  (
    cd "$SCRIPT_DIR"
    find "${inputs[@]#"$SCRIPT_DIR"/}" \( -name bin -o -name obj \) -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '*.config' \) -print 2>/dev/null \
      | LC_ALL=C sort > "$STAMP_FILE.list"
    { uname -sm; cat "$STAMP_FILE.list"; tr '\n' '\0' < "$STAMP_FILE.list" | xargs -0 cat; } | cksum
  )
  rm -f "$STAMP_FILE.list"
}

# True when no input changed since the stamp, told from file times alone: nothing among the inputs is newer than the
# stamp (a folder is newer when a file in it was added, removed or renamed), nor is the root folder, where a new
# Directory.Build.props would appear. Anything newer leaves the decision to the fingerprint of the contents. The stamp
# holds only for the build it was made with: a build put in place since (a CI cache) is checked by its contents.
unchanged_since_stamp() {
  local inputs=() line changed stamp built
  [[ -f "$BUILD_ASSEMBLY" && -f "$STAMP_FILE" && -f "$INPUTS_FILE" && -f "$BUILT_FROM" ]] || return 1
  read -r stamp < "$STAMP_FILE" && read -r built < "$BUILT_FROM" && [[ "$stamp" == "$built" ]] || return 1
  while IFS= read -r line; do inputs+=("$line"); done < "$INPUTS_FILE"
  [[ ! "$SCRIPT_DIR" -nt "$STAMP_FILE" ]] || return 1
  changed=$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -newer "$STAMP_FILE" -print -quit 2>/dev/null) || return 1
  [[ -z "$changed" ]]
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

# Compiles build/_build.csproj with Native AOT into build/bin-native; the assemblies it is made from go to build/obj,
# not to build/bin, where the ReadyToRun build stays ready for a run without IDP_BUILD_NATIVE.
compile_native() {
  local dotnet=$1 rid output
  if ! rid=$(runtime_identifier); then
    echo "error: IDP_BUILD_NATIVE=on, but $(uname -s) $(uname -m) has no known runtime identifier to compile for; unset IDP_BUILD_NATIVE." >&2
    exit 1
  fi
  if ! output=$(cd "$SCRIPT_DIR" && "$dotnet" publish "$BUILD_PROJECT" -c Release -r "$rid" -p:PublishAot=true -p:UseAppHost=true \
    -p:EnableTrimAnalyzer=false -p:EnableAotAnalyzer=false -p:EnableSingleFileAnalyzer=false \
    -p:OutputPath="$SCRIPT_DIR/build/obj/native-bin/" -o "$BUILD_OUTPUT" -nologo -clp:NoSummary --verbosity quiet 2>&1); then
    if [[ $output == *': error CS'* ]]; then compile_failed "$output"; fi
    echo "$output" >&2
    echo "error: the native build of the build project failed (above). Native AOT needs a C compiler and linker (clang or gcc) and zlib's headers; install them, or unset IDP_BUILD_NATIVE to run the ReadyToRun build." >&2
    exit 1
  fi
}

# Compiles build/_build.csproj into build/bin: ReadyToRun when it can, else a plain build. Exits on a compile error.
# Runs dotnet from this directory so that its global.json picks the SDK.
compile() {
  local dotnet=$1 rid output reason
  if rid=$(runtime_identifier); then
    if output=$(cd "$SCRIPT_DIR" && "$dotnet" publish "$BUILD_PROJECT" -c Debug -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$BUILD_OUTPUT" -nologo -clp:NoSummary --verbosity quiet 2>&1); then
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

# The build server (docs/engine/build-server.md). The script talks to it over loopback TCP with bash's /dev/tcp:
# a control connection (the request, Ctrl+C, the exit code), then one for standard output and one for standard error.
NO_SERVER=75
SERVER_REFUSED=76

server_wanted() {
  [[ $NATIVE == 0 ]] || return 1
  case "${IDP_BUILD_SERVER:-auto}" in
    on | 1 | true) return 0 ;;
    off | 0 | false) return 1 ;;
    auto) [[ -t 1 && -z "${CI:-}" && -z "${JENKINS_URL:-}" ]] ;;
    *)
      echo "error: IDP_BUILD_SERVER is '$IDP_BUILD_SERVER'; use on, off or auto (the default: on at a terminal, off in CI)." >&2
      exit 2 ;;
  esac
}

# Runs the build on the server and exits with its exit code. Returns NO_SERVER when none serves this build (none
# runs, or it serves an older build, which is then stopped), SERVER_REFUSED when it is busy with another run.
run_on_server() {
  local fingerprint=$1 port token pid served reply id code out err name terminal=0 interrupted=0
  shift
  [[ -t 1 ]] && terminal=1
  [[ -f "$SERVER_FILE" ]] && read -r port token pid served < "$SERVER_FILE" || return $NO_SERVER
  if [[ "$served" != "$fingerprint" ]]; then stop_server; return $NO_SERVER; fi
  { exec 5<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return $NO_SERVER
  {
    printf 'idp-build/1 run %s\n' "$token"
    printf '%s\0' "$PWD" "$terminal" "$#" "$@"
    for name in $(compgen -e); do printf '%s=%s\0' "$name" "${!name}"; done
    printf '\0'
  } >&5 2>/dev/null || { exec 5>&-; return $NO_SERVER; }
  read -r reply id <&5 || reply=none
  if [[ "$reply" != ok ]]; then
    exec 5>&-
    case "$reply" in
      busy) return $SERVER_REFUSED ;;
      none) return $NO_SERVER ;;
      *) echo "warning: the build server refused the run ($reply $id); running without it." >&2; return $SERVER_REFUSED ;;
    esac
  fi
  # The server gives up on a run whose output connections do not come within 10 s.
  { exec 3<>"/dev/tcp/127.0.0.1/$port" 4<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { exec 5>&-; return $SERVER_REFUSED; }
  printf 'idp-build/1 out %s\n' "$id" >&3
  printf 'idp-build/1 err %s\n' "$id" >&4
  # The trap comes first, so that no Ctrl+C after the run's first output kills this script and leaves the run going.
  # Background commands of a script ignore SIGINT, so it reaches only the trap, which passes it on to the run. They do
  # not hold the control connection: however this script ends, the server sees it close and ends the run.
  trap 'interrupted=1; printf "cancel\n" >&5 2>/dev/null || true' INT
  cat <&3 5>&- & out=$!
  cat <&4 >&2 5>&- & err=$!
  exec 3>&- 4>&-
  while kill -0 "$out" 2>/dev/null || kill -0 "$err" 2>/dev/null; do wait "$out" "$err" 2>/dev/null || true; done
  trap - INT
  read -r reply code <&5 || reply=none
  exec 5>&-
  [[ "$reply" == exit ]] && exit "$code"
  if [[ $interrupted == 1 ]]; then exit 130; fi
  echo "error: the build server ended during the run; see $SERVER_FILE.log. The next ./build.sh starts a new one." >&2
  exit 1
}

# Starts the server in the background; true once it listens (its pid is in SERVER_FILE), false if it exits first
# (another one holds the repository) or does not listen within 10 s. Started from a subshell, not as a background
# job of this script: a job would ignore SIGINT, and so would the server and every process of its builds.
start_server() {
  local pid port token listening waited
  pid=$( (cd "$SCRIPT_DIR" && IDP_BUILD_SERVER_FILE="$SERVER_FILE" IDP_BUILD_SERVER_FINGERPRINT="$1" \
    exec "$DOTNET" "$BUILD_ASSEMBLY" > "$SERVER_FILE.log" 2>&1 < /dev/null & echo $!) )
  for ((waited = 0; waited < 200; waited++)); do
    if [[ -f "$SERVER_FILE" ]] && read -r port token listening _ < "$SERVER_FILE" && [[ "$listening" == "$pid" ]]; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  echo "warning: the build server did not start within 10 s (see $SERVER_FILE.log); running without it." >&2
  return 1
}

# Stops this repository's build server, if one runs; it finishes a run it is in first.
stop_server() {
  local port token rest
  [[ -f "$SERVER_FILE" ]] && read -r port token rest < "$SERVER_FILE" || return 0
  if { exec 6<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    printf 'idp-build/1 stop %s\n' "$token" >&6 2>/dev/null || true
    read -r -t 10 rest <&6 || true
    exec 6>&-
  fi
  rm -f "$SERVER_FILE"
}

find_dotnet() {
  local candidate
  for candidate in "$(command -v dotnet 2>/dev/null)" "${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}" "$HOME/.dotnet/dotnet"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}

case "${IDP_BUILD_NATIVE:-off}" in
  on | 1 | true)
    NATIVE=1
    BUILD_OUTPUT="$SCRIPT_DIR/build/bin-native"
    BUILD_ASSEMBLY="$BUILD_OUTPUT/_build"
    STAMP_FILE="$SCRIPT_DIR/.nuke/temp/build-native.stamp" ;;
  off | 0 | false) ;;
  *)
    echo "error: IDP_BUILD_NATIVE is '$IDP_BUILD_NATIVE'; use on (compile the build with Native AOT) or off (the default)." >&2
    exit 2 ;;
esac
# The fingerprint of the sources the build in BUILD_OUTPUT was compiled from: it travels with the build (a CI cache
# of build/bin), while the stamp under .nuke/temp stays with this checkout.
BUILT_FROM="$BUILD_OUTPUT/_build.sources.cksum"

if [[ "${1:-}" == --stop-build-server ]]; then
  stop_server
  exit 0
fi

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

[[ -d "$SCRIPT_DIR/.nuke/temp" ]] || mkdir -p "$SCRIPT_DIR/.nuke/temp"
if unchanged_since_stamp; then
  current=$(<"$STAMP_FILE")
else
  # The stamp takes the time from before the inputs are read: a file saved during the compile is newer, so it counts.
  : > "$STAMP_FILE.new"
  current=$(fingerprint)
  built=
  [[ -f "$BUILT_FROM" ]] && { read -r built < "$BUILT_FROM" || true; }
  if [[ ! -f "$BUILD_ASSEMBLY" || "$built" != "$current" ]]; then
    if ! version=$(cd "$SCRIPT_DIR" && "$DOTNET" --version 2>&1); then
      echo "error: 'dotnet --version' failed in $SCRIPT_DIR, usually because no installed SDK matches global.json:" >&2
      echo "$version" >&2
      echo "Installed SDKs: $("$DOTNET" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')" >&2
      exit 127
    fi
    stop_server
    # While the output is rewritten it matches no sources, for either bootstrapper.
    rm -f "$BUILD_OUTPUT"/_build.sources.*
    if [[ $NATIVE == 1 ]]; then
      echo "Compiling the build project natively (.NET SDK $version, IDP_BUILD_NATIVE=on); this takes a few minutes..."
      compile_native "$DOTNET"
    else
      echo "Building the build project (.NET SDK $version)..."
      compile "$DOTNET"
    fi
    echo "$current" > "$BUILT_FROM"
  fi
  echo "$current" > "$STAMP_FILE"
  touch -r "$STAMP_FILE.new" "$STAMP_FILE"
  rm -f "$STAMP_FILE.new"
fi

if server_wanted; then
  status=0
  run_on_server "$current" "$@" || status=$?
  if [[ $status == "$NO_SERVER" ]] && start_server "$current"; then
    run_on_server "$current" "$@" || true
  fi
fi
if [[ $NATIVE == 1 ]]; then
  # The tools the build starts, and the base image it makes, use the runtime installed beside this SDK.
  export DOTNET_ROOT=${DOTNET_ROOT:-$(dirname "$(readlink -f "$DOTNET")")}
  exec "$BUILD_ASSEMBLY" "$@"
fi
exec "$DOTNET" "$BUILD_ASSEMBLY" "$@"
