#include "plugins/config_schema.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

#include "core/utf8.hpp"

namespace billing::host {

namespace {

using nlohmann::json;

constexpr std::array kKeywords{"type",      "properties", "required",  "default", "enum",
                               "minimum",   "maximum",    "minLength", "maxLength", "items",
                               "additionalProperties", "title", "description"};
constexpr std::array kTypes{"object", "string", "integer", "number", "boolean", "array"};

// Which keywords apply to which type; anything else on a node is a mistake
// the plugin author wants to hear about.
bool keyword_fits_type(std::string_view keyword, std::string_view type) {
    if (keyword == "properties" || keyword == "required" || keyword == "additionalProperties")
        return type == "object";
    if (keyword == "minimum" || keyword == "maximum") return type == "integer" || type == "number";
    if (keyword == "minLength" || keyword == "maxLength") return type == "string";
    if (keyword == "items") return type == "array";
    return true;
}

std::optional<ConfigError> check(const json& node, const json& value, const std::string& path);

std::optional<ConfigError> fail(const std::string& path, const std::string& what) {
    return ConfigError{path, path + " " + what};
}

bool has_type(const json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    return value.is_array();
}

std::string article(const std::string& type) {
    return (type == "object" || type == "integer" || type == "array") ? "an " + type : "a " + type;
}

std::optional<ConfigError> check_object(const json& node, const json& value, const std::string& path) {
    for (const auto& name : node.value("required", json::array()))
        if (!value.contains(name.get<std::string>())) return fail(path + "." + name.get<std::string>(), "is required");
    const auto properties = node.value("properties", json::object());
    for (const auto& [name, child] : value.items()) {
        auto property = properties.find(name);
        if (property == properties.end()) {
            if (!node.value("additionalProperties", true)) return fail(path + "." + name, "is not allowed");
            continue;
        }
        if (auto error = check(*property, child, path + "." + name)) return error;
    }
    return std::nullopt;
}

std::optional<ConfigError> check(const json& node, const json& value, const std::string& path) {
    const auto type = node.at("type").get<std::string>();
    if (!has_type(value, type)) return fail(path, "must be " + article(type));
    if (auto options = node.find("enum"); options != node.end()) {
        if (std::find(options->begin(), options->end(), value) == options->end())
            return fail(path, "must be one of " + options->dump());
    }
    if (value.is_number()) {
        if (auto min = node.find("minimum"); min != node.end() && value.get<double>() < min->get<double>())
            return fail(path, "must be at least " + min->dump());
        if (auto max = node.find("maximum"); max != node.end() && value.get<double>() > max->get<double>())
            return fail(path, "must be at most " + max->dump());
    }
    if (value.is_string()) {
        auto length = utf8_character_count(value.get<std::string>());
        if (auto min = node.find("minLength"); min != node.end() && length < min->get<std::size_t>())
            return fail(path, "must be at least " + min->dump() + " characters long");
        if (auto max = node.find("maxLength"); max != node.end() && length > max->get<std::size_t>())
            return fail(path, "must be at most " + max->dump() + " characters long");
    }
    if (value.is_object()) return check_object(node, value, path);
    if (value.is_array() && node.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i)
            if (auto error = check(node["items"], value[i], path + "[" + std::to_string(i) + "]")) return error;
    }
    return std::nullopt;
}

[[noreturn]] void malformed(const std::string& where, const std::string& what) {
    throw std::invalid_argument(where + ": " + what);
}

// Checks a schema node (and its children) is within the subset.
void check_schema(const json& node, const std::string& where) {
    if (!node.is_object()) malformed(where, "must be an object");
    auto type_field = node.find("type");
    if (type_field == node.end() || !type_field->is_string() ||
        std::find(kTypes.begin(), kTypes.end(), type_field->get<std::string>()) == kTypes.end())
        malformed(where, "type must be one of object, string, integer, number, boolean, array");
    const auto type = type_field->get<std::string>();
    for (const auto& [keyword, setting] : node.items()) {
        if (std::find(kKeywords.begin(), kKeywords.end(), keyword) == kKeywords.end())
            malformed(where, "unsupported keyword \"" + keyword + "\"");
        if (!keyword_fits_type(keyword, type)) malformed(where, keyword + " does not apply to type " + type);
    }
    for (const char* bound : {"minimum", "maximum"})
        if (node.contains(bound) && !node[bound].is_number()) malformed(where, std::string(bound) + " must be a number");
    for (const char* bound : {"minLength", "maxLength"})
        if (node.contains(bound) && !node[bound].is_number_unsigned())
            malformed(where, std::string(bound) + " must be a non-negative integer");
    if (node.contains("enum") && (!node["enum"].is_array() || node["enum"].empty()))
        malformed(where, "enum must be a non-empty array");
    if (node.contains("properties")) {
        if (!node["properties"].is_object()) malformed(where, "properties must be an object");
        for (const auto& [name, child] : node["properties"].items()) check_schema(child, where + ".properties." + name);
    }
    if (node.contains("required")) {
        const auto& required = node["required"];
        if (!required.is_array() ||
            !std::all_of(required.begin(), required.end(), [](const json& n) { return n.is_string(); }))
            malformed(where, "required must be an array of property names");
    }
    if (node.contains("additionalProperties") && !node["additionalProperties"].is_boolean())
        malformed(where, "additionalProperties must be true or false");
    if (node.contains("items")) check_schema(node["items"], where + ".items");
    // Defaults and enum values must themselves be valid, or a plugin could
    // start with a configuration its own schema refuses.
    if (node.contains("enum")) {
        for (const auto& option : node["enum"])
            if (auto error = check(node, option, "value")) malformed(where + ".enum", error->message);
    }
    if (node.contains("default")) {
        if (auto error = check(node, node["default"], "value")) malformed(where + ".default", error->message);
    }
}

json fill_defaults(const json& node, json value) {
    if (!value.is_object() || !node.contains("properties")) return value;
    for (const auto& [name, child] : node["properties"].items()) {
        auto present = value.find(name);
        if (present == value.end()) {
            if (child.contains("default")) value[name] = fill_defaults(child, child["default"]);
        } else {
            *present = fill_defaults(child, std::move(*present));
        }
    }
    return value;
}

}  // namespace

ConfigSchema::ConfigSchema() : schema_({{"type", "object"}, {"properties", json::object()}}) {}

ConfigSchema::ConfigSchema(nlohmann::json schema) : schema_(std::move(schema)) {
    check_schema(schema_, "config_schema");
    if (schema_["type"] != "object") malformed("config_schema", "type must be object");
}

std::optional<ConfigError> ConfigSchema::validate(const nlohmann::json& config) const {
    return check(schema_, config, "$");
}

nlohmann::json ConfigSchema::with_defaults(nlohmann::json config) const {
    return fill_defaults(schema_, std::move(config));
}

}  // namespace billing::host
