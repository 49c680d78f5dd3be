#!/bin/sh
# Run the kiosk by hand under cage (for trying it out before installing the systemd unit):
#   sudo -u kiosk packaging/kiosk/cage-session.sh
# -d: no client-side decorations; -s: allow switching VTs so an admin can reach a console.
exec cage -d -s -- gluteal-atlas --kiosk --config "${GLUTEAL_ATLAS_POLICY:-/etc/gluteal-atlas/kiosk.toml}" "$@"
