#include "read_flow.hpp"

#include <stdexcept>

namespace billing::bench {

ReadFlow::ReadFlow(std::vector<std::string> targets, std::size_t first)
    : targets_(std::move(targets)), next_(first) {
    if (targets_.empty()) throw std::invalid_argument("ReadFlow needs at least one target");
}

LoadRequest ReadFlow::next() {
    const auto& target = targets_[next_++ % targets_.size()];
    return {.label = "GET " + target, .method = "GET", .target = target, .body = {}};
}

void ReadFlow::answered(const LoadRequest& request, int status, const std::string& body) {
    if (status != 200)
        throw std::runtime_error(request.label + " answered " + std::to_string(status) + ": " + body.substr(0, 300));
}

}  // namespace billing::bench
