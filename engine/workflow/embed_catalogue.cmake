# Writes OUT: a C++ source defining builtin_catalogue_json() with the bytes of IN.
# Run at build time (add_custom_command), so editing the JSON rebuilds only this file.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUT}.tmp"
  "// Generated from resources/templates/catalogue.json by embed_catalogue.cmake. Do not edit.\n"
  "#include \"engine/workflow/builtin_catalogue.h\"\n\n"
  "namespace rashisa::workflow {\n\n"
  "namespace {\nconst unsigned char kCatalogue[] = {\n${bytes}\n};\n}  // namespace\n\n"
  "std::string builtin_catalogue_json() {\n"
  "  return std::string(reinterpret_cast<const char*>(kCatalogue), sizeof kCatalogue);\n}\n\n"
  "}  // namespace rashisa::workflow\n")
file(RENAME "${OUT}.tmp" "${OUT}")
