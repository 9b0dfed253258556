#!/bin/sh
# Makes datasets/immd_passenger_traffic.csv: the rows of the Immigration
# Department's daily passenger traffic file from 01-12-2025 on, byte for byte
# as published (BOM, CRLF, trailing comma), so that the demo needs nothing
# outside the project. The cut keeps the Macau/Macao renaming of 01-01-2026.
# usage: datasets/extract_immd.sh PUBLISHED_FILE > datasets/immd_passenger_traffic.csv
set -eu
awk -F, 'NR == 1 { print; next }
         { split($1, d, "-"); if (d[3] d[2] d[1] >= "20251201") print }' "$1"
