#pragma once
#include <string>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

struct QrOptions {
    enum class Correction { low, medium, quartile, high };
    Correction correction = Correction::medium;
    int quiet_zone_modules = 4;
    std::string dark_color = "#000000";
    std::string light_color = "#ffffff";
};

// QR codes rendered by the host (libqrencode) as SVG, crisp at any size.
class BILLING_SDK_API QrRenderer {
public:
    virtual ~QrRenderer() = default;
    // Throws std::invalid_argument if the text cannot be encoded.
    virtual std::string svg(const std::string& text, const QrOptions& options = {}) const = 0;
};

}  // namespace billing::sdk
