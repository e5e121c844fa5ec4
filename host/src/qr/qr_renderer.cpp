#include "qr/qr_renderer.hpp"

#include <qrencode.h>

#include <cctype>
#include <cerrno>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

namespace billing::host {
namespace {

struct QrcodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrcodePtr = std::unique_ptr<QRcode, QrcodeDeleter>;

QRecLevel to_level(sdk::QrOptions::Correction correction) {
    switch (correction) {
        case sdk::QrOptions::Correction::low: return QR_ECLEVEL_L;
        case sdk::QrOptions::Correction::medium: return QR_ECLEVEL_M;
        case sdk::QrOptions::Correction::quartile: return QR_ECLEVEL_Q;
        case sdk::QrOptions::Correction::high: return QR_ECLEVEL_H;
    }
    throw std::invalid_argument("unknown QR correction level");
}

const char* level_name(sdk::QrOptions::Correction correction) {
    switch (correction) {
        case sdk::QrOptions::Correction::low: return "low";
        case sdk::QrOptions::Correction::medium: return "medium";
        case sdk::QrOptions::Correction::quartile: return "quartile";
        case sdk::QrOptions::Correction::high: return "high";
    }
    return "unknown";
}

// Colours end up inside an SVG attribute: only #rgb and #rrggbb get there.
void check_color(const std::string& color, const char* which) {
    bool valid = (color.size() == 4 || color.size() == 7) && color.front() == '#';
    for (std::size_t i = 1; valid && i < color.size(); ++i) {
        valid = std::isxdigit(static_cast<unsigned char>(color[i])) != 0;
    }
    if (!valid) {
        throw std::invalid_argument(fmt::format("QR {} colour \"{}\" is not #rgb or #rrggbb", which, color));
    }
}

QrcodePtr encode(const std::string& text, sdk::QrOptions::Correction correction) {
    if (text.empty()) throw std::invalid_argument("QR text is empty");
    if (text.find('\0') != std::string::npos) throw std::invalid_argument("QR text contains a NUL byte");
    // Version 0: the smallest symbol that holds the text. QR_MODE_8 with
    // case sensitivity keeps every byte as it is (UTF-8 passes through).
    QrcodePtr code(QRcode_encodeString(text.c_str(), 0, to_level(correction), QR_MODE_8, 1));
    if (!code) {
        if (errno == ERANGE) {
            throw std::invalid_argument(fmt::format("QR text of {} bytes is more than a QR code holds at "
                                                    "correction level {}",
                                                    text.size(), level_name(correction)));
        }
        throw std::invalid_argument(fmt::format("QR encoding of {} bytes failed (errno {})", text.size(), errno));
    }
    return code;
}

// One "M x y h len v1 h -len z" rectangle per horizontal run of dark modules.
std::string dark_runs_path(const QRcode& code, int quiet_zone) {
    std::string path;
    for (int y = 0; y < code.width; ++y) {
        const unsigned char* row = code.data + static_cast<std::size_t>(y) * static_cast<std::size_t>(code.width);
        for (int x = 0; x < code.width;) {
            if ((row[x] & 1) == 0) {
                ++x;
                continue;
            }
            int start = x;
            while (x < code.width && (row[x] & 1) != 0) ++x;
            path += fmt::format("M{} {}h{}v1h-{}z", start + quiet_zone, y + quiet_zone, x - start, x - start);
        }
    }
    return path;
}

}  // namespace

std::string QrRenderer::svg(const std::string& text, const sdk::QrOptions& options) const {
    check_color(options.dark_color, "dark");
    check_color(options.light_color, "light");
    if (options.quiet_zone_modules < 0) {
        throw std::invalid_argument(fmt::format("QR quiet zone of {} modules is negative", options.quiet_zone_modules));
    }
    QrcodePtr code = encode(text, options.correction);
    const int size = code->width + 2 * options.quiet_zone_modules;
    return fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" shape-rendering="crispEdges">)"
        R"(<rect width="{0}" height="{0}" fill="{1}"/><path fill="{2}" d="{3}"/></svg>)",
        size, options.light_color, options.dark_color, dark_runs_path(*code, options.quiet_zone_modules));
}

}  // namespace billing::host
