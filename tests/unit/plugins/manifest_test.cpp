#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/manifest.hpp"
#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

json minimal() { return {{"id", "hello"}, {"name", "Hello"}, {"version", "1.2.3"}, {"sdk_abi", "1.0"}}; }

std::string error_of(const json& document) {
    try {
        parse_manifest(document, "plugins/hello/plugin.json");
    } catch (const ManifestError& error) {
        return error.what();
    }
    return "no error";
}

TEST(Manifest, MinimalManifestGetsDefaults) {
    auto manifest = parse_manifest(minimal(), "plugin.json");
    EXPECT_EQ(manifest.id, "hello");
    EXPECT_EQ(manifest.name, "Hello");
    EXPECT_EQ(manifest.version, "1.2.3");
    EXPECT_EQ(manifest.abi_major, 1u);
    EXPECT_EQ(manifest.abi_minor, 0u);
    EXPECT_EQ(manifest.sdk_abi(), "1.0");
    EXPECT_EQ(manifest.description, "");
    EXPECT_TRUE(manifest.required_plugins.empty());
    EXPECT_TRUE(manifest.permissions.empty());
    EXPECT_TRUE(manifest.events.empty());
    EXPECT_FALSE(manifest.default_enabled);
    EXPECT_TRUE(manifest.web.is_null());
    EXPECT_EQ(manifest.library, "hello.so");
    EXPECT_EQ(manifest.config_schema.json()["type"], "object");
}

TEST(Manifest, FullManifest) {
    auto document = minimal();
    document["description"] = "Says hello";
    document["requires"] = {"base-plugin"};
    document["permissions"] = {{{"name", "hello.greet"}, {"label", "Greet"}}};
    document["events"] = {{{"prefix", "hello."}, {"permission", "hello.greet"}}};
    document["config_schema"] = {{"type", "object"},
                                 {"properties", {{"greeting", {{"type", "string"}, {"default", "halo"}}}}}};
    document["default_enabled"] = true;
    document["web"] = {{"title", "Hello"}, {"path", "/index.html"}, {"icon", "wave"}};
    document["library"] = "libhello.so";
    auto manifest = parse_manifest(document, "plugin.json");
    EXPECT_EQ(manifest.required_plugins, std::vector<std::string>{"base-plugin"});
    ASSERT_EQ(manifest.permissions.size(), 1u);
    EXPECT_EQ(manifest.permissions[0].name, "hello.greet");
    EXPECT_EQ(manifest.permissions[0].label, "Greet");
    ASSERT_EQ(manifest.events.size(), 1u);
    EXPECT_EQ(manifest.events[0].prefix, "hello.");
    EXPECT_EQ(manifest.events[0].permission, "hello.greet");
    EXPECT_TRUE(manifest.default_enabled);
    EXPECT_EQ(manifest.web["title"], "Hello");
    EXPECT_EQ(manifest.library, "libhello.so");
    EXPECT_EQ(manifest.config_schema.with_defaults(json::object())["greeting"], "halo");
}

struct BadField {
    std::string field;
    json value;  // null: remove the field
    std::string expected;
};

class ManifestBadField : public ::testing::TestWithParam<BadField> {};

TEST_P(ManifestBadField, NamesTheFileAndTheField) {
    auto document = minimal();
    const auto& bad = GetParam();
    if (bad.value.is_null())
        document.erase(bad.field);
    else
        document[bad.field] = bad.value;
    auto error = error_of(document);
    EXPECT_THAT(error, HasSubstr("plugins/hello/plugin.json: "));
    EXPECT_THAT(error, HasSubstr(bad.expected));
}

INSTANTIATE_TEST_SUITE_P(
    EachField, ManifestBadField,
    ::testing::Values(
        BadField{"id", nullptr, "id is required"}, BadField{"id", "Hello", "id must be 2 to 40"},
        BadField{"id", "h", "id must be 2 to 40"}, BadField{"id", std::string(41, 'a'), "id must be at most 40"},
        BadField{"id", 7, "id must be a non-empty string"}, BadField{"name", nullptr, "name is required"},
        BadField{"name", "", "name must be a non-empty string"}, BadField{"version", nullptr, "version is required"},
        BadField{"sdk_abi", nullptr, "sdk_abi is required"}, BadField{"sdk_abi", "1", "sdk_abi must be \"MAJOR.MINOR\""},
        BadField{"sdk_abi", "1.x", "sdk_abi must be \"MAJOR.MINOR\""},
        BadField{"description", 5, "description must be a non-empty string"},
        BadField{"requires", "other", "requires must be an array"},
        BadField{"requires", json::array({"Other"}), "requires[0] must be a plugin id"},
        BadField{"requires", json::array({"hello"}), "requires[0] names the plugin itself"},
        BadField{"requires", json::array({"aa", "aa"}), "requires[1] repeats \"aa\""},
        BadField{"permissions", json::array({"x.y"}), "permissions[0] must be an object"},
        BadField{"permissions", json::array({{{"name", "greet"}, {"label", "Greet"}}}),
                 "permissions[0].name must look like \"<something>.<verb>\""},
        BadField{"permissions", json::array({{{"name", "hello.greet"}}}), "permissions[0].label is required"},
        BadField{"permissions",
                 json::array({{{"name", "a.b"}, {"label", "A"}}, {{"name", "a.b"}, {"label", "B"}}}),
                 "permissions[1].name repeats \"a.b\""},
        BadField{"events", json::array({{{"prefix", "Hello"}, {"permission", "a.b"}}}),
                 "events[0].prefix must be a topic prefix"},
        BadField{"events", json::array({{{"prefix", "hello."}}}), "events[0].permission is required"},
        BadField{"events", json::array({{{"prefix", "hello."}, {"permission", "x"}}}),
                 "events[0].permission must be a permission name"},
        BadField{"config_schema", {{"type", "string"}}, "config_schema: type must be object"},
        BadField{"config_schema", {{"type", "object"}, {"properties", {{"port", {{"type", "port"}}}}}},
                 "config_schema.properties.port: type must be one of"},
        BadField{"default_enabled", "yes", "default_enabled must be true or false"},
        BadField{"web", "dashboard", "web must be an object"},
        BadField{"web", {{"path", "/x"}}, "web.title is required"},
        BadField{"web", {{"title", "X"}}, "web.path is required"},
        BadField{"web", {{"title", "X"}, {"path", "/../secret"}}, "web.path must be a file path inside"},
        BadField{"web", {{"title", "X"}, {"path", "index.html"}}, "web.path must be a file path inside"},
        BadField{"web", {{"title", "X"}, {"path", "/index.html"}, {"permission", "Nope"}},
                 "web.permission must be a permission name"},
        BadField{"library", "../evil.so", "library must be a file name"},
        BadField{"library", "sub/x.so", "library must be a file name"},
        BadField{"require", json::array({"aa"}), "require is not a known field"}));

TEST(Manifest, ReadsFilesAndReportsUnreadableOnes) {
    test::TempDir dir;
    auto file = dir.path() / "plugin.json";
    EXPECT_THROW(
        {
            try {
                read_manifest(file);
            } catch (const ManifestError& error) {
                EXPECT_THAT(error.what(), HasSubstr("cannot be read"));
                throw;
            }
        },
        ManifestError);
    std::ofstream(file) << "{ not json";
    try {
        read_manifest(file);
        FAIL() << "invalid JSON accepted";
    } catch (const ManifestError& error) {
        EXPECT_THAT(error.what(), HasSubstr(file.string() + ": is not valid JSON"));
    }
    std::ofstream(file, std::ios::trunc) << minimal().dump();
    EXPECT_EQ(read_manifest(file).id, "hello");
}

}  // namespace
}  // namespace billing::host
