#!/usr/bin/env bash
# Set up Coproduce from a clone on Debian/Ubuntu, then run it or test it.
#
#   packaging/dev.sh run [--db URL]   install what is missing, launch the window
#   packaging/dev.sh test [PYTEST ARGS]
#                                     install what is missing (PostgreSQL too), start a
#                                     throw-away PostgreSQL server on 127.0.0.1, run every test
#
# It is safe to run again: it installs only what is missing. System packages need root (sudo is
# used when you are not root). .ci/run calls "packaging/dev.sh test", so CI proves exactly what
# the README tells a newcomer to run.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  run|test) shift ;;
  *) echo "usage: packaging/dev.sh run [--db URL] | test [pytest arguments]" >&2; exit 2 ;;
esac

# Qt needs these libraries even offscreen; the xcb ones are for a real desktop session.
qt_packages="libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
  fonts-liberation2"
# The tests need a PostgreSQL server, and LibreOffice (Writer, no GUI) with poppler's tools to
# render every kind of Word document to PDF and check its pages and fonts (Liberation Sans
# stands in for Arial, DejaVu Sans for Verdana).
test_packages="postgresql libreoffice-writer-nogui poppler-utils fonts-dejavu-core"
packages="python3 python3-venv $qt_packages"
[ "$mode" = test ] && packages="$packages $test_packages"

missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $package"
done
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Coproduce needs Python 3.11 or newer; $("$python" --version) was found." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extras=""
[ "$mode" = test ] && extras="[test]"
stamp=".venv/.coproduce-installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".$extras"
  touch "$stamp"
fi

if [ "$mode" = run ]; then
  exec .venv/bin/coproduce "$@"
fi

# Assigned first: a failure of postgres.sh then stops here (set -e) instead of being hidden
# inside eval, which would run the tests without PostgreSQL.
postgres_env="$(.ci/postgres.sh)"
eval "$postgres_env"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
