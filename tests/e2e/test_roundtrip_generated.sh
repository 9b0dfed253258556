# The round-trip property test (issue 18): seeded random long files
# (tests/e2e/gen_roundtrip.py, synthetic) are loaded into an empty
# database, exported with --all --annotated, reloaded into a second one and
# exported again; whatever load accepts must come back as generated, and
# every deliberately faulty file must be refused at its fault. ROUNDTRIP_SEEDS
# (default 300) and ROUNDTRIP_FIRST (default 1) choose the seeds.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
python3 "$SRC/tests/e2e/gen_roundtrip.py" "$T/rt" || fail "round trip of generated files"
finish
