#include "plugins/manifest.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <regex>
#include <sstream>

namespace billing::host {

namespace {

using nlohmann::json;

constexpr std::array kFields{"id",          "name",         "version", "sdk_abi",         "description",
                             "requires",    "permissions",  "config_schema", "default_enabled", "web",
                             "events",      "library",      "call_limit_seconds"};

const std::regex kIdPattern("[a-z0-9-]{2,40}");
const std::regex kPermissionPattern("[a-z0-9_-]+(\\.[a-z0-9_-]+)+");
const std::regex kAbiPattern("(\\d{1,4})\\.(\\d{1,4})");
// "/index.html", "/pages/report.html": segments that never start with a dot.
const std::regex kWebPathPattern("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
const std::regex kTopicPrefixPattern("[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.?");

// Reads the fields of one plugin.json, every error naming the file and field.
class ManifestReader {
public:
    ManifestReader(const json& document, std::string file) : document_(document), file_(std::move(file)) {}

    PluginManifest read() {
        if (!document_.is_object()) fail("the document", "must be a JSON object");
        for (const auto& [field, value] : document_.items())
            if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) fail(field, "is not a known field");

        PluginManifest manifest;
        manifest.id = string_field(document_, "id", "id", 40);
        if (!std::regex_match(manifest.id, kIdPattern))
            fail("id", "must be 2 to 40 characters of a-z, 0-9 and '-'");
        manifest.name = string_field(document_, "name", "name", 80);
        manifest.version = string_field(document_, "version", "version", 40);
        read_abi(manifest);
        manifest.description = optional_string(document_, "description", "description", 2000);
        manifest.required_plugins = read_requires(manifest.id);
        manifest.permissions = read_permissions();
        manifest.events = read_events();
        if (auto schema = document_.find("config_schema"); schema != document_.end()) {
            try {
                manifest.config_schema = ConfigSchema(*schema);
            } catch (const std::invalid_argument& error) {
                throw ManifestError(file_ + ": " + error.what());
            }
        }
        if (auto enabled = document_.find("default_enabled"); enabled != document_.end()) {
            if (!enabled->is_boolean()) fail("default_enabled", "must be true or false");
            manifest.default_enabled = enabled->get<bool>();
        }
        if (auto limit = document_.find("call_limit_seconds"); limit != document_.end()) {
            if (!limit->is_number_integer() || *limit < 1 || *limit > 3600)
                fail("call_limit_seconds", "must be a whole number of seconds from 1 to 3600");
            manifest.call_limit = std::chrono::seconds(limit->get<int>());
        }
        manifest.web = read_web();
        manifest.library = optional_string(document_, "library", "library", 200);
        if (manifest.library.empty()) manifest.library = manifest.id + ".so";
        if (manifest.library.find('/') != std::string::npos || manifest.library.starts_with("."))
            fail("library", "must be a file name beside plugin.json");
        return manifest;
    }

private:
    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw ManifestError(file_ + ": " + field + " " + what);
    }

    std::string string_field(const json& object, const char* key, const std::string& field,
                             std::size_t max_length) const {
        auto it = object.find(key);
        if (it == object.end()) fail(field, "is required");
        if (!it->is_string() || it->get<std::string>().empty()) fail(field, "must be a non-empty string");
        auto value = it->get<std::string>();
        if (value.size() > max_length) fail(field, "must be at most " + std::to_string(max_length) + " characters");
        return value;
    }

    std::string optional_string(const json& object, const char* key, const std::string& field,
                                std::size_t max_length) const {
        return object.contains(key) ? string_field(object, key, field, max_length) : std::string{};
    }

    const json& array_field(const char* key) const {
        static const json empty = json::array();
        auto it = document_.find(key);
        if (it == document_.end()) return empty;
        if (!it->is_array()) fail(key, "must be an array");
        return *it;
    }

    void read_abi(PluginManifest& manifest) const {
        auto text = string_field(document_, "sdk_abi", "sdk_abi", 9);
        std::smatch parts;
        if (!std::regex_match(text, parts, kAbiPattern)) fail("sdk_abi", "must be \"MAJOR.MINOR\", e.g. \"1.0\"");
        manifest.abi_major = static_cast<unsigned>(std::stoul(parts[1]));
        manifest.abi_minor = static_cast<unsigned>(std::stoul(parts[2]));
    }

    std::vector<std::string> read_requires(const std::string& own_id) const {
        std::vector<std::string> ids;
        const auto& list = array_field("requires");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto field = "requires[" + std::to_string(i) + "]";
            if (!list[i].is_string() || !std::regex_match(list[i].get<std::string>(), kIdPattern))
                fail(field, "must be a plugin id");
            auto id = list[i].get<std::string>();
            if (id == own_id) fail(field, "names the plugin itself");
            if (std::find(ids.begin(), ids.end(), id) != ids.end()) fail(field, "repeats \"" + id + "\"");
            ids.push_back(id);
        }
        return ids;
    }

    std::vector<PluginPermission> read_permissions() const {
        std::vector<PluginPermission> permissions;
        const auto& list = array_field("permissions");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto field = "permissions[" + std::to_string(i) + "]";
            if (!list[i].is_object()) fail(field, "must be an object {name, label}");
            PluginPermission permission{string_field(list[i], "name", field + ".name", 80),
                                        string_field(list[i], "label", field + ".label", 120)};
            if (!std::regex_match(permission.name, kPermissionPattern))
                fail(field + ".name", "must look like \"<something>.<verb>\" in lower case");
            if (std::any_of(permissions.begin(), permissions.end(),
                            [&](const PluginPermission& p) { return p.name == permission.name; }))
                fail(field + ".name", "repeats \"" + permission.name + "\"");
            permissions.push_back(std::move(permission));
        }
        return permissions;
    }

    std::vector<PluginEventRule> read_events() const {
        std::vector<PluginEventRule> rules;
        const auto& list = array_field("events");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto field = "events[" + std::to_string(i) + "]";
            if (!list[i].is_object()) fail(field, "must be an object {prefix, permission}");
            PluginEventRule rule{string_field(list[i], "prefix", field + ".prefix", 80),
                                 string_field(list[i], "permission", field + ".permission", 80)};
            if (!std::regex_match(rule.prefix, kTopicPrefixPattern))
                fail(field + ".prefix", "must be a topic prefix such as \"tv.\" or a topic");
            if (!std::regex_match(rule.permission, kPermissionPattern))
                fail(field + ".permission", "must be a permission name");
            rules.push_back(std::move(rule));
        }
        return rules;
    }

    json read_web() const {
        auto it = document_.find("web");
        if (it == document_.end() || it->is_null()) return nullptr;
        if (!it->is_object()) fail("web", "must be an object {title, path, ...}");
        string_field(*it, "title", "web.title", 80);
        // The page's file inside the plugin's web/ folder, served under
        // /plugin-web/<id>/: a plain relative path, nothing that climbs out.
        auto path = string_field(*it, "path", "web.path", 200);
        if (!std::regex_match(path, kWebPathPattern))
            fail("web.path", "must be a file path inside the plugin's web/ folder such as \"/index.html\"");
        optional_string(*it, "icon", "web.icon", 200);
        auto permission = optional_string(*it, "permission", "web.permission", 80);
        if (!permission.empty() && !std::regex_match(permission, kPermissionPattern))
            fail("web.permission", "must be a permission name");
        return *it;
    }

    const json& document_;
    std::string file_;
};

}  // namespace

PluginManifest parse_manifest(const nlohmann::json& document, const std::string& file) {
    return ManifestReader(document, file).read();
}

PluginManifest read_manifest(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ManifestError(file.string() + ": cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) throw ManifestError(file.string() + ": is not valid JSON");
    return parse_manifest(document, file.string());
}

}  // namespace billing::host
