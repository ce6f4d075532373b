#pragma once
// The built-in template catalogue, compiled into the program from
// resources/templates/catalogue.json (so no path lookup can fail at run time).
#include <string>

namespace rashisa::workflow {

/// The catalogue's JSON text (rashisa-templates/1).
std::string builtin_catalogue_json();

}  // namespace rashisa::workflow
