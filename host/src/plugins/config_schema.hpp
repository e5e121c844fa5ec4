#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

// A configuration value that does not fit its schema: where ("$.max_items",
// "$.servers[0].host") and why.
struct ConfigError {
    std::string path;
    std::string message;  // starts with the path: "$.max_items must be at most 100"
};

// The JSON Schema subset of plugin manifests: type (object, string, integer,
// number, boolean, array), properties, required, default, enum, minimum,
// maximum, minLength, maxLength, items, additionalProperties (false), plus
// the annotations title and description. Every node names its type.
class ConfigSchema {
public:
    // An object schema with no properties: the schema of a plugin without one.
    ConfigSchema();
    // Throws std::invalid_argument naming the offending place
    // ("config_schema.properties.port: minimum must be a number") when the
    // schema itself is malformed or outside the subset.
    explicit ConfigSchema(nlohmann::json schema);

    // The first place where `config` breaks the schema, or nothing.
    std::optional<ConfigError> validate(const nlohmann::json& config) const;
    // `config` with the defaults of absent properties filled in, nested
    // objects included.
    nlohmann::json with_defaults(nlohmann::json config) const;

    const nlohmann::json& json() const { return schema_; }

private:
    nlohmann::json schema_;
};

}  // namespace billing::host
