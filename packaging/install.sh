#!/bin/sh
# Install Gluteal Atlas on Linux: the one-folder bundle from `make dist`, a `gluteal-atlas`
# command, the desktop entry, icon and AppStream metadata, and (with --kiosk) the clinic kiosk
# unit and policy from packaging/kiosk/ (see docs/kiosk.md).
#
#   sudo packaging/install.sh              # bundle in /opt/gluteal-atlas, menu entry for all users
#   packaging/install.sh                   # just for you: ~/.local/lib/gluteal-atlas, ~/.local/share
#   packaging/install.sh --no-bundle       # menu entry only, for a pip-installed gluteal-atlas
#   sudo packaging/install.sh --kiosk      # plus the kiosk service, policy and session script
#   packaging/install.sh --destdir /tmp/stage --kiosk   # stage files for a package; runs nothing
#
# Installing again replaces the bundle but never an edited /etc/gluteal-atlas/kiosk.toml.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
ID=io.github.gluteal_atlas.GlutealAtlas
NAME=gluteal-atlas

usage() {
    sed -n '2,12s/^# \{0,1\}//p' "$0"
    echo "Options: --bundle DIR  --no-bundle  --prefix DIR  --app-dir DIR  --kiosk  --destdir DIR"
}

BUNDLE="$ROOT/dist/$NAME"
WITH_BUNDLE=1
KIOSK=0
DESTDIR=${DESTDIR:-}
APP_DIR=
if [ "$(id -u)" = 0 ]; then PREFIX=/usr/local; else PREFIX="$HOME/.local"; fi

while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) BUNDLE=$2; shift 2 ;;
        --no-bundle) WITH_BUNDLE=0; shift ;;
        --prefix) PREFIX=$2; shift 2 ;;
        --app-dir) APP_DIR=$2; shift 2 ;;
        --kiosk) KIOSK=1; shift ;;
        --destdir) DESTDIR=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
if [ -z "$APP_DIR" ]; then
    # A system-wide install goes where the kiosk unit expects it; any other prefix keeps it.
    case "$PREFIX" in
        /usr|/usr/local) APP_DIR=/opt/$NAME ;;
        *) APP_DIR="$PREFIX/lib/$NAME" ;;
    esac
fi
SHARE="$PREFIX/share"

put() {  # put MODE SOURCE TARGET: copy one file, creating folders (target under DESTDIR)
    install -D -m "$1" "$2" "$DESTDIR$3"
}

install_bundle() {
    if [ ! -x "$BUNDLE/$NAME" ]; then
        echo "install.sh: no bundle at $BUNDLE (run 'make dist' first, or use --no-bundle)" >&2
        exit 1
    fi
    rm -rf "$DESTDIR$APP_DIR"
    mkdir -p "$DESTDIR$APP_DIR" "$DESTDIR$PREFIX/bin"
    cp -a "$BUNDLE/." "$DESTDIR$APP_DIR/"
    ln -sfn "$APP_DIR/$NAME" "$DESTDIR$PREFIX/bin/$NAME"
    echo "bundle:   $APP_DIR (command: $PREFIX/bin/$NAME)"
}

install_desktop() {
    # Exec=gluteal-atlas relies on PATH; a per-user ~/.local/bin may not be on it, so point the
    # installed entry at the command we just made.
    exec_path=$NAME
    if [ "$WITH_BUNDLE" = 1 ]; then exec_path="$PREFIX/bin/$NAME"; fi
    mkdir -p "$DESTDIR$SHARE/applications"
    sed "s|^Exec=$NAME|Exec=$exec_path|; s|^TryExec=$NAME|TryExec=$exec_path|" \
        "$HERE/linux/$ID.desktop" > "$DESTDIR$SHARE/applications/$ID.desktop"
    put 0644 "$HERE/linux/$ID.metainfo.xml" "$SHARE/metainfo/$ID.metainfo.xml"
    put 0644 "$ROOT/assets/icons/app.svg" "$SHARE/icons/hicolor/scalable/apps/$ID.svg"
    echo "desktop:  $SHARE/applications/$ID.desktop, icon and metainfo"
}

install_kiosk() {
    kiosk="$HERE/kiosk"
    if [ ! -d "$kiosk" ]; then
        echo "install.sh: $kiosk is missing; nothing to install for --kiosk" >&2
        exit 1
    fi
    # The unit names the bundle's default place; follow --app-dir / --no-bundle.
    target="$APP_DIR/$NAME"
    if [ "$WITH_BUNDLE" = 0 ]; then target=$(command -v "$NAME" || echo "$PREFIX/bin/$NAME"); fi
    for unit in "$kiosk"/*.service; do
        [ -e "$unit" ] || continue
        mkdir -p "$DESTDIR/etc/systemd/system"
        sed "s|/opt/$NAME/$NAME|$target|g" "$unit" \
            > "$DESTDIR/etc/systemd/system/$(basename "$unit")"
    done
    if [ -f "$kiosk/kiosk.toml" ] && [ ! -e "$DESTDIR/etc/$NAME/kiosk.toml" ]; then
        put 0644 "$kiosk/kiosk.toml" "/etc/$NAME/kiosk.toml"
    fi
    if [ -f "$kiosk/cage-session.sh" ]; then
        put 0755 "$kiosk/cage-session.sh" "$SHARE/$NAME/kiosk/cage-session.sh"
    fi
    echo "kiosk:    /etc/systemd/system units, /etc/$NAME/kiosk.toml (see docs/kiosk.md)"
    if [ -z "$DESTDIR" ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        echo "          enable with: systemctl enable --now gluteal-atlas-kiosk.service"
    fi
}

refresh_caches() {
    [ -z "$DESTDIR" ] || return 0
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$SHARE/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
    fi
}

if [ "$WITH_BUNDLE" = 1 ]; then install_bundle; fi
install_desktop
if [ "$KIOSK" = 1 ]; then install_kiosk; fi
refresh_caches
