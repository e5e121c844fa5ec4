// The host's session timers: SessionTicker wakes SessionService::run_due()
// at the next due instant (and at least once a second, and after every
// change), which does what is due and finds the next due instant over all
// live sessions. Measured with 1,000 and 10,000 live 60-minute sessions and
// nothing due: the cost of each wake-up.
#include <benchmark/benchmark.h>

#include "rental_fixture.hpp"
#include "sessions/session_service.hpp"

namespace {

void BM_RunDueNothingDue(benchmark::State& state) {
    billing::bench::RentalFixture rental;
    rental.add_live_stations(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(rental.sessions().run_due());
    state.counters["sessions"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_RunDueNothingDue)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
