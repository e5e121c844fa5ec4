#pragma once
#include <string>
#include <vector>

#include "http_load.hpp"

namespace billing::bench {

// Authenticated reads: GET of each target in turn, each answer must be 200.
// Latencies are labelled "GET <target>".
class ReadFlow : public RequestFlow {
public:
    explicit ReadFlow(std::vector<std::string> targets, std::size_t first = 0);
    LoadRequest next() override;
    void answered(const LoadRequest& request, int status, const std::string& body) override;

private:
    std::vector<std::string> targets_;
    std::size_t next_;
};

}  // namespace billing::bench
