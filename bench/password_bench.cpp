// Password verification through the host's PasswordHasher (argon2id,
// libsodium): the cost the host uses (INTERACTIVE: 2 passes over 64 MiB)
// beside libsodium's MODERATE level and its minimum, to show what a login
// costs the host and a guess costs an attacker (docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sodium.h>

#include "auth/password_hasher.hpp"

namespace {

using billing::host::PasswordCost;
using billing::host::PasswordHasher;

PasswordCost cost_of(std::int64_t level) {
    switch (level) {
        case 0: return PasswordCost::minimum();
        case 1: return PasswordCost::interactive();
        default: return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    }
}

void BM_PasswordVerify(benchmark::State& state) {
    const auto cost = cost_of(state.range(0));
    const PasswordHasher hasher(cost);
    const auto hash = hasher.hash("bench-password-1");
    for (auto _ : state) benchmark::DoNotOptimize(hasher.verify(hash, "bench-password-1"));
    state.SetLabel(fmt::format("t={} m={} MiB", cost.opslimit, cost.memlimit >> 20));
}
BENCHMARK(BM_PasswordVerify)->ArgName("level")->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
