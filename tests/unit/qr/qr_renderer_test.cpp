#include "qr/qr_renderer.hpp"

#include <qrencode.h>

#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace billing::host {
namespace {

using Matrix = std::vector<std::vector<bool>>;
using Correction = sdk::QrOptions::Correction;

const std::string kWhatsAppLink = "https://wa.me/6281234567890?text=TV01%20a7f3c9";

std::string attribute(const std::string& svg, const std::string& element, const std::string& name) {
    std::smatch match;
    if (!std::regex_search(svg, match, std::regex("<" + element + R"([^>]*\s)" + name + R"(="([^"]*)\")"))) {
        ADD_FAILURE() << "no " << element << " " << name << " in " << svg;
        return {};
    }
    return match[1];
}

int view_size(const std::string& svg) {
    std::smatch match;
    std::string view_box = attribute(svg, "svg", "viewBox");
    EXPECT_TRUE(std::regex_match(view_box, match, std::regex(R"(0 0 (\d+) (\d+))"))) << view_box;
    EXPECT_EQ(match[1], match[2]) << "a QR code is square";
    return std::stoi(match[1]);
}

// Paints the path's rectangles back onto a grid the size of the viewBox.
Matrix modules_of(const std::string& svg) {
    const int size = view_size(svg);
    Matrix grid(static_cast<std::size_t>(size), std::vector<bool>(static_cast<std::size_t>(size), false));
    const std::string d = attribute(svg, "path", "d");
    const std::regex run(R"(M(\d+) (\d+)h(\d+)v1h-(\d+)z)");
    std::size_t covered = 0;
    for (auto it = std::sregex_iterator(d.begin(), d.end(), run); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        int x = std::stoi(m[1]), y = std::stoi(m[2]), length = std::stoi(m[3]);
        EXPECT_EQ(m[3], m[4]) << "a run must close on itself";
        for (int i = 0; i < length; ++i) grid.at(static_cast<std::size_t>(y)).at(static_cast<std::size_t>(x + i)) = true;
        covered += static_cast<std::size_t>(m.length());
    }
    EXPECT_EQ(covered, d.size()) << "the path holds only runs: " << d;
    return grid;
}

// libqrencode's own matrix for the text, surrounded by the quiet zone.
Matrix reference(const std::string& text, QRecLevel level, int quiet_zone) {
    QRcode* code = QRcode_encodeString(text.c_str(), 0, level, QR_MODE_8, 1);
    EXPECT_NE(code, nullptr);
    const int size = code->width + 2 * quiet_zone;
    Matrix grid(static_cast<std::size_t>(size), std::vector<bool>(static_cast<std::size_t>(size), false));
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            grid[static_cast<std::size_t>(y + quiet_zone)][static_cast<std::size_t>(x + quiet_zone)] =
                (code->data[y * code->width + x] & 1) != 0;
        }
    }
    QRcode_free(code);
    return grid;
}

std::string error_of(const std::string& text, const sdk::QrOptions& options = {}) {
    try {
        QrRenderer().svg(text, options);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "no error";
}

TEST(QrRenderer, DrawsExactlyTheModulesOfLibqrencode) {
    const std::string svg = QrRenderer().svg(kWhatsAppLink);
    EXPECT_EQ(modules_of(svg), reference(kWhatsAppLink, QR_ECLEVEL_M, 4));
}

TEST(QrRenderer, IsCompactCrispSvg) {
    const std::string svg = QrRenderer().svg(kWhatsAppLink);
    EXPECT_THAT(svg, ::testing::StartsWith(R"(<svg xmlns="http://www.w3.org/2000/svg")"));
    EXPECT_EQ(attribute(svg, "svg", "shape-rendering"), "crispEdges");
    EXPECT_EQ(attribute(svg, "rect", "fill"), "#ffffff");
    EXPECT_EQ(attribute(svg, "path", "fill"), "#000000");
    EXPECT_LT(svg.size(), 12000u) << "one path of runs, not one element per module";
}

TEST(QrRenderer, HonoursCorrectionLevel) {
    sdk::QrOptions options;
    options.correction = Correction::high;
    const std::string high = QrRenderer().svg(kWhatsAppLink, options);
    options.correction = Correction::low;
    const std::string low = QrRenderer().svg(kWhatsAppLink, options);
    EXPECT_EQ(modules_of(high), reference(kWhatsAppLink, QR_ECLEVEL_H, 4));
    EXPECT_EQ(modules_of(low), reference(kWhatsAppLink, QR_ECLEVEL_L, 4));
    EXPECT_GT(view_size(high), view_size(low)) << "more correction needs a bigger symbol";
}

TEST(QrRenderer, HonoursQuietZone) {
    sdk::QrOptions options;
    options.quiet_zone_modules = 0;
    const std::string bare = QrRenderer().svg(kWhatsAppLink, options);
    options.quiet_zone_modules = 7;
    const std::string wide = QrRenderer().svg(kWhatsAppLink, options);
    EXPECT_EQ(modules_of(bare), reference(kWhatsAppLink, QR_ECLEVEL_M, 0));
    EXPECT_EQ(modules_of(wide), reference(kWhatsAppLink, QR_ECLEVEL_M, 7));
    EXPECT_EQ(view_size(wide), view_size(bare) + 14);
}

TEST(QrRenderer, HonoursColours) {
    sdk::QrOptions options;
    options.dark_color = "#123";
    options.light_color = "#FaFbFc";
    const std::string svg = QrRenderer().svg("TV01", options);
    EXPECT_EQ(attribute(svg, "path", "fill"), "#123");
    EXPECT_EQ(attribute(svg, "rect", "fill"), "#FaFbFc");
}

TEST(QrRenderer, KeepsUtf8Bytes) {
    const std::string text = "Rp 10.000 \xE2\x80\x94 1 jam";  // an em dash
    EXPECT_EQ(modules_of(QrRenderer().svg(text)), reference(text, QR_ECLEVEL_M, 4));
}

TEST(QrRenderer, RejectsInvalidColours) {
    for (const std::string color : {"red", "#12", "#1234", "#12345g", "#1234567", "000000", "#fff\"/><script>"}) {
        sdk::QrOptions options;
        options.dark_color = color;
        EXPECT_THAT(error_of("TV01", options), ::testing::HasSubstr("dark colour \"" + color + "\"")) << color;
    }
    sdk::QrOptions options;
    options.light_color = "white";
    EXPECT_THAT(error_of("TV01", options), ::testing::HasSubstr("light colour \"white\""));
}

TEST(QrRenderer, RejectsTextOverCapacityWithItsLength) {
    sdk::QrOptions options;
    options.correction = Correction::high;
    EXPECT_THAT(error_of(std::string(1500, 'x'), options),
                ::testing::AllOf(::testing::HasSubstr("1500 bytes"), ::testing::HasSubstr("high")));
    EXPECT_THAT(error_of(std::string(3000, 'x')), ::testing::HasSubstr("3000 bytes"));
}

TEST(QrRenderer, RejectsUnencodableInput) {
    EXPECT_THAT(error_of(""), ::testing::HasSubstr("empty"));
    EXPECT_THAT(error_of(std::string("TV01\0x", 6)), ::testing::HasSubstr("NUL"));
    sdk::QrOptions options;
    options.quiet_zone_modules = -1;
    EXPECT_THAT(error_of("TV01", options), ::testing::HasSubstr("quiet zone"));
}

}  // namespace
}  // namespace billing::host
