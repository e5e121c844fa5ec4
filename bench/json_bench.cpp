// JSON encoding of the station board (GET /api/v1/stations: every station
// with its live state and session) and of one TV's state snapshot (the
// tv-websocket plugin's `state` message), with every station live.
#include <benchmark/benchmark.h>

#include "core/clock.hpp"
#include "rental_fixture.hpp"
#include "screen_messages.hpp"
#include "sessions/station_board.hpp"

namespace {

using billing::bench::RentalFixture;

// Building and serialising the whole board, as on a cache miss (the host
// rebuilds it after a change, and at most every 200 ms while nothing changes).
void BM_StationBoardBuild(benchmark::State& state) {
    RentalFixture rental;
    rental.add_live_stations(static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto body = rental.board().list().dump();
        bytes = body.size();
        benchmark::DoNotOptimize(body);
    }
    state.counters["body_bytes"] = static_cast<double>(bytes);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_StationBoardBuild)->Arg(100)->Unit(benchmark::kMicrosecond);

// What a GET /api/v1/stations costs the board while nothing changed: the
// cached body is shared.
void BM_StationBoardCached(benchmark::State& state) {
    RentalFixture rental;
    rental.add_live_stations(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(rental.board().list_body());
}
BENCHMARK(BM_StationBoardCached)->Arg(100);

// One TV's `state` message for its live station, serialised: what the plugin
// sends a TV when its station changes.
void BM_TvStateSnapshot(benchmark::State& state) {
    RentalFixture rental;
    rental.add_live_stations(1);
    const auto station = rental.board().station_by_code("B00001");
    tv::Device device;
    device.id = 1;
    device.name = "TV B00001";
    device.station_id = station.at("id").get<std::int64_t>();
    device.state = "paired";
    const nlohmann::json shop = {{"name", "Bench Shop"}, {"time_zone", "Asia/Jakarta"}};
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto text = tv::screen_messages::state(device, station, shop, billing::host::now_ms()).dump();
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["body_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_TvStateSnapshot);

}  // namespace

BENCHMARK_MAIN();
