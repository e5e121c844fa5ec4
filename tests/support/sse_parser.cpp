#include "support/sse_parser.hpp"

namespace billing::test {
namespace {

// "field: value" or "field:value" or "field" (an empty value).
std::pair<std::string_view, std::string_view> split_field(std::string_view line) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return {line, {}};
    std::string_view value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    return {line.substr(0, colon), value};
}

}  // namespace

SseParser::Output SseParser::feed(std::string_view bytes) {
    Output output;
    partial_line_.append(bytes);
    std::size_t start = 0;
    for (auto end = partial_line_.find('\n'); end != std::string::npos; end = partial_line_.find('\n', start)) {
        std::string_view line(partial_line_.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        take_line(line, output);
        start = end + 1;
    }
    partial_line_.erase(0, start);
    return output;
}

void SseParser::take_line(std::string_view line, Output& output) {
    if (line.empty()) {
        // As the SSE standard says, a block without data is not an event
        // (the stream's opening `retry:` block, for one).
        if (has_data_) output.events.push_back(std::move(current_));
        current_ = {};
        has_data_ = false;
        return;
    }
    if (line.front() == ':') {
        std::string_view comment = line.substr(1);
        if (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
        output.comments.emplace_back(comment);
        return;
    }
    auto [field, value] = split_field(line);
    if (field == "id") {
        current_.id = value;
    } else if (field == "event") {
        current_.event = value;
    } else if (field == "data") {
        if (has_data_) current_.data += '\n';
        current_.data += value;
        has_data_ = true;
    }
}

}  // namespace billing::test
