#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace billing::test {

struct SseEvent {
    std::string id, event, data;
};

// Splits a Server-Sent Events stream, fed in pieces as they arrive, into
// events (a blank line ends one; several data lines join with "\n") and
// comments (lines starting with ':').
class SseParser {
public:
    struct Output {
        std::vector<SseEvent> events;
        std::vector<std::string> comments;  // without the ':' and leading space
    };
    Output feed(std::string_view bytes);

private:
    void take_line(std::string_view line, Output& output);

    std::string partial_line_;
    SseEvent current_;
    bool has_data_ = false;
};

}  // namespace billing::test
