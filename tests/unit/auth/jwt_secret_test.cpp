#include <gtest/gtest.h>

#include <fstream>

#include <sys/stat.h>

#include "auth/jwt_secret.hpp"
#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

namespace fs = std::filesystem;

TEST(JwtSecret, CreatesThirtyTwoPrivateRandomBytesOnFirstRun) {
    test::TempDir dir;
    const auto file = dir.path() / "jwt.secret";
    const auto secret = load_or_create_jwt_secret(file);

    ASSERT_TRUE(fs::exists(file));
    EXPECT_EQ(fs::file_size(file), jwt_secret_size);
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_NE(secret, JwtSecret{});  // 32 zero bytes would be a broken generator
}

TEST(JwtSecret, ReadsTheSameSecretOnLaterRuns) {
    test::TempDir dir;
    const auto file = dir.path() / "jwt.secret";
    const auto first = load_or_create_jwt_secret(file);
    EXPECT_EQ(load_or_create_jwt_secret(file), first);
}

TEST(JwtSecret, EachDataDirectoryGetsItsOwnSecret) {
    test::TempDir a, b;
    EXPECT_NE(load_or_create_jwt_secret(a.path() / "jwt.secret"), load_or_create_jwt_secret(b.path() / "jwt.secret"));
}

TEST(JwtSecret, RefusesAFileOfTheWrongSizeAndKeepsIt) {
    test::TempDir dir;
    const auto file = dir.path() / "jwt.secret";
    std::ofstream(file) << "too short";
    try {
        load_or_create_jwt_secret(file);
        FAIL() << "a 9-byte secret was accepted";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("9 bytes"), std::string::npos) << error.what();
    }
    EXPECT_EQ(fs::file_size(file), 9u);  // not overwritten
}

TEST(JwtSecret, RefusesADirectoryInItsPlace) {
    test::TempDir dir;
    fs::create_directory(dir.path() / "jwt.secret");
    EXPECT_THROW(load_or_create_jwt_secret(dir.path() / "jwt.secret"), std::runtime_error);
}

TEST(JwtSecret, ReportsAMissingDirectory) {
    test::TempDir dir;
    EXPECT_THROW(load_or_create_jwt_secret(dir.path() / "missing" / "jwt.secret"), std::runtime_error);
}

}  // namespace
}  // namespace billing::host
