// libyaml, the YAML 1.1 parser (Debian: libyaml-dev). LabBook reaches it only
// through Sources/LabBook/Document/YAML.swift.
#include <yaml.h>
