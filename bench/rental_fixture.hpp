#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>

namespace billing::host {
class SessionService;
class StationBoard;
}  // namespace billing::host

namespace billing::bench {

// The host's rental core in this process, wired as application.cpp wires it,
// on a database in a fresh directory (under /dev/shm when there is one: the
// benchmarks measure CPU, not the disk), for micro-benchmarks. The
// directory is removed afterwards.
class RentalFixture {
public:
    RentalFixture();
    ~RentalFixture();
    RentalFixture(const RentalFixture&) = delete;
    RentalFixture& operator=(const RentalFixture&) = delete;

    // `count` more PS4 stations, each with a live 60-minute fixed session.
    void add_live_stations(int count);

    host::SessionService& sessions();
    host::StationBoard& board();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::bench
