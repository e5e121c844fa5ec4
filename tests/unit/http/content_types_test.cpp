#include "http/content_types.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

TEST(ContentTypes, NamesTheTypesOfTheWebFiles) {
    EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type_for("assets/app-3f2a.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("assets/app.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("icon.png"), "image/png");
    EXPECT_EQ(content_type_for("photo.jpg"), "image/jpeg");
    EXPECT_EQ(content_type_for("photo.jpeg"), "image/jpeg");
    EXPECT_EQ(content_type_for("favicon.ico"), "image/x-icon");
    EXPECT_EQ(content_type_for("data.json"), "application/json");
    EXPECT_EQ(content_type_for("font.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("manifest.webmanifest"), "application/manifest+json");
    EXPECT_EQ(content_type_for("robots.txt"), "text/plain; charset=utf-8");
    EXPECT_EQ(content_type_for("app.js.map"), "application/json");
}

TEST(ContentTypes, IgnoresTheCaseOfTheExtension) {
    EXPECT_EQ(content_type_for("INDEX.HTML"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type_for("Photo.JPG"), "image/jpeg");
}

TEST(ContentTypes, FallsBackToOctetStream) {
    EXPECT_EQ(content_type_for("archive.tar.gz"), "application/octet-stream");
    EXPECT_EQ(content_type_for("README"), "application/octet-stream");
    EXPECT_EQ(content_type_for(".html"), "application/octet-stream");  // a hidden file, not an extension
}

}  // namespace
}  // namespace billing::host
