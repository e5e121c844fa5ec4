#pragma once
#include <functional>

namespace billing::host {

// Runs work somewhere else: on a strand, on the worker threads. Keeps Asio's
// heavy headers out of modules that only need to hand work over.
using Poster = std::function<void(std::function<void()>)>;

}  // namespace billing::host
