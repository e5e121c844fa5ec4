#pragma once
#include <chrono>
#include <string>

namespace billing::bench {

using Clock = std::chrono::steady_clock;

// What a simulated TV's screen shows, as its last messages said.
struct TvScreen {
    bool greeted = false;          // a first state arrived
    bool closed = false;           // the connection ended (see error)
    std::string mode;              // the last state's mode
    Clock::time_point mode_since;  // when the first state with this mode arrived
    std::string station_code;      // the last state's station, empty when unpaired
    std::string pairing_code;      // the last pairing QR's code, spaces removed
    std::string token;             // the device token from `paired`
    std::string error;             // why the connection ended
};

}  // namespace billing::bench
