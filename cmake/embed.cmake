# Writes OUT, a C file defining `const char NAME[]` with the bytes of IN
# (every byte as a \x escape, so any text is a valid string literal).
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
file(WRITE "${OUT}" "/* generated from ${IN}; do not edit */\nconst char ${NAME}[] = \"${escaped}\";\n")
