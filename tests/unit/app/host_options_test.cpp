#include "app/host_options.hpp"

#include <fstream>
#include <vector>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

class HostOptionsTest : public ::testing::Test {
protected:
    void SetUp() override { std::filesystem::create_directories(dir_ / "bin"); }

    CommandLine parse(std::vector<const char*> args) {
        args.insert(args.begin(), "billing-host");
        return parse_command_line(static_cast<int>(args.size()), args.data(), dir_ / "bin");
    }
    std::string write_config(const std::string& text) {
        auto file = dir_ / "billing.json";
        std::ofstream(file) << text;
        return file.string();
    }

    test::TempDir temp_;
    const std::filesystem::path dir_ = temp_.path();
};

TEST_F(HostOptionsTest, DefaultsFindPluginsAndWebNextToTheExecutable) {
    auto result = parse({});
    ASSERT_TRUE(result.run) << result.message;
    EXPECT_EQ(result.options.port, 8080);
    EXPECT_EQ(result.options.data_dir, "data");
    EXPECT_EQ(result.options.plugins_dir, (dir_ / "lib/billing-host/plugins").lexically_normal());
    EXPECT_EQ(result.options.web_dir, (dir_ / "share/billing-host/web").lexically_normal());
    EXPECT_TRUE(result.options.config_file.empty());
}

TEST_F(HostOptionsTest, FlagsOverrideTheConfigFile) {
    auto config = write_config(R"({"server":{"port":9000,"bind":"127.0.0.1"},"log_level":"debug"})");
    auto result = parse({"--config", config.c_str(), "--port", "9100", "--data-dir", "/tmp/x"});
    ASSERT_TRUE(result.run) << result.message;
    EXPECT_EQ(result.options.port, 9100);
    EXPECT_EQ(result.options.bind_address, "127.0.0.1");
    EXPECT_EQ(result.options.log_level, "debug");
    EXPECT_EQ(result.options.data_dir, "/tmp/x");
    EXPECT_EQ(result.options.config_file, config);
}

TEST_F(HostOptionsTest, TheInstalledConfigIsReadWhenPresent) {
    std::filesystem::create_directories(dir_ / "etc/billing-host");
    std::ofstream(dir_ / "etc/billing-host/billing.json") << R"({"server":{"port":8181}})";
    auto result = parse({});
    ASSERT_TRUE(result.run) << result.message;
    EXPECT_EQ(result.options.port, 8181);
}

TEST_F(HostOptionsTest, TheShippedDefaultConfigIsValid) {
    auto result = parse({"--config", BILLING_SOURCE_DIR "/config/billing.json"});
    ASSERT_TRUE(result.run) << result.message;
    EXPECT_EQ(result.options.port, 8080);
}

TEST_F(HostOptionsTest, HelpDocumentsEveryFlagAndExitsZero) {
    auto result = parse({"--help"});
    EXPECT_FALSE(result.run);
    EXPECT_EQ(result.exit_code, 0);
    for (auto flag : {"--config", "--data-dir", "--port", "--bind", "--plugins-dir", "--log-level"})
        EXPECT_NE(result.message.find(flag), std::string::npos) << flag;
}

TEST_F(HostOptionsTest, UnknownFlagExitsWithTwo) {
    auto result = parse({"--colour", "red"});
    EXPECT_FALSE(result.run);
    EXPECT_EQ(result.exit_code, kUsageErrorExitCode);
    EXPECT_NE(result.message.find("--colour"), std::string::npos);
}

TEST_F(HostOptionsTest, BadFlagValuesExitWithTwo) {
    EXPECT_EQ(parse({"--port", "70000"}).exit_code, kUsageErrorExitCode);
    EXPECT_EQ(parse({"--port", "abc"}).exit_code, kUsageErrorExitCode);
    auto level = parse({"--log-level", "loud"});
    EXPECT_EQ(level.exit_code, kUsageErrorExitCode);
    EXPECT_NE(level.message.find("--log-level"), std::string::npos);
}

struct BadConfig {
    const char* text;
    const char* mentions;
};

class InvalidConfigTest : public HostOptionsTest, public ::testing::WithParamInterface<BadConfig> {};

TEST_P(InvalidConfigTest, ExitsWithTwoNamingTheProblem) {
    auto config = write_config(GetParam().text);
    auto result = parse({"--config", config.c_str()});
    EXPECT_FALSE(result.run);
    EXPECT_EQ(result.exit_code, kUsageErrorExitCode);
    EXPECT_NE(result.message.find(GetParam().mentions), std::string::npos) << result.message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, InvalidConfigTest,
    ::testing::Values(BadConfig{"{not json", "not valid JSON"}, BadConfig{"[1,2]", "JSON object"},
                      BadConfig{R"({"server":{"prot":1}})", "server.prot"},
                      BadConfig{R"({"colour":"red"})", "colour"},
                      BadConfig{R"({"server":{"port":"80"}})", "server.port must be an integer"},
                      BadConfig{R"({"server":{"port":99999}})", "server.port must be between"},
                      BadConfig{R"({"server":8080})", "server must be an object"},
                      BadConfig{R"({"log_level":"loud"})", "log_level"},
                      BadConfig{R"({"paths":{"data_dir":""}})", "data directory"}));

TEST_F(HostOptionsTest, MissingConfigFileExitsWithTwo) {
    auto result = parse({"--config", "/nonexistent/billing.json"});
    EXPECT_EQ(result.exit_code, kUsageErrorExitCode);
    EXPECT_NE(result.message.find("/nonexistent/billing.json"), std::string::npos);
}

}  // namespace
}  // namespace billing::host
