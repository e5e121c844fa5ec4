#pragma once
#include <string>

#include <billing/sdk/qr.hpp>

namespace billing::host {

// QR codes from libqrencode as compact SVG: the light background as one
// rect, the dark modules as one path of horizontal runs, the viewBox in
// modules (quiet zone included), so it scales crisply to any size.
class QrRenderer : public sdk::QrRenderer {
public:
    // Throws std::invalid_argument for empty text, text containing NUL,
    // text over the QR capacity at the requested correction level, a
    // negative quiet zone or a colour that is not #rgb / #rrggbb.
    std::string svg(const std::string& text, const sdk::QrOptions& options = {}) const override;
};

}  // namespace billing::host
