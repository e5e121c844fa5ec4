#include <gtest/gtest.h>

#include "plugins/config_schema.hpp"

namespace billing::host {
namespace {

using nlohmann::json;

ConfigSchema fixture_schema() {
    return ConfigSchema(json::parse(R"({
      "type": "object",
      "properties": {
        "greeting": {"type": "string", "default": "halo", "minLength": 1, "maxLength": 5},
        "max_items": {"type": "integer", "default": 10, "minimum": 1, "maximum": 100},
        "ratio": {"type": "number", "minimum": 0.5},
        "enabled": {"type": "boolean"},
        "mode": {"type": "string", "enum": ["fast", "slow"]},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
        "server": {
          "type": "object",
          "required": ["host"],
          "properties": {"host": {"type": "string"}, "port": {"type": "integer", "default": 80}},
          "additionalProperties": false
        }
      },
      "required": ["greeting"],
      "additionalProperties": false
    })"));
}

std::string error_of(const ConfigSchema& schema, const json& config) {
    auto error = schema.validate(config);
    return error ? error->path + " | " + error->message : "valid";
}

TEST(ConfigSchema, ValidConfigurations) {
    auto schema = fixture_schema();
    EXPECT_EQ(error_of(schema, {{"greeting", "hai"}}), "valid");
    EXPECT_EQ(error_of(schema, json::parse(R"({"greeting":"hai","max_items":100,"ratio":0.5,"enabled":true,
        "mode":"slow","tags":["a","bcd"],"server":{"host":"x","port":8080}})")),
              "valid");
    EXPECT_EQ(error_of(schema, {{"greeting", "héllo"}}), "valid") << "length counts characters, not bytes";
}

TEST(ConfigSchema, FirstErrorWithItsPath) {
    auto schema = fixture_schema();
    EXPECT_EQ(error_of(schema, json::array()), "$ | $ must be an object");
    EXPECT_EQ(error_of(schema, json::object()), "$.greeting | $.greeting is required");
    EXPECT_EQ(error_of(schema, {{"greeting", 5}}), "$.greeting | $.greeting must be a string");
    EXPECT_EQ(error_of(schema, {{"greeting", ""}}), "$.greeting | $.greeting must be at least 1 characters long");
    EXPECT_EQ(error_of(schema, {{"greeting", "selamat"}}),
              "$.greeting | $.greeting must be at most 5 characters long");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"max_items", 0}}), "$.max_items | $.max_items must be at least 1");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"max_items", 101}}),
              "$.max_items | $.max_items must be at most 100");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"max_items", 1.5}}),
              "$.max_items | $.max_items must be an integer");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"ratio", 0.25}}), "$.ratio | $.ratio must be at least 0.5");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"enabled", "yes"}}), "$.enabled | $.enabled must be a boolean");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"mode", "medium"}}),
              "$.mode | $.mode must be one of [\"fast\",\"slow\"]");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"tags", {"ok", "long"}}}),
              "$.tags[1] | $.tags[1] must be at most 3 characters long");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"server", {{"port", 1}}}}),
              "$.server.host | $.server.host is required");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"server", {{"host", "h"}, {"user", "u"}}}}),
              "$.server.user | $.server.user is not allowed");
    EXPECT_EQ(error_of(schema, {{"greeting", "a"}, {"colour", "red"}}), "$.colour | $.colour is not allowed");
}

TEST(ConfigSchema, AdditionalPropertiesAreAllowedUnlessForbidden) {
    ConfigSchema open(json::parse(R"({"type":"object","properties":{"a":{"type":"integer"}}})"));
    EXPECT_FALSE(open.validate({{"b", "anything"}}));
}

TEST(ConfigSchema, DefaultsFillAbsentPropertiesNestedToo) {
    auto schema = fixture_schema();
    auto config = schema.with_defaults({{"server", {{"host", "h"}}}});
    EXPECT_EQ(config["greeting"], "halo");
    EXPECT_EQ(config["max_items"], 10);
    EXPECT_EQ(config["server"]["port"], 80);
    EXPECT_FALSE(config.contains("ratio"));
    EXPECT_EQ(schema.with_defaults({{"greeting", "hai"}})["greeting"], "hai") << "given values are kept";
    EXPECT_EQ(ConfigSchema().with_defaults(json::object()), json::object());
}

TEST(ConfigSchema, MalformedSchemasNameThePlace) {
    auto error_of_schema = [](const char* text) -> std::string {
        try {
            ConfigSchema schema(json::parse(text));
        } catch (const std::invalid_argument& error) {
            return error.what();
        }
        return "accepted";
    };
    EXPECT_EQ(error_of_schema(R"({"type":"string"})"), "config_schema: type must be object");
    EXPECT_EQ(error_of_schema(R"({"properties":{}})"),
              "config_schema: type must be one of object, string, integer, number, boolean, array");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"a":{"type":"string","pattern":"x"}}})"),
              "config_schema.properties.a: unsupported keyword \"pattern\"");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"a":{"type":"string","minimum":1}}})"),
              "config_schema.properties.a: minimum does not apply to type string");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"a":{"type":"integer","maximum":"9"}}})"),
              "config_schema.properties.a: maximum must be a number");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"a":{"type":"string","maxLength":-1}}})"),
              "config_schema.properties.a: maxLength must be a non-negative integer");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"a":{"type":"string","enum":[]}}})"),
              "config_schema.properties.a: enum must be a non-empty array");
    EXPECT_EQ(error_of_schema(R"({"type":"object","required":"a"})"),
              "config_schema: required must be an array of property names");
    EXPECT_EQ(error_of_schema(R"({"type":"object","additionalProperties":{}})"),
              "config_schema: additionalProperties must be true or false");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"l":{"type":"array","items":{"type":"x"}}}})"),
              "config_schema.properties.l.items: type must be one of object, string, integer, number, boolean, array");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"n":{"type":"integer","default":"ten"}}})"),
              "config_schema.properties.n.default: value must be an integer");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"n":{"type":"integer","maximum":5,"default":9}}})"),
              "config_schema.properties.n.default: value must be at most 5");
    EXPECT_EQ(error_of_schema(R"({"type":"object","properties":{"m":{"type":"string","enum":["a",1]}}})"),
              "config_schema.properties.m.enum: value must be a string");
}

}  // namespace
}  // namespace billing::host
