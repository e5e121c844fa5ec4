#include "http/static_files.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "http/request_target.hpp"
#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::string header(const sdk::HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return {};
}

// A web root inside a temporary directory, with a secret file beside it
// that no request may reach.
struct WebRoot {
    WebRoot() {
        write_file(root() / "index.html", "<html>app</html>");
        write_file(root() / "assets/app-1234.js", "console.log(1)");
        write_file(root() / "tv/index.html", "<html>tv</html>");
        write_file(root() / "empty-dir/.keep", "");
        write_file(root() / ".hidden", "hidden");
        write_file(temp.path() / "secret.txt", "secret");
        fs::create_symlink(temp.path() / "secret.txt", root() / "link.txt");
        fs::create_directory_symlink(temp.path(), root() / "escape");
    }
    fs::path root() const { return temp.path() / "web"; }

    test::TempDir temp;
};

class StaticFilesTest : public ::testing::Test {
protected:
    fs::path root() const { return web_.root(); }
    // What a raw request target leads to, decoded as the server does.
    std::optional<StaticFiles::Resolved> resolve_target(const std::string& target) const {
        auto decoded = parse_request_target(target);
        if (!decoded) return std::nullopt;
        return files_.resolve(decoded->path);
    }

    WebRoot web_;
    StaticFiles files_{web_.root()};
};

TEST_F(StaticFilesTest, ResolvesFilesAndDirectoryIndexes) {
    EXPECT_EQ(files_.resolve("/")->file, fs::canonical(root() / "index.html"));
    EXPECT_EQ(files_.resolve("/index.html")->file, fs::canonical(root() / "index.html"));
    EXPECT_EQ(files_.resolve("/tv")->file, fs::canonical(root() / "tv/index.html"));
    EXPECT_EQ(files_.resolve("/tv/")->file, fs::canonical(root() / "tv/index.html"));
    auto asset = files_.resolve("/assets/app-1234.js");
    ASSERT_TRUE(asset);
    EXPECT_TRUE(asset->immutable);
    EXPECT_FALSE(files_.resolve("/tv")->immutable);
}

TEST_F(StaticFilesTest, FallsBackToTheAppForPathsThatAreNotFiles) {
    EXPECT_EQ(files_.resolve("/sessions/today")->file, fs::canonical(root() / "index.html"));
    EXPECT_EQ(files_.resolve("/empty-dir")->file, fs::canonical(root() / "index.html"));
    EXPECT_FALSE(files_.resolve("/missing.js"));
    EXPECT_FALSE(files_.resolve("/assets/missing-5678.css"));
}

TEST_F(StaticFilesTest, RefusesTraversal) {
    for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/./index.html", "/tv/../index.html",
                             "/..", "/tv/.."})
        EXPECT_FALSE(files_.resolve(path)) << path;
}

TEST_F(StaticFilesTest, RefusesEncodedTraversalSlashesAndNuls) {
    for (const char* target : {"/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                               "/..%2fsecret.txt", "/..%2Fsecret.txt", "/..%5csecret.txt", "/index.html%00.png",
                               "/%00", "/.%2e/secret.txt"})
        EXPECT_FALSE(resolve_target(target)) << target;
}

TEST_F(StaticFilesTest, RefusesBackslashesNulsAndHiddenFiles) {
    EXPECT_FALSE(files_.resolve("/..\\secret.txt"));
    EXPECT_FALSE(files_.resolve("/tv\\index.html"));
    EXPECT_FALSE(files_.resolve(std::string("/index.html\0.png", 16)));
    EXPECT_FALSE(files_.resolve("/.hidden"));
    EXPECT_FALSE(files_.resolve("/empty-dir/.keep"));
    EXPECT_FALSE(files_.resolve("//index.html"));
    EXPECT_FALSE(files_.resolve("index.html"));
}

TEST_F(StaticFilesTest, SymbolicLinksCannotLeadOutOfTheRoot) {
    EXPECT_FALSE(files_.resolve("/link.txt"));
    EXPECT_FALSE(files_.resolve("/escape/secret.txt"));
}

TEST_F(StaticFilesTest, ServesWithTypeAndCachingHeaders) {
    auto page = files_.serve("/tv", "");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(page.file_path, fs::canonical(root() / "tv/index.html").string());
    EXPECT_EQ(header(page, "Cache-Control"), "no-cache");
    EXPECT_FALSE(header(page, "ETag").empty());

    auto asset = files_.serve("/assets/app-1234.js", "");
    EXPECT_EQ(asset.content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(header(asset, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, AnswersNotModifiedForTheCurrentETag) {
    auto etag = header(files_.serve("/index.html", ""), "ETag");
    auto again = files_.serve("/index.html", etag);
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.file_path.empty());
    EXPECT_EQ(header(again, "ETag"), etag);
    EXPECT_EQ(files_.serve("/index.html", "W/" + etag).status, 304);
    EXPECT_EQ(files_.serve("/index.html", "\"other\", " + etag).status, 304);
    EXPECT_EQ(files_.serve("/index.html", "\"other\"").status, 200);

    // A changed file has a new ETag.
    write_file(root() / "index.html", "<html>a longer app</html>");
    EXPECT_EQ(files_.serve("/index.html", etag).status, 200);
}

TEST_F(StaticFilesTest, AnswersNotFoundInTheErrorShape) {
    auto missing = files_.serve("/missing.js", "");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "not_found");
}

TEST(StaticFiles, AnEmptyOrMissingRootServesNothing) {
    EXPECT_FALSE(StaticFiles("").resolve("/"));
    EXPECT_FALSE(StaticFiles("/nonexistent/web/root").resolve("/index.html"));
}

}  // namespace
}  // namespace billing::host
